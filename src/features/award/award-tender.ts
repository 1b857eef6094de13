import { and, eq, inArray, isNotNull, lte, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { bids, contractCommitments, contracts, organisations, requirements, tenders } from '../../db/schema/index.js';
import { todayIso } from '../../domain/dates.js';
import { withAudit, type Actor } from '../../platform/audit.js';
import { moveProfile } from '../../domain/delivery-periods.js';
import { isUniqueViolation } from '../framework/database-errors.js';
import { applicabilityFor } from '../thresholds/applicability-for.js';
import type { AwardDecision } from './forms.js';
import { isContractReferenceTaken, listCommitmentsOfBid } from './repository.js';

export type AwardResult = { ok: true; contractId: string } | { ok: false; reason: 'not-awardable' | 'reference-taken' };

/** Raised inside the transaction to undo it; never leaves this file. */
class AwardRefused extends Error {
  constructor(readonly reason: 'not-awardable' | 'reference-taken') {
    super(reason);
  }
}

/**
 * Awards a tender in one audited transaction: the contract (its social value applicability worked out for the
 * contract value today), the winning bid's commitments copied as the contract's KPIs (their delivery profiles moved
 * to the contract's start date) with the tender promise kept in original_*, the tender marked awarded with the reason, and the requirement's stage moved on.
 * The tender row is claimed first with a conditional update, so that two officers awarding at once make one contract;
 * the loser gets 'not-awardable' and nothing is written.
 */
export async function awardTender(db: Db, actor: Actor, tenderId: string, decision: AwardDecision): Promise<AwardResult> {
  const [winner] = await db
    .select({ supplierId: bids.organisationId, supplierName: organisations.name, tenderNumber: tenders.number })
    .from(bids)
    .innerJoin(organisations, eq(organisations.id, bids.organisationId))
    .innerJoin(tenders, eq(tenders.id, bids.tenderId))
    .where(and(eq(bids.id, decision.bidId), eq(bids.tenderId, tenderId), eq(bids.status, 'submitted')))
    .limit(1);
  if (!winner) return { ok: false, reason: 'not-awardable' };

  try {
    const contractId = await withAudit(db, actor, `Awarded tender ${winner.tenderNumber} to ${winner.supplierName}`, async (tx) => {
      if (await isContractReferenceTaken(tx, decision.reference)) throw new AwardRefused('reference-taken');
      const [claimed] = await tx
        .update(tenders)
        .set({ status: 'awarded', awardReason: decision.reason, updatedAt: new Date() })
        .where(
          and(
            eq(tenders.id, tenderId),
            inArray(tenders.status, ['published', 'closed']),
            lte(tenders.closingAt, sql`now()`),
            isNotNull(tenders.moderationLockedAt),
          ),
        )
        .returning({ title: tenders.title, requirementId: tenders.requirementId, frameworkVersionId: tenders.frameworkVersionId });
      if (!claimed) throw new AwardRefused('not-awardable');

      const [requirement] = await tx
        .update(requirements)
        .set({ stage: 'awarded', updatedAt: new Date() })
        .where(eq(requirements.id, claimed.requirementId))
        .returning({ description: requirements.description, directorate: requirements.directorate, expectedStart: requirements.expectedStart });
      const answer = await applicabilityFor(tx, decision.valuePence, decision.valueIncludesVat, todayIso());
      const [contract] = await tx
        .insert(contracts)
        .values({
          reference: decision.reference,
          title: claimed.title,
          description: requirement?.description ?? '',
          directorate: requirement?.directorate ?? '',
          supplierId: winner.supplierId,
          valuePence: decision.valuePence,
          valueIncludesVat: decision.valueIncludesVat,
          startDate: decision.startDate,
          endDate: decision.endDate,
          contractManagerId: decision.contractManagerId,
          applicability: answer.level,
          source: 'award',
          tenderId,
          bidId: decision.bidId,
          frameworkVersionId: claimed.frameworkVersionId,
          reportingFrequency: decision.reportingFrequency,
        })
        .returning({ id: contracts.id });

      const promised = await listCommitmentsOfBid(tx, decision.bidId);
      if (promised.length) {
        await tx.insert(contractCommitments).values(
          promised.map((c) => {
            const profile = requirement ? moveProfile(c.profile, requirement.expectedStart, decision.startDate) : c.profile;
            return {
              contractId: contract!.id,
              measureId: c.measureId,
              quantityHundredths: c.quantityHundredths,
              profile,
              districts: c.districts,
              narrative: c.narrative,
              originalMeasureId: c.measureId,
              originalQuantityHundredths: c.quantityHundredths,
              originalProfile: profile,
            };
          }),
        );
      }
      return contract!.id;
    });
    return { ok: true, contractId };
  } catch (error) {
    if (error instanceof AwardRefused) return { ok: false, reason: error.reason };
    // Another contract took the reference between the check and the insert.
    if (isUniqueViolation(error)) return { ok: false, reason: 'reference-taken' };
    throw error;
  }
}
