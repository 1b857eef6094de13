import type { Db } from '../../db/client.js';
import { withAudit, type Actor } from '../../platform/audit.js';
import { describeUnagreed, unagreedAnswers } from './moderation-status.js';
import { listQuestions, listSubmittedBids, listTenderModeratedScores, lockTenderRow, setModerationLock } from './repository.js';
import { whyScoresCannotChange } from './scoring-window.js';

export type LockResult = { status: 'locked' } | { status: 'refused'; reason: string } | { status: 'incomplete'; missing: string[] };

/**
 * Locks moderation: from then on no evaluator's score and no agreed score of the tender can change (and the database
 * refuses any change too). Every answer of every submitted bid must have an agreed score first.
 */
export async function lockModeration(db: Db, actor: Actor, tender: { id: string; number: number }): Promise<LockResult> {
  return withAudit(db, actor, `Locked moderation of tender ${tender.number}`, async (tx) => {
    const current = await lockTenderRow(tx, tender.id);
    const why = current ? whyScoresCannotChange(current) : 'The tender no longer exists';
    if (why) return { status: 'refused', reason: why } as const;
    const [bids, questions, agreed] = await Promise.all([
      listSubmittedBids(tx, tender.id),
      listQuestions(tx, tender.id),
      listTenderModeratedScores(tx, tender.id),
    ]);
    if (bids.length === 0) return { status: 'refused', reason: 'No bids were submitted, so there is nothing to moderate' } as const;
    const missing = unagreedAnswers(bids, questions, agreed);
    if (missing.length) return { status: 'incomplete', missing: describeUnagreed(missing) } as const;
    await setModerationLock(tx, tender.id, actor.id!);
    return { status: 'locked' } as const;
  });
}
