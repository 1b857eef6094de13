import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { tenders } from '../../db/schema/index.js';
import { withAudit, type Actor } from '../../platform/audit.js';
import { tenderPhase, type TenderPhase } from './phase.js';
import { listInvitedSuppliers, lockTender, type TenderRow } from './repository.js';

export type CloseResult =
  | { status: 'closed' }
  | { status: 'not-open'; phase: TenderPhase }
  /** invited suppliers that have not submitted a bid yet */
  | { status: 'waiting'; suppliers: string[] }
  | { status: 'missing' };

export type CloseRefusal = Exclude<CloseResult, { status: 'closed' | 'missing' }>;

/** Why bidding cannot be closed early, or null when it can: the tender is open and every invited supplier has submitted. */
export function earlyCloseRefusal(phase: TenderPhase, suppliers: { name: string; submitted: boolean }[]): CloseRefusal | null {
  if (phase !== 'open') return { status: 'not-open', phase };
  const waiting = suppliers.filter((s) => !s.submitted).map((s) => s.name);
  return waiting.length || suppliers.length === 0 ? { status: 'waiting', suppliers: waiting } : null;
}

/**
 * Closes bidding before the closing date, which an officer may do once every invited supplier has submitted a bid:
 * the closing time becomes now, so that from this moment no bid can be submitted or changed.
 */
export async function closeTenderEarly(db: Db, actor: Actor, tender: TenderRow, now: Date = new Date()): Promise<CloseResult> {
  return withAudit(db, actor, `Closed tender ${tender.number} early: every invited supplier had submitted a bid`, async (tx): Promise<CloseResult> => {
    const locked = await lockTender(tx, tender.id);
    if (!locked) return { status: 'missing' };
    const refusal = earlyCloseRefusal(tenderPhase(locked, now), await listInvitedSuppliers(tx, locked.id));
    if (refusal) return refusal;
    await tx
      .update(tenders)
      .set({ status: 'closed', closingAt: sql`now()`, updatedAt: sql`now()` })
      .where(eq(tenders.id, locked.id));
    return { status: 'closed' };
  });
}
