import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Services } from '../../services.js';
import { pageFrom, paginationLinks, shownRange } from '../../domain/pagination.js';
import { hasAnyRole, staffRoles } from '../../platform/current-user.js';
import { field, isUuid } from '../../platform/forms.js';
import { closeRoutes } from './close-routes.js';
import { createTender } from './create-tender.js';
import { loadTenderSetup, type TenderSetup } from './load-setup.js';
import { measureRoutes } from './measure-routes.js';
import { measureRows } from './measure-view.js';
import { peopleRoutes } from './people-routes.js';
import { phaseLabels, tenderPhase } from './phase.js';
import { publishRoutes } from './publish-routes.js';
import { questionRoutes } from './question-routes.js';
import { findUserName, listTenders } from './repository.js';
import { officerRoles, readableTender, readsAllTenders, tenderFlash, tenderPath } from './route-support.js';
import { param } from '../../platform/route-params.js';
import { settingRoutes } from './setting-routes.js';
import { isTenderQueue, tenderQueueLabels } from './tender-queues.js';

const PAGE_SIZE = 25;

/** Tenders: the list, creating a draft from a requirement, the tender page, and (for officers) its set-up, publication and closing. */
export async function tenderRoutes(app: FastifyInstance, services: Services): Promise<void> {
  const { db } = services.database;

  app.get('/tenders', { config: { access: staffRoles } }, async (request, reply) => {
    const assignedOnly = !readsAllTenders(request);
    const page = pageFrom(field(request.query, 'page'), PAGE_SIZE);
    const waitingText = field(request.query, 'waiting');
    const waiting = isTenderQueue(waitingText) ? waitingText : null;
    const filter = { assignedTo: assignedOnly ? request.user!.id : null, waiting: waiting ? { queue: waiting, userId: request.user!.id } : null };
    const { rows, total } = await listTenders(db, filter, page);
    const now = new Date();
    return reply.page('tenders/views/list.njk', {
      pageTitle: 'Tenders',
      assignedOnly,
      rows: rows.map((row) => {
        const phase = tenderPhase(row, now);
        return { ...row, phase, phaseLabel: phaseLabels[phase] };
      }),
      ...shownRange(page, rows.length, total),
      waitingLabel: waiting ? tenderQueueLabels[waiting] : null,
      pagination: paginationLinks(page, total, (n) => `/tenders?${new URLSearchParams({ ...(waiting ? { waiting } : {}), page: String(n) }).toString()}`),
    });
  });

  app.post('/requirements/:requirementId/tender', { config: { access: officerRoles } }, async (request, reply) => {
    const requirementId = param(request, 'requirementId');
    if (!isUuid(requirementId)) return reply.callNotFound();
    const result = await createTender(db, request.actor, requirementId);
    switch (result.status) {
      case 'missing':
        return reply.callNotFound();
      case 'exists':
        return reply.redirect(`/tenders/${result.tenderId}`, 303);
      case 'created':
        return reply.redirect(tenderFlash.path(`/tenders/${result.tenderId}`, 'created'), 303);
      case 'not-ready':
        return reply.code(409).page('tenders/views/not-ready.njk', {
          pageTitle: 'This requirement is not ready to tender',
          heading: 'This requirement is not ready to tender',
          requirement: result.requirement,
          intro: 'No tender has been created. Before this requirement can go to tender:',
          missing: result.missing,
          explanation: 'The council’s social value policy asks for social value to be shaped into every requirement in scope before it goes to tender.',
        });
    }
  });

  app.get('/tenders/:tenderId', { config: { access: staffRoles } }, async (request, reply) => {
    const tender = await readableTender(db, request, reply);
    if (!tender) return reply;
    const setup = await loadTenderSetup(db, tender);
    const canManage = hasAnyRole(request.user, officerRoles);
    return reply.page('tenders/views/tender.njk', {
      pageTitle: `Tender ${tender.number}: ${tender.title}`,
      backLink: { href: '/tenders', text: 'All tenders' },
      setup,
      phaseLabel: phaseLabels[setup.phase],
      measureRows: measureRows(setup.measures),
      canManage,
      canChange: canManage && setup.phase === 'draft',
      submittedText: submittedText(setup),
      allSubmitted: setup.suppliers.length > 0 && setup.suppliers.every((s) => s.submitted),
      anySubmitted: setup.suppliers.some((s) => s.submitted),
      closedEarlyByName: tender.closedEarlyBy ? await findUserName(db, tender.closedEarlyBy) : null,
      nextSteps: nextSteps(setup, request),
      flash: tenderFlash.of(request),
    });
  });

  await settingRoutes(app, db);
  await measureRoutes(app, db);
  await questionRoutes(app, db);
  await peopleRoutes(app, db);
  await publishRoutes(app, db, services.config.baseUrl);
  await closeRoutes(app, db, services.config.baseUrl);
}

function submittedText(setup: TenderSetup): string {
  const invited = setup.suppliers.length;
  const submitted = setup.suppliers.filter((s) => s.submitted).length;
  return `${submitted} of ${invited} invited ${invited === 1 ? 'supplier has' : 'suppliers have'} submitted a bid.`;
}

/** Links to evaluation, moderation, results and award, as far as the tender has got and the user's roles allow. */
function nextSteps(setup: TenderSetup, request: FastifyRequest): { href: string; text: string }[] {
  if (setup.phase !== 'closed' && setup.phase !== 'awarded') return [];
  const base = tenderPath(setup.tender);
  const officer = hasAnyRole(request.user, officerRoles);
  const evaluator = setup.evaluators.some((e) => e.userId === request.user?.id);
  const links: { href: string; text: string }[] = [];
  if (officer || evaluator) links.push({ href: `${base}/evaluation`, text: evaluator ? 'Score the bids' : 'Evaluation progress' });
  if (officer) links.push({ href: `${base}/moderation`, text: 'Moderate the scores' });
  // Before the award, results and the report are the officers' (and the tender's evaluators', from the evaluation pages).
  const readsResults = officer || (setup.phase === 'awarded' && readsAllTenders(request));
  if (readsResults) links.push({ href: `${base}/results`, text: 'Results and ranking' });
  if (officer) links.push({ href: `${base}/award`, text: setup.phase === 'awarded' ? 'The award' : 'Award the contract' });
  if (readsResults) links.push({ href: `${base}/report`, text: 'Evaluation report' });
  return links;
}
