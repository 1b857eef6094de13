import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { tenderQuestions } from '../../db/schema/index.js';
import type { Actor } from '../../platform/audit.js';
import { changeDraftTender, type DraftTenderChange } from './change-draft-tender.js';
import type { QuestionFields } from './question-form.js';
import { fitsWeight } from './question-weight.js';
import type { QuestionRow, TenderRow } from './repository.js';

/** Changes a draft tender's question, if its new weight still fits within 100%. */
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
