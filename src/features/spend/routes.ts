import type { FastifyInstance, FastifyReply } from 'fastify';
import { stringify } from 'csv-stringify/sync';
import type { Services } from '../../services.js';
import { cachedRead } from '../../db/read-cache.js';
import { spendMatchStatuses } from '../../db/schema/index.js';
import { formatPounds } from '../../domain/money.js';
import { pageFrom, paginationLinks } from '../../domain/pagination.js';
import { recordEvent } from '../../platform/audit.js';
import { staffRoles } from '../../platform/current-user.js';
import { field, formErrors, isUuid } from '../../platform/forms.js';
import { decideMatch, type MatchDecision } from './decide-match.js';
import { breakdowns, spendBy, spendChoices, spendTotals, type Breakdown } from './figures.js';
import { spendImporters } from './import-routes.js';
import { buildMatcher } from './matcher.js';
import { directoryOrganisations } from './repository.js';
import { findSpendSupplier, reviewCounts, suppliersToReview } from './review-queries.js';
import { readSpendFilter, spendQuery } from './spend-filter.js';
import { breakdownCells, breakdownHeadings, breakdownTable, filterChoices, headlines, keyLabel, monthChart } from './spend-view.js';
import { recordInPath } from '../../platform/route-params.js';
import { flashMessages } from '../../platform/flash.js';

const staff = { access: staffRoles };
const reviewers = { access: spendImporters };
const REVIEW_PAGE = 25;
/** Organisations offered to choose from for each supplier on the review page. */
const SIMILAR_OFFERED = 5;

const reviewStatuses = spendMatchStatuses.filter((s) => s !== 'redacted');
const statusNames: Record<(typeof reviewStatuses)[number], string> = { review: 'To review', unmatched: 'Not matched', matched: 'Matched' };
const byNames: Record<Breakdown, string> = { month: 'Month', directorate: 'Directorate', district: 'District' };

const flash = flashMessages({
  confirm: 'Match confirmed. It is remembered for the publisher’s later files.',
  reject: 'Recorded as matching no organisation. It is remembered for the publisher’s later files.',
  match: 'Matched. It is remembered for the publisher’s later files.',
  add: 'Added to the directory and matched. Complete its profile in the directory.',
});

/** The local spend figures (staff), their downloads, and the review of suppliers' matches (officers). */
export async function spendRoutes(app: FastifyInstance, { database }: Services): Promise<void> {
  const { db } = database;

  async function readRequest(query: unknown) {
    const choices = await cachedRead(db, 'spend:choices', () => spendChoices(db));
    return { choices, reading: readSpendFilter(query, choices) };
  }

  app.get('/spend', { config: staff }, async (request, reply) => {
    const { choices, reading } = await readRequest(request.query);
    const base = { pageTitle: 'Local spend', values: reading.values, ...filterChoices(reading.values, choices), hasData: choices.months.length > 0 };
    if (!reading.ok) return reply.code(400).page('spend/views/figures.njk', { ...base, ...reading.errors });
    const filter = reading.filter;
    const [totals, byMonth, byDirectorate, byDistrict] = await cachedRead(db, `spend:${JSON.stringify(filter)}`, () =>
      Promise.all([spendTotals(db, filter), spendBy(db, filter, 'month'), spendBy(db, filter, 'directorate'), spendBy(db, filter, 'district')]),
    );
    const query = spendQuery(reading.values);
    return reply.page('spend/views/figures.njk', {
      ...base,
      figures: true,
      total: formatPounds(totals.pence),
      payments: totals.payments,
      headlines: headlines(totals),
      headings: breakdownHeadings,
      monthChart: monthChart(byMonth),
      tables: [
        { by: 'month', caption: 'By month', rows: breakdownTable('month', byMonth) },
        { by: 'directorate', caption: 'By directorate or service area', rows: breakdownTable('directorate', byDirectorate) },
        { by: 'district', caption: 'By the district of the organisations paid', rows: breakdownTable('district', byDistrict) },
      ].map((t) => ({ ...t, download: `/spend/download.csv?${new URLSearchParams([...new URLSearchParams(query), ['by', t.by]]).toString()}` })),
    });
  });

  app.get('/spend/download.csv', { config: staff }, async (request, reply) => {
    const { reading } = await readRequest(request.query);
    const by = breakdowns.find((b) => b === field(request.query, 'by'));
    if (!reading.ok || !by) return reply.callNotFound();
    const rows = await spendBy(db, reading.filter, by);
    await recordEvent(db, request.actor, `Downloaded the local spend figures by ${by}`);
    const csv = stringify([[byNames[by], ...breakdownHeadings], ...rows.map((r) => [keyLabel(by, r.key), ...breakdownCells(r)])]);
    return reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="local-spend-by-${by}.csv"`)
      .send(`\uFEFF${csv}`);
  });

  async function reviewPage(
    reply: FastifyReply,
    status: (typeof reviewStatuses)[number],
    pageNumber: string,
    flash?: string,
    problems: [string, string][] = [],
  ) {
    const page = pageFrom(pageNumber, REVIEW_PAGE);
    const [{ rows, total }, counts] = await Promise.all([suppliersToReview(db, status, page), reviewCounts(db)]);
    const matcher = status === 'matched' ? null : buildMatcher(await directoryOrganisations(db));
    return reply.code(problems.length ? 400 : 200).page('spend/views/review.njk', {
      pageTitle: 'Review suppliers’ matches',
      status,
      tabs: reviewStatuses.map((s) => ({ status: s, text: `${statusNames[s]} (${counts[s].toLocaleString('en-GB')})`, current: s === status })),
      suppliers: rows.map((r) => ({
        ...r,
        similar: matcher
          ? matcher
              .similar(r.name, SIMILAR_OFFERED)
              .map((c) => ({ value: c.organisation.id, text: `${c.organisation.name} (${Math.round(c.score * 100)}% alike)` }))
          : [],
      })),
      total,
      pagination: paginationLinks(page, total, (n) => `/spend/review?status=${status}&page=${n}`),
      flash,
      ...formErrors(problems),
    });
  }

  app.get('/spend/review', { config: reviewers }, async (request, reply) => {
    const status = reviewStatuses.find((s) => s === field(request.query, 'status')) ?? 'review';
    return reviewPage(reply, status, field(request.query, 'page'), flash.of(request));
  });

  app.post('/spend/suppliers/:id', { config: reviewers }, async (request, reply) => {
    const supplier = await recordInPath(request, reply, 'id', async (id) => {
      const found = await findSpendSupplier(db, id);
      return found?.status === 'redacted' ? null : found;
    });
    if (!supplier) return reply;
    const back = reviewStatuses.find((s) => s === field(request.body, 'status')) ?? 'review';
    const choice = field(request.body, 'decision');
    let decision: MatchDecision | null = null;
    if (choice === 'confirm' || choice === 'reject' || choice === 'add') decision = { kind: choice };
    if (choice === 'match') {
      const organisationId = field(request.body, 'organisation');
      const organisation = isUuid(organisationId) ? (await directoryOrganisations(db)).find((o) => o.id === organisationId) : undefined;
      if (!organisation) return reviewPage(reply, back, '', undefined, [[`organisation-${supplier.id}`, `Select the organisation that ${supplier.name} is`]]);
      decision = { kind: 'match', organisationId: organisation.id, organisationName: organisation.name };
    }
    if (!decision) return reviewPage(reply, back, '', undefined, [[`decision-${supplier.id}`, `Choose what ${supplier.name} is`]]);
    const result = await decideMatch(db, request.actor, supplier.id, decision);
    if (!result.ok) return reply.callNotFound();
    return reply.redirect(flash.path(`/spend/review?status=${back}`, decision.kind), 303);
  });
}
