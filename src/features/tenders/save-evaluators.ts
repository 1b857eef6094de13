import { and, eq, notInArray } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { tenderEvaluators } from '../../db/schema/index.js';
import type { Actor } from '../../platform/audit.js';
import { changeDraftTender, type DraftTenderChange } from './change-draft-tender.js';
import type { TenderRow } from './repository.js';

/** The evaluators assigned: those no longer chosen are removed; those still chosen keep their assignment. */
export async function saveEvaluators(db: Db, actor: Actor, tender: TenderRow, userIds: string[]): Promise<DraftTenderChange<void>> {
  return changeDraftTender(db, actor, tender.id, `Changed the evaluators of tender ${tender.number}`, async (tx) => {
    await tx.delete(tenderEvaluators).where(and(eq(tenderEvaluators.tenderId, tender.id), notInArray(tenderEvaluators.userId, userIds)));
    await tx
      .insert(tenderEvaluators)
      .values(userIds.map((userId) => ({ tenderId: tender.id, userId })))
      .onConflictDoNothing({ target: [tenderEvaluators.tenderId, tenderEvaluators.userId] });
  });
}
