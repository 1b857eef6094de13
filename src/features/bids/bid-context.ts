import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../../db/client.js';
import type { Role, ScalePoint } from '../../db/schema/index.js';
import type { CurrentUser } from '../../platform/current-user.js';
import { field } from '../../platform/forms.js';
import { recordInPath } from '../../platform/route-params.js';
import { listQuestions, type QuestionRow } from '../tenders/repository.js';
import { tenderPhase, type TenderPhase } from '../tenders/phase.js';
import { bidStatus } from './bid-status.js';
import { summariseBid, type BidSummary } from './bid-summary.js';
import { biddingEndedText, closingTimeText } from './closing.js';
import type { BiddingEnded } from './save-bid.js';
import { findBid, findInvitedTender, listTenderMeasures, type BidRecord, type SupplierTender, type TenderMeasure } from './repository.js';

/** Only suppliers use these pages; each tender is further limited to the organisations invited to it. */
export const supplierOnly = { access: ['supplier'] as readonly Role[] };

/** Everything a page of a bid needs: the tender as the supplier may see it, what it asks for, and the bid so far. */
export interface BidContext {
  user: CurrentUser;
  tender: SupplierTender;
  measures: TenderMeasure[];
  questions: QuestionRow[];
  bid: BidRecord | null;
  summary: BidSummary;
  phase: TenderPhase;
  /** the bid's overview page; its other pages are under it */
  base: string;
}

/**
 * The bid named by the path, for the signed-in supplier's organisation. Anything else (a malformed id, a tender that
 * does not exist, is not published, or to which the organisation is not invited) is the 404 page, so that no one
 * learns which other tenders exist.
 */
export async function loadBidContext(db: Db, request: FastifyRequest, reply: FastifyReply): Promise<BidContext | null> {
  const user = request.user!;
  const tender = await recordInPath(request, reply, 'tenderId', (tenderId) => findInvitedTender(db, tenderId, user.organisationId));
  if (!tender) return null;
  const [measures, questions, bid] = await Promise.all([
    listTenderMeasures(db, tender),
    listQuestions(db, tender.id),
    findBid(db, tender.id, user.organisationId),
  ]);
  return {
    user,
    tender,
    measures,
    questions,
    bid,
    summary: summariseBid(measures, questions, bid),
    phase: tenderPhase(tender, new Date()),
    base: `/supplier/tenders/${tender.id}`,
  };
}

/** The revision a form was opened with: 0 for a bid not yet started; -1 (never a bid's) when the field was tampered with. */
export function openedRevision(body: unknown): number {
  const text = field(body, 'revision');
  return /^\d{1,9}$/.test(text) ? Number(text) : -1;
}

export const STALE_MESSAGE = 'This bid was changed by someone else since you opened it';

/** What every page of a bid shows about it: the tender, the closing time, where the bid stands, and what it is worth. */
export function bidPage(context: BidContext, pageTitle: string) {
  const { tender, bid, phase, base } = context;
  return {
    pageTitle,
    tender,
    base,
    phase,
    summary: context.summary,
    status: bidStatus(bid),
    basics: {
      base,
      bid,
      closingText: tender.closingAt ? closingTimeText(tender.closingAt) : null,
      endedText: phase === 'open' ? null : biddingEndedText(phase, tender.closingAt),
      revision: bid?.revision ?? 0,
      organisationName: context.user.organisationName,
    },
  };
}

/** Says, with status 409, that bidding has ended and nothing was changed: as the page found it, or as a refused change found it. */
export function refuseEnded(reply: FastifyReply, context: BidContext, ended?: BiddingEnded): FastifyReply {
  return reply.code(409).page('bids/views/ended.njk', {
    ...bidPage(context, 'You can no longer change this bid'),
    endedText: biddingEndedText(ended?.phase ?? context.phase, ended ? ended.closingAt : context.tender.closingAt),
  });
}

/** The tender's scoring scale as table rows. */
export function scaleRows(scale: readonly ScalePoint[]) {
  return scale.map((point) => [{ text: String(point.score), format: 'numeric' }, { text: point.descriptor }]);
}
