import type { FastifyInstance } from 'fastify';
import type { Services } from '../../services.js';
import { formatDateTime } from '../../domain/dates.js';
import { formatBps } from '../../domain/money.js';
import { quantityInUnit } from '../../domain/risk-flags.js';
import { doneKey, withDone } from '../../platform/flash.js';
import { tenderPhase } from '../tenders/phase.js';
import { bidPage, loadBidContext, openedRevision, refuseEnded, scaleRows, STALE_MESSAGE, supplierOnly, type BidContext } from './bid-context.js';
import { bidStatus } from './bid-status.js';
import { submissionProblems, type BidSummary } from './bid-summary.js';
import { closingTimeText } from './closing.js';
import { bidFlash } from './flash.js';
import { liveValueRoutes } from './live-value-routes.js';
import { listInvitedTenders } from './repository.js';
import { explainScoring } from './scoring-explained.js';
import { submitBid } from './submit-bid.js';
import { bidTaskRoutes } from './task-routes.js';

const notStarted = { tag: { text: 'Not yet started', classes: 'govuk-tag--blue' } };
const completed = { text: 'Completed' };

/** The bid's task list: its price and consortium, a commitment per measure, an answer per question. */
function tasks(summary: BidSummary, base: string) {
  return {
    detailsTask: { title: { text: 'Bid price and consortium' }, href: `${base}/details`, status: summary.detailsDone ? completed : notStarted },
    commitmentTasks: summary.measures.map((line) => ({
      title: { text: `${line.measure.code}: ${line.measure.title}` },
      hint: { text: line.minimumText ? `Minimum ${line.minimumText}` : 'Optional' },
      href: `${base}/commitments/${line.measure.measureId}`,
      status: line.belowMinimum
        ? line.commitment
          ? { tag: { text: 'Below the minimum', classes: 'govuk-tag--red' } }
          : notStarted
        : line.commitment
          ? completed
          : { text: 'No commitment', classes: 'govuk-task-list__status--cannot-start-yet' },
    })),
    questionTasks: summary.questions.map((line) => ({
      title: { text: `Question ${line.number}: ${line.question.title}` },
      href: `${base}/answers/${line.question.id}`,
      status: line.answer ? completed : notStarted,
    })),
  };
}

/** What the tender asks for, as table rows. */
function requirementRows(context: BidContext) {
  return {
    measureRows: context.measures.map((m) => [
      { text: `${m.code}: ${m.title}` },
      { text: m.unit },
      { text: m.proxyPencePerUnit === null ? 'None' : quantityInUnit(m.proxyPencePerUnit, '£'), format: 'numeric' },
      { text: m.minimumHundredths === null ? 'None' : quantityInUnit(m.minimumHundredths, m.unit), format: 'numeric' },
    ]),
    questionRows: context.questions.map((q, i) => [
      { text: `${i + 1}. ${q.title}` },
      { text: q.guidance || 'No guidance', classes: 'app-pre-wrap' },
      { text: formatBps(q.weightBps), format: 'numeric' },
    ]),
    scaleRows: scaleRows(context.tender.scale),
  };
}

/** The supplier portal: the tenders an organisation is invited to, and its bid for each. */
export async function bidRoutes(app: FastifyInstance, { database, config }: Services): Promise<void> {
  const { db } = database;
  await bidTaskRoutes(app, db);
  await liveValueRoutes(app, db);

  app.get('/supplier/tenders', { config: supplierOnly }, async (request, reply) => {
    const now = new Date();
    const rows = await listInvitedTenders(db, request.user!.organisationId);
    const tenders = rows.map((t) => {
      const phase = tenderPhase(t, now);
      return {
        ...t,
        phase,
        closingText: t.closingAt ? closingTimeText(t.closingAt) : null,
        endedText: phase === 'cancelled' ? 'Cancelled' : t.closingAt ? closingTimeText(t.closingAt) : 'Closed',
        bidStatus: bidStatus(t.bidStatus ? { status: t.bidStatus, submittedAt: t.submittedAt } : null),
      };
    });
    // Open tenders soonest closing first (the query's order); closed ones most recent first.
    const ended = tenders.filter((t) => t.phase !== 'open').reverse();
    return reply.page('bids/views/list.njk', { pageTitle: 'Your tenders', tenders: [...tenders.filter((t) => t.phase === 'open'), ...ended] });
  });

  app.get('/supplier/tenders/:tenderId', { config: supplierOnly }, async (request, reply) => {
    const context = await loadBidContext(db, request, reply);
    if (!context) return reply;
    const submittedAt = context.bid?.status === 'submitted' ? context.bid.submittedAt : null;
    const flash =
      doneKey(request) === 'already-submitted' && submittedAt
        ? `Your bid was already submitted on ${formatDateTime(submittedAt)}. It was not submitted again, and nothing was changed`
        : bidFlash.of(request);
    return reply.page('bids/views/tender.njk', {
      ...bidPage(context, `Your bid for tender ${context.tender.number}: ${context.tender.title}`),
      backLink: { href: '/supplier/tenders', text: 'Your tenders' },
      flash,
      scoring: explainScoring(context.tender),
      ...tasks(context.summary, context.base),
      ...requirementRows(context),
    });
  });

  function renderCheck(reply: Parameters<typeof refuseEnded>[0], context: BidContext, stale = false) {
    const problems = submissionProblems(context.summary, context.base);
    return reply.code(stale ? 409 : 200).page('bids/views/check.njk', {
      ...bidPage(context, 'Check your bid before you submit it'),
      backLink: { href: context.base },
      problems,
      unsaved: stale ? [{ key: { text: 'What you asked for' }, value: { text: 'Submit the bid' } }] : undefined,
      ...(stale ? { errorList: [{ text: STALE_MESSAGE, href: '#unsaved' }] } : {}),
    });
  }

  app.get('/supplier/tenders/:tenderId/check', { config: supplierOnly }, async (request, reply) => {
    const context = await loadBidContext(db, request, reply);
    if (!context) return reply;
    if (context.phase !== 'open') return reply.redirect(context.base, 303);
    return renderCheck(reply, context);
  });

  app.post('/supplier/tenders/:tenderId/submit', { config: supplierOnly }, async (request, reply) => {
    const context = await loadBidContext(db, request, reply);
    if (!context) return reply;
    const result = await submitBid(db, request.actor, context.user, openedRevision(request.body), {
      tender: context.tender,
      measures: context.measures,
      questions: context.questions,
      base: context.base,
      baseUrl: config.baseUrl,
    });
    switch (result.status) {
      case 'submitted':
        return reply.redirect(`${context.base}/confirmation`, 303);
      case 'already-submitted':
        return reply.redirect(withDone(context.base, 'already-submitted'), 303);
      case 'ended':
        return refuseEnded(reply, context, result);
      case 'stale':
        return renderCheck(reply, context, true);
      case 'incomplete':
        return reply.code(400).page('bids/views/check.njk', {
          ...bidPage(context, 'Check your bid before you submit it'),
          backLink: { href: context.base },
          problems: result.problems,
          errorList: result.problems,
        });
    }
  });

  app.get('/supplier/tenders/:tenderId/confirmation', { config: supplierOnly }, async (request, reply) => {
    const context = await loadBidContext(db, request, reply);
    if (!context) return reply;
    if (context.bid?.status !== 'submitted') return reply.redirect(context.base, 303);
    return reply.page('bids/views/confirmation.njk', bidPage(context, 'Bid submitted'));
  });
}
