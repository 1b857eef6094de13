import { eq, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client.js';
import { requirements } from '../../db/schema/index.js';
import { applicability } from '../../domain/applicability.js';
import { todayIso } from '../../domain/dates.js';
import { withAudit, type Actor } from '../../platform/audit.js';
import { loadThresholds } from '../thresholds/repository.js';
import type { RequirementInput } from './forms.js';
import { isChangeable } from './progress.js';
import { lockRequirement } from './repository.js';

/**
 * Whether social value applies to the requirement, with the thresholds in force today: a requirement in the pipeline
 * is about to be advertised, and the answer is worked out again every time it is saved.
 */
async function withApplicability(tx: DbOrTx, input: RequirementInput) {
  const answer = applicability(input.estimatedValuePence, input.valueIncludesVat, todayIso(), await loadThresholds(tx));
  return { ...input, applicability: answer.level, applicabilityExplanation: answer.explanation };
}

/** Adds a requirement to the pipeline. */
export async function createRequirement(db: Db, actor: Actor, input: RequirementInput): Promise<string> {
  return withAudit(db, actor, `Added requirement “${input.title}”`, async (tx) => {
    const [row] = await tx
      .insert(requirements)
      .values({ ...(await withApplicability(tx, input)), createdBy: actor.id })
      .returning({ id: requirements.id });
    return row!.id;
  });
}

export type ChangeResult = 'saved' | 'not-found' | 'not-changeable' | 'changed-meanwhile';

/**
 * Saves new details of a requirement, if it can still be changed and nobody else has saved it since `version`
 * (the time it was last saved, as the form was given it).
 */
export async function changeRequirement(db: Db, actor: Actor, id: string, number: number, version: string, input: RequirementInput): Promise<ChangeResult> {
  return withAudit(db, actor, `Changed requirement ${number}`, async (tx) => {
    const current = await lockRequirement(tx, id);
    if (!current) return 'not-found';
    if (!isChangeable(current.stage)) return 'not-changeable';
    if (current.updatedAt.toISOString() !== version) return 'changed-meanwhile';
    await tx
      .update(requirements)
      .set({ ...(await withApplicability(tx, input)), updatedAt: sql`now()` })
      .where(eq(requirements.id, id));
    return 'saved';
  });
}
