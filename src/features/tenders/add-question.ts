import type { Db } from '../../db/client.js';
import { tenderQuestions } from '../../db/schema/index.js';
import type { Actor } from '../../platform/audit.js';
import { changeDraftTender, type DraftTenderChange } from './change-draft-tender.js';
import type { QuestionFields } from './question-form.js';
import { fitsWeight } from './question-weight.js';
import { nextQuestionPosition, type TenderRow } from './repository.js';

/** Adds a method-statement question to a draft tender, after the others, if its weight fits within 100%. */
export async function addQuestion(db: Db, actor: Actor, tender: TenderRow, question: QuestionFields): Promise<DraftTenderChange<'added' | 'too-heavy'>> {
  return changeDraftTender(db, actor, tender.id, `Added a question to tender ${tender.number}`, async (tx) => {
    if (!(await fitsWeight(tx, tender.id, question.weightBps))) return 'too-heavy';
    await tx.insert(tenderQuestions).values({ ...question, tenderId: tender.id, position: await nextQuestionPosition(tx, tender.id) });
    return 'added';
  });
}
