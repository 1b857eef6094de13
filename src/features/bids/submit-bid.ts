import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { bids } from '../../db/schema/index.js';
import { withAudit, type Actor } from '../../platform/audit.js';
import { queueMail } from '../../platform/mail.js';
import type { CurrentUser } from '../../platform/current-user.js';
import type { QuestionRow } from '../tenders/repository.js';
import { submissionProblems, summariseBid } from './bid-summary.js';
import { bidReceivedEmail } from './bid-received-email.js';
import { lockBid, type SupplierTender, type TenderMeasure } from './repository.js';
import { biddingEnded, type BiddingEnded } from './save-bid.js';

export type SubmitResult =
  | { status: 'submitted' }
  | { status: 'already-submitted'; submittedAt: Date }
  | BiddingEnded
  | { status: 'stale' }
  | { status: 'incomplete'; problems: { text: string; href: string }[] };

export interface SubmitContext {
  tender: SupplierTender;
  measures: TenderMeasure[];
  questions: QuestionRow[];
  /** the bid's pages, for the links in the problems */
  base: string;
  /** the service's address, for the link in the receipt */
  baseUrl: string;
}

/**
 * Submits the supplier's bid as the supplier last saw it on the check page (the revision it was opened with), in one
 * audited transaction, and queues a receipt to the person who submitted it. A second submission of a bid that is
 * already submitted changes nothing and says when it was submitted.
 */
export async function submitBid(db: Db, actor: Actor, user: CurrentUser, openedRevision: number, context: SubmitContext): Promise<SubmitResult> {
  const { tender } = context;
  return withAudit(db, actor, `Submitted a bid for tender ${tender.number}`, async (tx): Promise<SubmitResult> => {
    const ended = await biddingEnded(tx, tender.id);
    if (ended) return ended;
    const bid = await lockBid(tx, tender.id, user.organisationId);
    if (bid?.status === 'submitted' && bid.submittedAt) return { status: 'already-submitted', submittedAt: bid.submittedAt };
    if ((bid?.revision ?? 0) !== openedRevision) return { status: 'stale' };
    const problems = submissionProblems(summariseBid(context.measures, context.questions, bid), context.base);
    if (!bid || problems.length) return { status: 'incomplete', problems };
    const [submitted] = await tx
      .update(bids)
      .set({ status: 'submitted', submittedAt: sql`now()`, submittedBy: user.id, revision: bid.revision + 1, updatedAt: sql`now()` })
      .where(eq(bids.id, bid.id))
      .returning({ submittedAt: bids.submittedAt });
    await queueMail(tx, bidReceivedEmail({ tender, user, submittedAt: submitted!.submittedAt!, link: `${context.baseUrl}${context.base}` }));
    return { status: 'submitted' };
  });
}
