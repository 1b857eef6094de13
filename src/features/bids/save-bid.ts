import { eq, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.js';
import { bids } from '../../db/schema/index.js';
import { withAudit, type Actor } from '../../platform/audit.js';
import { tenderPhase, type TenderPhase } from '../tenders/phase.js';
import { isClosedRefusal } from './database-errors.js';
import { lockBid, tenderTiming, type BidRecord, type BidRow } from './repository.js';

/** Whose bid, for which tender. */
export interface BidScope {
  tenderId: string;
  organisationId: string;
}

/** One change to a bid: a part of it (the price, a commitment, an answer) as the supplier saved it. */
export interface BidChange {
  /** the audit trail's name for it, like "Saved commitment GC01 in the bid for tender 12" */
  action: string;
  /** false when saving it would leave the bid as it is */
  changes(bid: BidRecord | null): boolean;
  /** writes the part, and gives the bid's own columns to change with it */
  write(tx: Tx, bidId: string): Promise<Partial<Pick<BidRow, 'pricePence' | 'consortiumMembers'>>>;
}

export type SaveResult = { status: 'saved' } | { status: 'unchanged' } | BiddingEnded | { status: 'stale' };

/** Bidding has ended (or the tender was cancelled): when, as the locked tender row says it. */
export interface BiddingEnded {
  status: 'ended';
  phase: TenderPhase;
  closingAt: Date | null;
}

/**
 * Inside a transaction: null while the tender is open for bids, or how bidding ended. The tender's row stays locked
 * until the end of the transaction, so that an early close waits for the change to finish.
 */
export async function biddingEnded(tx: Tx, tenderId: string): Promise<BiddingEnded | null> {
  const timing = await tenderTiming(tx, tenderId);
  const phase = timing ? tenderPhase(timing, new Date()) : 'closed';
  return phase === 'open' ? null : { status: 'ended', phase, closingAt: timing?.closingAt ?? null };
}

/**
 * Saves one change to a supplier's bid in one audited transaction, creating the bid on its first save. Nothing is
 * written when bidding has ended, or when the bid has changed since the supplier opened the form (its revision is
 * not the one the form was opened with: 0 for a bid not yet started). A saved change makes the bid a draft again,
 * so a bid changed after it was submitted has to be submitted again. Saving what is already saved changes nothing.
 */
export async function saveBid(db: Db, actor: Actor, scope: BidScope, openedRevision: number, change: BidChange): Promise<SaveResult> {
  try {
    return await withAudit(db, actor, change.action, async (tx): Promise<SaveResult> => {
      const ended = await biddingEnded(tx, scope.tenderId);
      if (ended) return ended;
      const bid = await lockBid(tx, scope.tenderId, scope.organisationId);
      if ((bid?.revision ?? 0) !== openedRevision) return { status: 'stale' };
      if (!change.changes(bid)) return { status: 'unchanged' };
      let bidId = bid?.id;
      if (!bidId) {
        const [created] = await tx.insert(bids).values(scope).onConflictDoNothing().returning({ id: bids.id });
        if (!created) return { status: 'stale' };
        bidId = created.id;
      }
      const columns = await change.write(tx, bidId);
      await tx
        .update(bids)
        .set({ ...columns, status: 'draft', revision: bid ? bid.revision + 1 : 1, updatedAt: sql`now()` })
        .where(eq(bids.id, bidId));
      return { status: 'saved' };
    });
  } catch (error) {
    if (isClosedRefusal(error)) return { status: 'ended', phase: 'closed', closingAt: (await tenderTiming(db, scope.tenderId))?.closingAt ?? null };
    throw error;
  }
}
