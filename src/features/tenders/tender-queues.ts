import { sql, type SQL } from 'drizzle-orm';
import { tenders } from '../../db/schema/index.js';

/**
 * The lists of tenders that wait for someone, each one SQL condition on `tenders`, shared by the tenders list's
 * `waiting` filter and the home page's counts, so that a count and the list it links to always agree.
 */
export const tenderQueues = ['open', 'closing', 'moderation', 'award', 'declaration', 'scoring'] as const;
export type TenderQueue = (typeof tenderQueues)[number];

export const CLOSING_SOON_DAYS = 7;

export const tenderQueueLabels: Record<TenderQueue, string> = {
  open: 'Open for bids',
  closing: `Closing in the next ${CLOSING_SOON_DAYS} days`,
  moderation: 'Closed, with scores to moderate',
  award: 'Moderated, ready to award',
  declaration: 'Waiting for your conflict of interest declaration',
  scoring: 'Bids waiting for your scores',
};

/** Published and before its closing time. */
export const openForBids = sql`${tenders.status} = 'published' and ${tenders.closingAt} > now()`;
const closed = sql`(${tenders.status} = 'closed' or (${tenders.status} = 'published' and ${tenders.closingAt} <= now()))`;

/** Submitted bids of the tender that `userId` has not scored on every question yet. */
export function bidsToScore(userId: string): SQL {
  return sql`(select count(*) from bids b where b.tender_id = ${tenders.id} and b.status = 'submitted'
     and (select count(*) from evaluator_scores s where s.bid_id = b.id and s.evaluator_id = ${userId}::uuid)
       < (select count(*) from tender_questions q where q.tender_id = ${tenders.id}))`;
}

/** The condition for one queue; the evaluators' queues are of the tenders `userId` is assigned to. */
export function tenderQueueCondition(queue: TenderQueue, userId: string): SQL {
  const assignment = (extra: SQL) =>
    sql`exists (select 1 from tender_evaluators e where e.tender_id = ${tenders.id} and e.user_id = ${userId}::uuid and ${extra})`;
  switch (queue) {
    case 'open':
      return openForBids;
    case 'closing':
      return sql`${openForBids} and ${tenders.closingAt} <= now() + make_interval(days => ${CLOSING_SOON_DAYS})`;
    case 'moderation':
      return sql`${closed} and ${tenders.moderationLockedAt} is null`;
    case 'award':
      return sql`${closed} and ${tenders.moderationLockedAt} is not null`;
    case 'declaration':
      return sql`${tenders.status} in ('published', 'closed') and ${tenders.moderationLockedAt} is null and ${assignment(sql`e.declared_at is null`)}`;
    case 'scoring':
      return sql`${closed} and ${tenders.moderationLockedAt} is null and ${assignment(sql`e.declared_at is not null and not e.has_conflict`)} and ${bidsToScore(userId)} > 0`;
  }
}

export function isTenderQueue(text: string): text is TenderQueue {
  return (tenderQueues as readonly string[]).includes(text);
}
