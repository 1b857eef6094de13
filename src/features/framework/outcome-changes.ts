import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { outcomes } from '../../db/schema/index.js';
import type { Actor } from '../../platform/audit.js';
import { changeDraft, type DraftChange } from './change-draft.js';
import type { OutcomeContent } from './content.js';
import { codeInUse, countMeasures, nextOutcomePosition, type OutcomeRow, type VersionRow } from './repository.js';

/** Adds an outcome at the end of a draft's list, unless another outcome in the version has its code. */
export async function addOutcome(db: Db, actor: Actor, version: VersionRow, outcome: OutcomeContent): Promise<DraftChange<'saved' | 'code-in-use'>> {
  return changeDraft(db, actor, version.id, `Added outcome ${outcome.code} to framework version ${version.number}`, async (tx) => {
    if (await codeInUse(tx, 'outcomes', version.id, outcome.code)) return 'code-in-use';
    await tx.insert(outcomes).values({ ...outcome, versionId: version.id, position: await nextOutcomePosition(tx, version.id) });
    return 'saved';
  });
}

export async function changeOutcome(
  db: Db,
  actor: Actor,
  version: VersionRow,
  outcomeId: string,
  outcome: OutcomeContent,
): Promise<DraftChange<'saved' | 'code-in-use'>> {
  return changeDraft(db, actor, version.id, `Changed outcome ${outcome.code} in framework version ${version.number}`, async (tx) => {
    if (await codeInUse(tx, 'outcomes', version.id, outcome.code, outcomeId)) return 'code-in-use';
    await tx.update(outcomes).set(outcome).where(eq(outcomes.id, outcomeId));
    return 'saved';
  });
}

/** Deletes an outcome that has no measures left. */
export async function deleteOutcome(db: Db, actor: Actor, version: VersionRow, outcome: OutcomeRow): Promise<DraftChange<'deleted' | 'has-measures'>> {
  return changeDraft(db, actor, version.id, `Deleted outcome ${outcome.code} from framework version ${version.number}`, async (tx) => {
    if ((await countMeasures(tx, { outcomeId: outcome.id })) > 0) return 'has-measures';
    await tx.delete(outcomes).where(eq(outcomes.id, outcome.id));
    return 'deleted';
  });
}
