import type { Db } from '../../db/client.js';
import { withAudit, type Actor } from '../../platform/audit.js';
import { isFrozenRefusal } from '../framework/database-errors.js';
import type { ScoredAnswer } from './forms.js';
import { lockTenderRow, upsertModeratedScores } from './repository.js';
import { LOCKED_NOW, type SaveResult } from './save-evaluator-scores.js';
import { whyScoresCannotChange } from './scoring-window.js';

/**
 * Records the agreed (moderated) scores of one bid's answers, each with the written reason, replacing earlier agreed
 * scores until moderation is locked. Checked again inside the transaction with the tender row locked.
 */
export async function agreeScores(
  db: Db,
  actor: Actor,
  tender: { id: string; number: number },
  bid: { id: string; supplierName: string },
  moderatorId: string,
  answers: ScoredAnswer[],
): Promise<SaveResult> {
  try {
    return await withAudit(db, actor, `Agreed moderated scores for ${bid.supplierName}’s bid for tender ${tender.number}`, async (tx) => {
      const current = await lockTenderRow(tx, tender.id);
      const why = current ? whyScoresCannotChange(current) : 'The tender no longer exists';
      if (why) return { status: 'refused', reason: why } as const;
      await upsertModeratedScores(
        tx,
        moderatorId,
        answers.map((a) => ({ bidId: bid.id, questionId: a.questionId, score: a.score, reason: a.text })),
      );
      return { status: 'saved' } as const;
    });
  } catch (error) {
    if (isFrozenRefusal(error)) return { status: 'refused', reason: LOCKED_NOW };
    throw error;
  }
}
