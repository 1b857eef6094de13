import type { Db } from '../../db/client.js';
import { withAudit, type Actor } from '../../platform/audit.js';
import { isFrozenRefusal } from '../framework/database-errors.js';
import type { ScoredAnswer } from './forms.js';
import { findAssignment, lockTenderRow, upsertEvaluatorScores } from './repository.js';
import { whyScoresCannotChange } from './scoring-window.js';

export type SaveResult = { status: 'saved' } | { status: 'refused'; reason: string };

export const LOCKED_NOW = 'Moderation has been locked, so no score can change';

/**
 * Saves an evaluator's own scores and comments of one bid's answers. Checked again inside the transaction, with
 * the tender row locked: the tender has closed, moderation is not locked, and the evaluator declared no conflict.
 * The database's lock trigger is the last line of defence.
 */
export async function saveEvaluatorScores(
  db: Db,
  actor: Actor,
  tender: { id: string; number: number },
  bid: { id: string; supplierName: string },
  evaluatorId: string,
  answers: ScoredAnswer[],
): Promise<SaveResult> {
  try {
    return await withAudit(db, actor, `Scored the answers of ${bid.supplierName}’s bid for tender ${tender.number}`, async (tx) => {
      const current = await lockTenderRow(tx, tender.id);
      const why = current ? whyScoresCannotChange(current) : 'The tender no longer exists';
      if (why) return { status: 'refused', reason: why } as const;
      const assignment = await findAssignment(tx, tender.id, evaluatorId);
      if (!assignment?.declaredAt) return { status: 'refused', reason: 'Declare any conflict of interest before you score the bids' } as const;
      if (assignment.hasConflict)
        return { status: 'refused', reason: 'You declared a conflict of interest, so you cannot score the bids for this tender' } as const;
      await upsertEvaluatorScores(
        tx,
        evaluatorId,
        answers.map((a) => ({ bidId: bid.id, questionId: a.questionId, score: a.score, comment: a.text })),
      );
      return { status: 'saved' } as const;
    });
  } catch (error) {
    if (isFrozenRefusal(error)) return { status: 'refused', reason: LOCKED_NOW };
    throw error;
  }
}
