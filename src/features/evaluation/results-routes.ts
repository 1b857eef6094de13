import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../../db/client.js';
import type { Role } from '../../db/schema/index.js';
import { formatPounds } from '../../domain/money.js';
import { quantityInUnit } from '../../domain/risk-flags.js';
import { hasAnyRole } from '../../platform/current-user.js';
import { field, formErrors } from '../../platform/forms.js';
import { tenderPhase } from '../tenders/phase.js';
import { enterPriceAndQuality } from './enter-price-and-quality.js';
import { readPriceAndQuality } from './forms.js';
import { readResultsRows, type EvaluationTender } from './repository.js';
import { resultsAccess, resultsReaders } from './results-access.js';
import { formatScore, isManager, managers, refuse, tenderCaption, tenderOr404 } from './route-support.js';
import { bidsOpenForEvaluation, whyBidsAreHidden } from './scoring-window.js';
import { resultsOf, type BidResult, type CommitmentResult, type RankBasis, type TenderResults } from './tender-results.js';

/** Those who see the tender's page rather than the evaluation: a back link to it. */
const tenderReaders: readonly Role[] = [...managers, 'viewer'];

const rankCaptions: Record<RankBasis, string> = {
  total: 'Bids ranked by total score',
  social_value: 'Bids ranked by social value score, because price and quality scores have not been entered for every bid',
  quantitative: 'Bids ranked by the quantitative social value score only, because not every answer has an agreed score yet',
};

/** Scores in words for the page: percentages with 2 decimal places, and what is not known yet. */
function bidView(bid: BidResult) {
  // Each commitment in words here, not in the template: there can be thousands of them.
  const inWords = (c: CommitmentResult) =>
    `${quantityInUnit(c.quantityHundredths, c.unit)} of “${c.title}” (${c.code})${c.svPence === null ? '' : `: ${formatPounds(c.svPence)}`}`;
  return {
    bidId: bid.bidId,
    supplierName: bid.supplierName,
    consortiumMembers: bid.consortiumMembers,
    pricePence: bid.pricePence,
    svPence: bid.svPence,
    rank: bid.rank,
    riskFlags: bid.riskFlags,
    working: bid.quantitative.working,
    valued: bid.valuedCommitments.map(inWords),
    counted: bid.countedCommitments.map(inWords),
    quantitativeText: formatScore(bid.quantitative.scoreBps),
    qualitativeText: bid.qualitativeBps === null ? 'Not moderated yet' : formatScore(bid.qualitativeBps),
    svScoreText: bid.svScoreBps === null ? 'Not known until moderated' : formatScore(bid.svScoreBps),
    priceScoreText: bid.priceScoreBps === null ? 'Not entered' : formatScore(bid.priceScoreBps),
    qualityScoreText: bid.qualityScoreBps === null ? 'Not entered' : formatScore(bid.qualityScoreBps),
    totalText: bid.totalBps === null ? 'Not known yet' : formatScore(bid.totalBps),
  };
}

function formValues(results: TenderResults): Record<string, string> {
  const values: Record<string, string> = {};
  for (const bid of results.bids) {
    values[`price-${bid.bidId}`] = bid.priceScoreBps === null ? '' : String(bid.priceScoreBps / 100);
    values[`quality-${bid.bidId}`] = bid.qualityScoreBps === null ? '' : String(bid.qualityScoreBps / 100);
  }
  return values;
}

/** The results (to those resultsAccess() allows), and officers' price and quality scores. */
export async function resultsRoutes(app: FastifyInstance, db: Db): Promise<void> {
  /** Whether the signed-in person may read this tender's results; when not, the refusal has been sent. */
  async function mayRead(request: FastifyRequest, reply: FastifyReply, tender: EvaluationTender): Promise<boolean> {
    const access = await resultsAccess(db, request.user!, tender);
    if (access.kind === 'allowed') return true;
    if (access.kind === 'not-found') reply.callNotFound();
    else if (hasAnyRole(request.user, tenderReaders))
      refuse(reply, access.heading, access.paragraphs, { href: `/tenders/${tender.id}`, text: 'Go back to the tender' }, 403);
    else refuse(reply, access.heading, access.paragraphs, { href: `/tenders/${tender.id}/evaluation`, text: 'Go back to the evaluation' }, 403);
    return false;
  }

  async function resultsPage(
    request: FastifyRequest,
    reply: FastifyReply,
    tender: EvaluationTender,
    form?: { values: Record<string, string>; problems: [string, string][] },
  ) {
    const open = bidsOpenForEvaluation(tender);
    const results = open ? resultsOf(tender, await readResultsRows(db, tender.id)) : null;
    const canEnter = isManager(request) && tenderPhase(tender) === 'closed' && !!results?.bids.length;
    return reply.code(form ? 400 : 200).page('evaluation/views/results.njk', {
      pageTitle: 'Results',
      backLink: { href: hasAnyRole(request.user, tenderReaders) ? `/tenders/${tender.id}` : `/tenders/${tender.id}/evaluation` },
      caption: tenderCaption(tender),
      tender,
      closingMessage: open ? null : whyBidsAreHidden(tender),
      results,
      bids: results ? results.bids.map(bidView) : [],
      rankCaption: results ? rankCaptions[results.rankedBy] : '',
      canEnter,
      values: form?.values ?? (results ? formValues(results) : {}),
      ...(form ? formErrors(form.problems) : {}),
      flash: field(request.query, 'saved') ? 'Price and quality scores saved' : undefined,
    });
  }

  app.get('/tenders/:tenderId/results', { config: { access: resultsReaders } }, async (request, reply) => {
    const tender = await tenderOr404(db, request, reply);
    if (!tender || !(await mayRead(request, reply, tender))) return reply;
    return resultsPage(request, reply, tender);
  });

  app.post('/tenders/:tenderId/results/scores', { config: { access: managers } }, async (request, reply) => {
    const tender = await tenderOr404(db, request, reply);
    if (!tender) return reply;
    const back = { href: `/tenders/${tender.id}/results`, text: 'Go back to the results' };
    const results = bidsOpenForEvaluation(tender) ? resultsOf(tender, await readResultsRows(db, tender.id)) : null;
    if (!results || results.bids.length === 0)
      return refuse(reply, 'Price and quality scores cannot be entered', ['They can be entered for the submitted bids after the tender closes.'], back);
    const reading = readPriceAndQuality(
      request.body,
      results.bids.map((b) => ({ id: b.bidId, supplierName: b.supplierName })),
      results.tender.priceAndQualityBps,
    );
    if (!reading.ok) return resultsPage(request, reply, tender, reading);
    const result = await enterPriceAndQuality(db, request.actor, tender, reading.value);
    if (result.status === 'refused') return refuse(reply, 'Price and quality scores cannot be saved', [`${result.reason}.`], back);
    return reply.redirect(`/tenders/${tender.id}/results?saved=1`, 303);
  });
}
