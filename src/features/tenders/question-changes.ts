import { and, eq, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client.js';
import { tenderQuestions } from '../../db/schema/index.js';
import type { Actor } from '../../platform/audit.js';
import { changeDraftTender, type DraftTenderChange } from './change-draft-tender.js';
import type { QuestionFields } from './question-form.js';
import { listQuestions, nextQuestionPosition, type QuestionRow, type TenderRow } from './repository.js';

/** Adding, changing and removing a draft tender's method-statement questions. */

/**
 * Whether a question of this weight fits beside the tender's other questions (all but `exceptId`) within 100%.
 * Read inside the change, under the tender's lock, so that two officers adding questions at once cannot pass 100%.
 */
async function fitsWeight(tx: DbOrTx, tenderId: string, weightBps: number, exceptId?: string): Promise<boolean> {
  const others = (await listQuestions(tx, tenderId)).filter((q) => q.id !== exceptId);
  return others.reduce((sum, q) => sum + q.weightBps, 0) + weightBps <= 10000;
}

export async function addQuestion(db: Db, actor: Actor, tender: TenderRow, question: QuestionFields): Promise<DraftTenderChange<'added' | 'too-heavy'>> {
  return changeDraftTender(db, actor, tender.id, `Added a question to tender ${tender.number}`, async (tx) => {
    if (!(await fitsWeight(tx, tender.id, question.weightBps))) return 'too-heavy';
    await tx.insert(tenderQuestions).values({ ...question, tenderId: tender.id, position: await nextQuestionPosition(tx, tender.id) });
    return 'added';
  });
}

export async function changeQuestion(
  db: Db,
  actor: Actor,
  tender: TenderRow,
  existing: QuestionRow,
  question: QuestionFields,
): Promise<DraftTenderChange<'saved' | 'too-heavy'>> {
  return changeDraftTender(db, actor, tender.id, `Changed question ${existing.position} of tender ${tender.number}`, async (tx) => {
    if (!(await fitsWeight(tx, tender.id, question.weightBps, existing.id))) return 'too-heavy';
    await tx
      .update(tenderQuestions)
      .set(question)
      .where(and(eq(tenderQuestions.tenderId, tender.id), eq(tenderQuestions.id, existing.id)));
    return 'saved';
  });
}

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
