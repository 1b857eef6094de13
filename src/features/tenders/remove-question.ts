import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { tenderQuestions } from '../../db/schema/index.js';
import type { Actor } from '../../platform/audit.js';
import { changeDraftTender, type DraftTenderChange } from './change-draft-tender.js';
import type { QuestionRow, TenderRow } from './repository.js';

/** Removes a question from a draft tender, renumbering those after it. */
export async function removeQuestion(db: Db, actor: Actor, tender: TenderRow, question: QuestionRow): Promise<DraftTenderChange<void>> {
  return changeDraftTender(db, actor, tender.id, `Removed question ${question.position} from tender ${tender.number}`, async (tx) => {
    await tx.delete(tenderQuestions).where(and(eq(tenderQuestions.tenderId, tender.id), eq(tenderQuestions.id, question.id)));
    // Close the gap, so that the questions stay numbered 1, 2, 3 for bidders.
    await tx
      .update(tenderQuestions)
      .set({ position: sql`${tenderQuestions.position} - 1` })
      .where(and(eq(tenderQuestions.tenderId, tender.id), sql`${tenderQuestions.position} > ${question.position}`));
  });
}
