import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../../db/client.js';
import { NARRATIVE_MAX } from '../../domain/limits.js';
import { formErrors } from '../../platform/forms.js';
import { uuidParam } from '../../platform/route-params.js';
import { COUNTYWIDE, districtChoices } from '../organisations/postcode-districts.js';
import { answerChange, commitmentChange, commitmentRemoval, detailsChange } from './bid-changes.js';
import { bidPage, loadBidContext, openedRevision, refuseEnded, scaleRows, STALE_MESSAGE, supplierOnly, type BidContext } from './bid-context.js';
import { ANSWER_MAX, answerValue, readAnswerForm } from './answer-form.js';
import { bidFlash } from './flash.js';
import { commitmentValues, commitmentValuesOf, modeIsChosen, readCommitmentForm, type CommitmentValues, type PeriodsByMode } from './commitment-form.js';
import { deliveryPeriods, modesFor } from '../../domain/delivery-periods.js';
import { MAX_MEMBERS, detailsValues, detailsValuesOf, readDetailsForm, type DetailsValues } from './details-form.js';
import { saveBid, type BidChange } from './save-bid.js';
import type { TenderMeasure } from './repository.js';

/** A row of the "what you entered" list shown when a change was refused because someone else had changed the bid. */
interface UnsavedRow {
  key: { text: string };
  value: { text: string; classes: string };
}

interface Rendering {
  problems?: [string, string][];
  /** what the supplier typed, when their change was refused as stale */
  unsaved?: UnsavedRow[];
}

const row = (key: string, text: string): UnsavedRow => ({ key: { text: key }, value: { text: text || 'Nothing entered', classes: 'app-pre-wrap' } });

/** The status of a page after a change was refused, or a form was sent back with problems. */
function statusOf({ problems = [], unsaved }: Rendering): number {
  if (unsaved) return 409;
  return problems.length ? 400 : 200;
}

function errorsOf({ problems = [], unsaved }: Rendering) {
  return formErrors(unsaved ? [['unsaved', STALE_MESSAGE]] : problems);
}

/** The pages where a supplier writes each part of a bid: price and consortium, each commitment, each answer. */
export async function bidTaskRoutes(app: FastifyInstance, db: Db): Promise<void> {
  /**
   * Saves a change, then returns to the bid's page; or says why not: bidding has ended (409), or someone else changed
   * the bid since the form was opened (409, the form shown again with their version and what this supplier typed).
   */
  async function save(
    reply: FastifyReply,
    context: BidContext,
    revision: number,
    change: BidChange,
    done: Parameters<typeof bidFlash.path>[1],
    stale: () => FastifyReply,
  ) {
    const result = await saveBid(db, reply.request.actor, { tenderId: context.tender.id, organisationId: context.user.organisationId }, revision, change);
    if (result.status === 'ended') return refuseEnded(reply, context, result);
    if (result.status === 'stale') return stale();
    return reply.redirect(bidFlash.path(context.base, result.status === 'saved' ? done : 'unchanged'), 303);
  }

  /** The bid of the path, open for changes; otherwise null after the 404 page, the bid's page (GET) or the refusal (POST). */
  async function openBid(request: FastifyRequest, reply: FastifyReply): Promise<BidContext | null> {
    const context = await loadBidContext(db, request, reply);
    if (!context || context.phase === 'open') return context;
    if (request.method === 'GET') reply.redirect(context.base, 303);
    else refuseEnded(reply, context);
    return null;
  }

  // ---------------------------------------------------------------- bid price and consortium

  function renderDetails(reply: FastifyReply, context: BidContext, values: DetailsValues, rendering: Rendering = {}) {
    return reply.code(statusOf(rendering)).page('bids/views/details.njk', {
      ...bidPage(context, 'Bid price and consortium'),
      backLink: { href: context.base },
      values,
      maxMembers: MAX_MEMBERS,
      unsaved: rendering.unsaved,
      ...errorsOf(rendering),
    });
  }

  function unsavedDetails(values: DetailsValues): UnsavedRow[] {
    const members = values.members.filter((m) => m.name || m.role).map((m) => `${m.name} (${m.role})`);
    return [
      row('Bid price', values.price ? `£${values.price.replace(/^£/, '')}` : ''),
      row('Consortium bid', values.consortium === 'yes' ? 'Yes' : values.consortium === 'no' ? 'No' : ''),
      ...(values.consortium === 'yes' ? [row('Members', members.join(', '))] : []),
    ];
  }

  app.get('/supplier/tenders/:tenderId/details', { config: supplierOnly }, async (request, reply) => {
    const context = await openBid(request, reply);
    if (!context) return reply;
    return renderDetails(reply, context, detailsValuesOf(context.bid));
  });

  app.post('/supplier/tenders/:tenderId/details', { config: supplierOnly }, async (request, reply) => {
    const context = await openBid(request, reply);
    if (!context) return reply;
    const form = readDetailsForm(detailsValues(request.body));
    if (!form.ok) return renderDetails(reply, context, form.values, { problems: form.problems });
    return save(reply, context, openedRevision(request.body), detailsChange(context.tender.number, form.input), 'details', () =>
      renderDetails(reply, context, detailsValuesOf(context.bid), { unsaved: unsavedDetails(form.values) }),
    );
  });

  // ---------------------------------------------------------------- commitments

  function periodsFor(context: BidContext): PeriodsByMode {
    const { expectedStart, durationMonths } = context.tender;
    return Object.fromEntries(modesFor(durationMonths).map((mode) => [mode, deliveryPeriods(expectedStart, durationMonths, mode)]));
  }

  async function commitmentContext(request: FastifyRequest, reply: FastifyReply) {
    const context = await openBid(request, reply);
    if (!context) return null;
    const measureId = uuidParam(request, 'measureId');
    const measure = measureId ? context.measures.find((m) => m.measureId === measureId) : undefined;
    if (!measure) {
      reply.callNotFound();
      return null;
    }
    return { context, measure, periods: periodsFor(context) };
  }

  function renderCommitment(
    reply: FastifyReply,
    { context, measure, periods }: { context: BidContext; measure: TenderMeasure; periods: PeriodsByMode },
    values: CommitmentValues,
    rendering: Rendering = {},
  ) {
    const single = modeIsChosen(periods) ? [] : Object.entries(periods).filter(([, list]) => list.length > 0);
    const [singleMode, singleModePeriods] = single[0] ?? ['year', []];
    return reply.code(statusOf(rendering)).page('bids/views/commitment.njk', {
      ...bidPage(context, `${measure.code}: ${measure.title}`),
      backLink: { href: context.base },
      measure,
      line: context.summary.measures.find((l) => l.measure.measureId === measure.measureId),
      periods,
      modeChosen: modeIsChosen(periods),
      singleMode,
      singleModePeriods,
      values,
      districtItems: [
        ...districtChoices.filter((d) => d !== COUNTYWIDE).map((d) => ({ value: d, text: d, checked: values.districts.includes(d) })),
        { divider: 'or' },
        {
          value: COUNTYWIDE,
          text: 'Countywide',
          hint: { text: 'Across the whole of Leicestershire' },
          checked: values.districts.includes(COUNTYWIDE),
          behaviour: 'exclusive',
        },
      ],
      narrativeMax: NARRATIVE_MAX,
      unsaved: rendering.unsaved,
      ...errorsOf(rendering),
    });
  }

  function unsavedCommitment(values: CommitmentValues, periods: PeriodsByMode): UnsavedRow[] {
    const mode = values.profileBy === 'quarter' ? 'quarter' : 'year';
    const lines = (periods[mode] ?? []).flatMap((p, i) => (values.profile[mode][i] ? [`${p.label}: ${values.profile[mode][i]}`] : []));
    return [row('How much', values.quantity), row('When', lines.join('\n')), row('Where', values.districts.join(', ')), row('How', values.narrative)];
  }

  app.get('/supplier/tenders/:tenderId/commitments/:measureId', { config: supplierOnly }, async (request, reply) => {
    const found = await commitmentContext(request, reply);
    if (!found) return reply;
    const { context, measure, periods } = found;
    const saved = context.bid?.commitments.find((c) => c.measureId === measure.measureId) ?? null;
    return renderCommitment(reply, found, commitmentValuesOf(saved, periods, context.tender.expectedStart, context.tender.durationMonths));
  });

  app.post('/supplier/tenders/:tenderId/commitments/:measureId', { config: supplierOnly }, async (request, reply) => {
    const found = await commitmentContext(request, reply);
    if (!found) return reply;
    const { context, measure, periods } = found;
    const values = commitmentValues(request.body, periods);
    const form = readCommitmentForm(values, measure, periods);
    if (!form.ok) return renderCommitment(reply, found, values, { problems: form.problems });
    return save(reply, context, openedRevision(request.body), commitmentChange(context.tender.number, measure, form.input), 'commitment', () => {
      const saved = context.bid?.commitments.find((c) => c.measureId === measure.measureId) ?? null;
      const current = commitmentValuesOf(saved, periods, context.tender.expectedStart, context.tender.durationMonths);
      return renderCommitment(reply, found, current, { unsaved: unsavedCommitment(values, periods) });
    });
  });

  app.post('/supplier/tenders/:tenderId/commitments/:measureId/remove', { config: supplierOnly }, async (request, reply) => {
    const found = await commitmentContext(request, reply);
    if (!found) return reply;
    const { context, measure, periods } = found;
    return save(reply, context, openedRevision(request.body), commitmentRemoval(context.tender.number, measure), 'removed', () => {
      const saved = context.bid?.commitments.find((c) => c.measureId === measure.measureId) ?? null;
      const current = commitmentValuesOf(saved, periods, context.tender.expectedStart, context.tender.durationMonths);
      return renderCommitment(reply, found, current, { unsaved: [row('What you asked for', 'Remove this commitment')] });
    });
  });

  // ---------------------------------------------------------------- answers

  async function questionContext(request: FastifyRequest, reply: FastifyReply) {
    const context = await openBid(request, reply);
    if (!context) return null;
    const questionId = uuidParam(request, 'questionId');
    const line = questionId ? context.summary.questions.find((q) => q.question.id === questionId) : undefined;
    if (!line) {
      reply.callNotFound();
      return null;
    }
    return { context, line };
  }

  function renderAnswer(
    reply: FastifyReply,
    { context, line }: NonNullable<Awaited<ReturnType<typeof questionContext>>>,
    answer: string,
    rendering: Rendering = {},
  ) {
    return reply.code(statusOf(rendering)).page('bids/views/answer.njk', {
      ...bidPage(context, `Question ${line.number}: ${line.question.title}`),
      backLink: { href: context.base },
      question: line.question,
      number: line.number,
      answer,
      answerMax: ANSWER_MAX,
      scaleRows: scaleRows(context.tender.scale),
      unsaved: rendering.unsaved,
      ...errorsOf(rendering),
    });
  }

  app.get('/supplier/tenders/:tenderId/answers/:questionId', { config: supplierOnly }, async (request, reply) => {
    const found = await questionContext(request, reply);
    if (!found) return reply;
    return renderAnswer(reply, found, found.line.answer);
  });

  app.post('/supplier/tenders/:tenderId/answers/:questionId', { config: supplierOnly }, async (request, reply) => {
    const found = await questionContext(request, reply);
    if (!found) return reply;
    const { context, line } = found;
    const typed = answerValue(request.body);
    const form = readAnswerForm(typed);
    if (!form.ok) return renderAnswer(reply, found, typed, { problems: form.problems });
    return save(reply, context, openedRevision(request.body), answerChange(context.tender.number, line.question, line.number, form.answer), 'answer', () =>
      renderAnswer(reply, found, line.answer, { unsaved: [row('Your answer', typed)] }),
    );
  });
}
