import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Services } from '../../services.js';
import type { Role } from '../../db/schema/index.js';
import { applicabilityLabels } from '../../domain/applicability.js';
import { consortiumText } from '../../domain/bidders.js';
import { todayIso } from '../../domain/dates.js';
import { recordEvent } from '../../platform/audit.js';
import { hasAnyRole } from '../../platform/current-user.js';
import type { FormErrorsWithDates } from '../../platform/date-input.js';
import { recordInPath, uuidParam } from '../../platform/route-params.js';
import { refusedPage } from '../../platform/shared-pages.js';
import { resultsAccess, resultsReaders } from '../evaluation/results-access.js';
import { tenderPhase } from '../tenders/phase.js';
import { applicabilityFor } from '../thresholds/applicability-for.js';
import { choicesOf, loadAwardContext, type AwardContext } from './award-context.js';
import { awardTender } from './award-tender.js';
import type { Refusal } from './award-readiness.js';
import { loadEvaluationReport, type EvaluationReport } from './evaluation-report.js';
import { buildFeedbackLetter } from './feedback-letter.js';
import { awardValuesFrom, awardValuesQuery, defaultAwardValues, frequencyLabels, readAward, referenceTakenErrors, type AwardValues } from './forms.js';
import { letterPdf } from './letter-pdf.js';
import { letterView } from './letter-view.js';
import { commitmentLine, kpiView } from './presenters.js';
import { reportPdf } from './report-pdf.js';
import { reportView } from './report-view.js';
import { isContractReferenceTaken, listContractCommitments } from './repository.js';

/** Officers and admins award tenders and send letters; who reads the evaluation report is resultsAccess()'s rule. */
const deciders: readonly Role[] = ['officer', 'admin'];

/** The award of a tender, its evaluation report and the bidders' feedback letters (HTML and PDF). */
export async function awardRoutes(app: FastifyInstance, services: Services): Promise<void> {
  const { db } = services.database;

  const refuse = (reply: FastifyReply, refusal: Refusal) => refusedPage(reply, refusal);

  /** The award context for the tender in the path, or null after sending the 404 page. */
  const contextOr404 = async (request: FastifyRequest, reply: FastifyReply): Promise<AwardContext | null> => {
    return recordInPath(request, reply, 'id', (id) => loadAwardContext(db, id));
  };

  const showForm = (reply: FastifyReply, context: AwardContext, values: AwardValues, errors?: FormErrorsWithDates) =>
    reply.code(errors ? 400 : 200).page('award/views/form.njk', {
      pageTitle: 'Award the contract',
      backLink: { href: `/tenders/${context.tender.id}` },
      tender: context.tender,
      bids: context.bids,
      managers: context.managers,
      frequencies: Object.entries(frequencyLabels).map(([value, text]) => ({ value, text })),
      values,
      ...errors,
    });

  app.get('/tenders/:id/award', { config: { access: deciders } }, async (request, reply) => {
    const context = await contextOr404(request, reply);
    if (!context) return reply;
    // Once awarded, the award page is the decision that was made; only a second attempt to award is refused.
    if (context.tender.status === 'awarded') return reply.redirect(`/tenders/${context.tender.id}/award/done`);
    if (context.refusal) return refuse(reply, context.refusal);
    const query = request.query as Record<string, unknown>;
    const returning = 'bidId' in query;
    const values = returning ? awardValuesFrom(query) : defaultAwardValues(context.tender.requirement, context.tender.number);
    return showForm(reply, context, values);
  });

  app.post('/tenders/:id/award', { config: { access: deciders } }, async (request, reply) => {
    const context = await contextOr404(request, reply);
    if (!context) return reply;
    if (context.refusal) return refuse(reply, context.refusal);
    const reading = readAward(request.body, choicesOf(context));
    if (!reading.ok) return showForm(reply, context, reading.values, reading.errors);
    const { decision } = reading;
    if (await isContractReferenceTaken(db, decision.reference)) return showForm(reply, context, reading.values, referenceTakenErrors(decision.reference));
    const choice = context.bids.find((b) => b.id === decision.bidId)!;
    const bid = context.results.bids.find((b) => b.bidId === decision.bidId)!;
    const manager = context.managers.find((m) => m.id === decision.contractManagerId)!;
    return reply.page('award/views/check.njk', {
      pageTitle: 'Check the award before you confirm it',
      backLink: { href: `/tenders/${context.tender.id}/award?${awardValuesQuery(reading.values)}` },
      tender: context.tender,
      decision,
      commitmentLines: [...bid.valuedCommitments, ...bid.countedCommitments].map(commitmentLine),
      choice,
      manager,
      frequency: frequencyLabels[decision.reportingFrequency],
      applicability: await applicabilityFor(db, decision.valuePence, decision.valueIncludesVat, todayIso()),
      changeQuery: awardValuesQuery(reading.values),
      values: reading.values,
    });
  });

  app.post('/tenders/:id/award/confirm', { config: { access: deciders } }, async (request, reply) => {
    const context = await contextOr404(request, reply);
    if (!context) return reply;
    if (context.refusal) return refuse(reply, context.refusal);
    const reading = readAward(request.body, choicesOf(context));
    if (!reading.ok) return showForm(reply, context, reading.values, reading.errors);
    const result = await awardTender(db, request.actor, context.tender.id, reading.decision);
    if (result.ok) return reply.redirect(`/tenders/${context.tender.id}/award/done`, 303);
    if (result.reason === 'reference-taken') return showForm(reply, context, reading.values, referenceTakenErrors(reading.decision.reference));
    // Someone else awarded it, or it changed, since the page was loaded: say why, as it stands now.
    const now = await loadAwardContext(db, context.tender.id);
    return refuse(
      reply,
      now?.refusal ?? {
        heading: 'The tender could not be awarded',
        paragraphs: ['Try again.'],
        link: { href: `/tenders/${context.tender.id}/award`, text: 'Award the contract' },
      },
    );
  });

  app.get('/tenders/:id/award/done', { config: { access: deciders } }, async (request, reply) => {
    const id = uuidParam(request, 'id');
    const report = id ? await loadEvaluationReport(db, id) : null;
    if (!report) return reply.callNotFound();
    if (!report.award) return reply.redirect(`/tenders/${id}/award`);
    const { contract, winner } = report.award;
    return reply.page('award/views/done.njk', {
      pageTitle: 'Contract awarded',
      backLink: { href: `/tenders/${id}`, text: 'Back to the tender' },
      report,
      contract,
      consortium: consortiumText(winner.consortiumMembers),
      applicabilityLabel: applicabilityLabels[contract.applicability],
      kpis: (await listContractCommitments(db, contract.id)).map(kpiView),
      frequency: frequencyLabels[contract.reportingFrequency],
    });
  });

  /** The report of a tender that has closed, or null after sending the 404 page or the page that says why not yet. */
  const reportOrRefuse = async (request: FastifyRequest, reply: FastifyReply): Promise<EvaluationReport | null> => {
    const report = await recordInPath(request, reply, 'id', (id) => loadEvaluationReport(db, id));
    if (!report) return null;
    const access = await resultsAccess(db, request.user!, report.tender);
    if (access.kind === 'not-found') {
      reply.callNotFound();
      return null;
    }
    if (access.kind === 'refused') {
      const link = { href: `/tenders/${report.tender.id}`, text: 'Go back to the tender' };
      refusedPage(reply, { heading: access.heading, paragraphs: access.paragraphs, link }, 403);
      return null;
    }
    const phase = tenderPhase(report.tender);
    if (phase !== 'closed' && phase !== 'awarded') {
      refuse(reply, {
        heading: 'There is no evaluation report yet',
        paragraphs: ['The evaluation report is available once the tender has closed for bids.'],
        link: { href: `/tenders/${report.tender.id}`, text: 'Go back to the tender' },
      });
      return null;
    }
    return report;
  };

  app.get('/tenders/:id/report', { config: { access: resultsReaders } }, async (request, reply) => {
    const report = await reportOrRefuse(request, reply);
    if (!report) return reply;
    return reply.page('award/views/report.njk', {
      pageTitle: `Evaluation report: ${report.tender.title}`,
      backLink: { href: `/tenders/${report.tender.id}`, text: 'Back to the tender' },
      report,
      view: reportView(report),
      canSendLetters: !!report.award && hasAnyRole(request.user, deciders),
    });
  });

  app.get('/tenders/:id/report.pdf', { config: { access: resultsReaders } }, async (request, reply) => {
    const report = await reportOrRefuse(request, reply);
    if (!report) return reply;
    const pdf = await reportPdf(report);
    await recordEvent(db, request.actor, `Downloaded the evaluation report of tender ${report.tender.number}`, {
      entityTable: 'tenders',
      entityId: report.tender.id,
    });
    return reply.type('application/pdf').header('content-disposition', `attachment; filename="evaluation-report-tender-${report.tender.number}.pdf"`).send(pdf);
  });

  /** The letter for the bid in the path, or null after sending the 404 page or the page that says why not yet. */
  const letterOrRefuse = async (request: FastifyRequest, reply: FastifyReply) => {
    const id = uuidParam(request, 'id');
    const bidId = uuidParam(request, 'bidId');
    const report = id && bidId ? await loadEvaluationReport(db, id) : null;
    if (!report || !bidId || !report.bids.some((bid) => bid.bidId === bidId)) {
      reply.callNotFound();
      return null;
    }
    const letter = buildFeedbackLetter(report, bidId, new Date());
    if (!letter) {
      refuse(reply, {
        heading: 'Feedback letters are written after the award',
        paragraphs: ['Award the contract first: each letter compares the bid with the winning bid.'],
        link: { href: `/tenders/${id}/award`, text: 'Award the contract' },
      });
      return null;
    }
    return { report, letter, bidId };
  };

  app.get('/tenders/:id/letters/:bidId', { config: { access: deciders } }, async (request, reply) => {
    const found = await letterOrRefuse(request, reply);
    if (!found) return reply;
    return reply.page('award/views/letter.njk', {
      pageTitle: `Feedback letter to ${found.letter.recipient}`,
      backLink: { href: `/tenders/${found.report.tender.id}/report#letters`, text: 'Back to the evaluation report' },
      view: letterView(found.letter),
      pdfHref: `/tenders/${found.report.tender.id}/letters/${found.bidId}.pdf`,
    });
  });

  app.get('/tenders/:id/letters/:bidId.pdf', { config: { access: deciders } }, async (request, reply) => {
    const found = await letterOrRefuse(request, reply);
    if (!found) return reply;
    const pdf = await letterPdf(found.letter);
    await recordEvent(db, request.actor, `Downloaded the feedback letter to ${found.letter.recipient} on tender ${found.report.tender.number}`, {
      entityTable: 'bids',
      entityId: found.bidId,
    });
    return reply
      .type('application/pdf')
      .header('content-disposition', `attachment; filename="feedback-tender-${found.report.tender.number}-${found.bidId.slice(0, 8)}.pdf"`)
      .send(pdf);
  });
}
