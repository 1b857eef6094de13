import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { assessmentMeasures, measures, tenderMeasures, tenders } from '../../db/schema/index.js';
import { withAudit, type Actor } from '../../platform/audit.js';
import { findVersionByStatus } from '../framework/repository.js';
import { isReadyForTender } from '../requirements/readiness.js';
import { lockRequirement } from '../requirements/repository.js';
import { DEFAULT_QUANTITATIVE_SHARE_BPS, DEFAULT_RISK_SHARE_BPS, DEFAULT_SV_WEIGHT_BPS, defaultScale } from './defaults.js';
import { findRequirementSummary, liveTenderFor, measuresByCode } from './repository.js';

export type CreateTenderResult =
  | { status: 'created' | 'exists'; tenderId: string }
  | { status: 'not-ready'; requirement: { id: string; number: number; title: string }; missing: string[] }
  | { status: 'missing' };

/**
 * Creates the draft tender for a requirement, or finds the one it already has (a requirement has one tender that is
 * not cancelled). An in-scope requirement must be ready (isReadyForTender: its assessment and screening complete,
 * unless an admin relaxed the gate). The draft starts with the defaults, the active framework version, and the
 * measures of the requirement's opportunity assessment with their targets as minimums, matched by code to the active
 * version. The requirement is locked meanwhile, so that two officers at once make one tender.
 */
export async function createTender(db: Db, actor: Actor, requirementId: string): Promise<CreateTenderResult> {
  const summary = await findRequirementSummary(db, requirementId);
  if (!summary) return { status: 'missing' };
  return withAudit(db, actor, `Created a draft tender for requirement ${summary.number}`, async (tx): Promise<CreateTenderResult> => {
    const requirement = await lockRequirement(tx, requirementId);
    if (!requirement) return { status: 'missing' };
    const existing = await liveTenderFor(tx, requirementId);
    if (existing) return { status: 'exists', tenderId: existing.id };
    const readiness = await isReadyForTender(tx, requirementId);
    const active = await findVersionByStatus(tx, 'active');
    const missing = [...readiness.missing, ...(active ? [] : ['Ask an administrator to activate a framework of outcomes and measures'])];
    if (!readiness.ready || !active) {
      return { status: 'not-ready', requirement: { id: requirementId, number: requirement.number, title: requirement.title }, missing };
    }

    const [tender] = await tx
      .insert(tenders)
      .values({
        requirementId,
        title: requirement.title,
        svWeightBps: DEFAULT_SV_WEIGHT_BPS,
        quantitativeShareBps: DEFAULT_QUANTITATIVE_SHARE_BPS,
        quantitativeMethod: 'highest_offer',
        riskShareBps: DEFAULT_RISK_SHARE_BPS,
        scale: defaultScale,
        frameworkVersionId: active.id,
        createdBy: actor.id,
      })
      .returning({ id: tenders.id });

    const assessed = await tx
      .select({ code: measures.code, targetHundredths: assessmentMeasures.targetHundredths })
      .from(assessmentMeasures)
      .innerJoin(measures, eq(measures.id, assessmentMeasures.measureId))
      .where(eq(assessmentMeasures.requirementId, requirementId));
    const matches = await measuresByCode(
      tx,
      active.id,
      assessed.map((m) => m.code),
    );
    const carried = assessed.flatMap((m) => {
      const match = matches.get(m.code);
      return match ? [{ tenderId: tender!.id, measureId: match.id, minimumHundredths: m.targetHundredths }] : [];
    });
    if (carried.length) await tx.insert(tenderMeasures).values(carried);
    return { status: 'created', tenderId: tender!.id };
  });
}
