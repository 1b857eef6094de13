import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { tenders } from '../../db/schema/index.js';
import { withAudit, type Actor } from '../../platform/audit.js';
import { queueMail } from '../../platform/mail.js';
import { tenderPhase, type TenderPhase } from './phase.js';
import { listInvitedSuppliers, lockTender, supplierContacts, type TenderRow } from './repository.js';
import { earlyCloseEmail } from './tender-emails.js';

export type CloseResult =
  | { status: 'closed' }
  | { status: 'not-open'; phase: TenderPhase }
  /** no invited supplier has submitted a bid: there would be nothing to evaluate */
  | { status: 'no-bids' }
  | { status: 'missing' };

export type CloseRefusal = Exclude<CloseResult, { status: 'closed' | 'missing' }>;

/** Why bidding cannot be closed early, or null when it can: the tender is open and at least one bid has been submitted. */
export function earlyCloseRefusal(phase: TenderPhase, suppliers: { submitted: boolean }[]): CloseRefusal | null {
  if (phase !== 'open') return { status: 'not-open', phase };
  return suppliers.some((s) => s.submitted) ? null : { status: 'no-bids' };
}

/**
 * Closes bidding before the closing time, for the reason the officer gave: the closing time becomes now, so that from
 * this moment no bid can be submitted or changed, and the reason is kept on the tender. Every invited supplier's
 * users are told, in the same transaction: those who submitted that their bid will be evaluated, the others that
 * bidding has ended (any bid they had started is kept for them to read).
 */
export async function closeTenderEarly(db: Db, actor: Actor, tender: TenderRow, reason: string, baseUrl: string): Promise<CloseResult> {
  return withAudit(db, actor, `Closed bidding for tender ${tender.number} early`, async (tx): Promise<CloseResult> => {
    const locked = await lockTender(tx, tender.id);
    if (!locked) return { status: 'missing' };
    const suppliers = await listInvitedSuppliers(tx, locked.id);
    const refusal = earlyCloseRefusal(tenderPhase(locked), suppliers);
    if (refusal) return refusal;
    const [closed] = await tx
      .update(tenders)
      .set({ status: 'closed', closingAt: sql`now()`, closedEarlyAt: sql`now()`, closedEarlyBy: actor.id, closedEarlyReason: reason, updatedAt: sql`now()` })
      .where(eq(tenders.id, locked.id))
      .returning({ closingAt: tenders.closingAt });
    const submitted = new Set(suppliers.filter((s) => s.submitted).map((s) => s.organisationId));
    const details = { number: locked.number, title: locked.title, plannedClosingAt: locked.closingAt!, closedAt: closed!.closingAt!, reason };
    for (const person of await supplierContacts(
      tx,
      suppliers.map((s) => s.organisationId),
    )) {
      await queueMail(tx, earlyCloseEmail(details, person, submitted.has(person.organisationId), `${baseUrl}/supplier/tenders/${locked.id}`));
    }
    return { status: 'closed' };
  });
}
