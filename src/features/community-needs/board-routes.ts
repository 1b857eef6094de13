import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Services } from '../../services.js';
import { needTypes } from '../../db/schema/index.js';
import { todayIso } from '../../domain/dates.js';
import { pageFrom, paginationLinks, shownRange } from '../../domain/pagination.js';
import { hasAnyRole } from '../../platform/current-user.js';
import { flashMessages } from '../../platform/flash.js';
import { field } from '../../platform/forms.js';
import { districtChoices } from '../organisations/postcode-districts.js';
import { unitWords } from '../delivery-reports/line-form.js';
import { reportableMeasures } from '../delivery-reports/repository.js';
import { boardNeedInPath, boardReaders, ownPledgeInPath, pledgers } from './access.js';
import { withdrawPledge } from './confirm-pledge.js';
import { emptyPledge, readPledge, type PledgeValues } from './forms.js';
import { pledgeTargets, pledgeToNeed } from './pledge-to-need.js';
import { needView, pledgeView } from './presenters.js';
import { pledgesOfNeed, pledgesOfSupplier, pledgeTargetRows, searchOpenNeeds, type BoardFilters, type NeedRecord } from './repository.js';
import { districtItems, needChoices, needTypeItems, pageErrors, selectItems } from './route-support.js';

const PAGE_SIZE = 20;
const SEARCH_MAX = 200;

const flash = flashMessages({
  pledged: 'Pledge made. The organisation will confirm when it has been met; it then goes into your next delivery report for the contract.',
  withdrawn: 'Pledge withdrawn.',
  'not-withdrawn': 'This pledge was already met or withdrawn, so it was not changed.',
});

/** The needs board for suppliers and council staff: search open needs, and (suppliers) pledge to meet one. */
export async function needsBoardRoutes(app: FastifyInstance, services: Services): Promise<void> {
  const { db } = services.database;

  app.get('/needs', { config: { access: boardReaders } }, async (request, reply) => {
    const { outcomeList, outcomeTitles } = await needChoices(db);
    const values = {
      q: field(request.query, 'q').trim(),
      district: field(request.query, 'district'),
      outcome: field(request.query, 'outcome'),
      type: field(request.query, 'type'),
    };
    const problems: [string, string][] = [];
    if (values.q.length > SEARCH_MAX) problems.push(['q', `Search words must be ${SEARCH_MAX} characters or fewer`]);
    if (values.district && !districtChoices.includes(values.district)) problems.push(['district', 'Select a district from the list']);
    if (values.outcome && !outcomeTitles.has(values.outcome)) problems.push(['outcome', 'Select a strategic outcome from the list']);
    const type = needTypes.find((t) => t === values.type);
    if (values.type && !type) problems.push(['type', 'Select a kind of need from the list']);
    const filters: BoardFilters = { q: values.q, district: values.district, outcome: values.outcome, type: type ?? '' };
    const page = pageFrom(field(request.query, 'page'), PAGE_SIZE);
    const { rows, total } = problems.length ? { rows: [], total: 0 } : await searchOpenNeeds(db, filters, todayIso(), page);
    const hrefFor = (n: number) =>
      `/needs?${new URLSearchParams({ ...Object.fromEntries(Object.entries(values).filter(([, v]) => v !== '')), page: String(n) }).toString()}`;
    return reply.code(problems.length ? 400 : 200).page('community-needs/views/board.njk', {
      pageTitle: 'Community needs board',
      values,
      filtered: Object.values(values).some((v) => v !== ''),
      needs: rows.map((n) => needView(n, outcomeTitles, { showContact: false })),
      ...shownRange(page, rows.length, total),
      districtItems: selectItems('All districts', districtItems, values.district),
      outcomeItems: selectItems(
        'All outcomes',
        outcomeList.map((o) => ({ value: o.code, text: o.title })),
        values.outcome,
      ),
      typeItems: selectItems('Any kind', needTypeItems, values.type),
      pagination: paginationLinks(page, total, hrefFor),
      canPledge: hasAnyRole(request.user, pledgers),
      ...pageErrors(problems),
    });
  });

  app.get('/needs/:id', { config: { access: boardReaders } }, async (request, reply) => {
    const need = await boardNeedInPath(db, request, reply);
    if (!need) return reply;
    const [{ outcomeTitles }, pledges] = await Promise.all([needChoices(db), pledgesOfNeed(db, need.id)]);
    const isSupplier = hasAnyRole(request.user, pledgers) && request.user!.organisationKind === 'supplier';
    const own = pledges.filter((p) => p.supplierId === request.user!.organisationId);
    // A supplier sees every pledge's supplier and amount (the public board shows as much), and the organisation's contact
    // only once it has pledged (to arrange the help) or the organisation published it; staff see everything.
    const showContact = !isSupplier || need.publishContact || own.some((p) => p.status !== 'withdrawn');
    return reply.page('community-needs/views/need.njk', {
      pageTitle: need.title,
      backLink: { href: '/needs' },
      need: needView(need, outcomeTitles, { showContact }),
      pledges: pledges.map(pledgeView),
      canPledge: isSupplier && need.status === 'open',
      flash: flash.of(request),
    });
  });

  async function pledgeForm(request: FastifyRequest, reply: FastifyReply, need: NeedRecord, values: PledgeValues, errors?: object) {
    const today = todayIso();
    const [{ outcomeTitles }, rows, measures] = await Promise.all([
      needChoices(db),
      pledgeTargetRows(db, request.user!.organisationId, today),
      reportableMeasures(db, null),
    ]);
    const targets = pledgeTargets(rows);
    return reply.page('community-needs/views/pledge-form.njk', {
      pageTitle: `Pledge to meet: ${need.title}`,
      backLink: { href: `/needs/${need.id}` },
      need: needView(need, outcomeTitles, { showContact: false }),
      values,
      hasContracts: rows.length > 0,
      targetItems: selectItems(
        'Choose what it counts towards',
        targets.map((t) => ({ value: t.value, text: t.text })),
        values.target,
      ),
      measureItems: selectItems(
        'Choose a measure (additional social value only)',
        measures.map((m) => ({ value: m.id, text: `${m.code} ${m.title} (${unitWords(m.unit)})` })),
        values.measure,
      ),
      ...errors,
    });
  }

  app.get('/needs/:id/pledge', { config: { access: pledgers } }, async (request, reply) => {
    const need = await boardNeedInPath(db, request, reply);
    if (!need) return reply;
    if (need.status !== 'open') return reply.redirect(`/needs/${need.id}`, 303);
    return pledgeForm(request, reply, need, emptyPledge);
  });

  app.post('/needs/:id/pledge', { config: { access: pledgers } }, async (request, reply) => {
    const need = await boardNeedInPath(db, request, reply);
    if (!need) return reply;
    if (need.status !== 'open') {
      return pledgeForm(
        request,
        reply.code(400),
        need,
        emptyPledge,
        pageErrors([['target', 'This need has been closed by the organisation: it takes no more pledges']]),
      );
    }
    const user = request.user!;
    // every contract of the supplier's, so that one that has ended is refused as such (the form offers running ones)
    const [rows, measures] = await Promise.all([pledgeTargetRows(db, user.organisationId, null), reportableMeasures(db, null)]);
    const reading = readPledge(request.body, pledgeTargets(rows), new Map(measures.map((m) => [m.id, m.unit])));
    if (!reading.ok) return pledgeForm(request, reply.code(400), need, reading.values, pageErrors(reading.problems));
    const pledger = { userId: user.id, supplierId: user.organisationId, supplierName: user.organisationName };
    const result = await pledgeToNeed(db, request.actor, pledger, need, reading.input, { today: todayIso(), baseUrl: services.config.baseUrl });
    if (!result.ok) return pledgeForm(request, reply.code(400), need, reading.values, pageErrors([result.problem]));
    return reply.redirect(flash.path(`/needs/${need.id}`, 'pledged'), 303);
  });

  app.get('/needs/pledges', { config: { access: pledgers } }, async (request, reply) => {
    const pledges = await pledgesOfSupplier(db, request.user!.organisationId);
    return reply.page('community-needs/views/supplier-pledges.njk', {
      pageTitle: 'Your pledges',
      pledges: pledges.map(pledgeView),
      flash: flash.of(request),
    });
  });

  app.post('/needs/pledges/:id/withdraw', { config: { access: pledgers } }, async (request, reply) => {
    const pledge = await ownPledgeInPath(db, request, reply);
    if (!pledge) return reply;
    const done = await withdrawPledge(db, request.actor, pledge);
    return reply.redirect(flash.path('/needs/pledges', done ? 'withdrawn' : 'not-withdrawn'), 303);
  });
}
