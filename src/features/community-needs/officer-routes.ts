import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Services } from '../../services.js';
import { todayIso } from '../../domain/dates.js';
import { flashMessages } from '../../platform/flash.js';
import { recordInPath } from '../../platform/route-params.js';
import { boardOfficers, latePledgeReaders } from './access.js';
import { decideRegistration } from './decide-registration.js';
import { readDecision } from './forms.js';
import { approvalLabels, approvalTags, communityTypeLabels } from './labels.js';
import { pledgeView } from './presenters.js';
import { findCommunityOrganisation, listRegistrations, needsWithoutPledges, peopleOf, pledgesTooLate, type CommunityOrganisation } from './repository.js';
import { needChoices, pageErrors } from './route-support.js';

const flash = flashMessages({
  approved: 'Registration approved. The organisation can now post needs.',
  declined: 'Registration declined. The organisation sees the reason when it signs in.',
  'already-decided': 'This registration had already been decided.',
});

const organisationView = (o: CommunityOrganisation) => ({
  ...o,
  typeLabel: o.communityType ? communityTypeLabels[o.communityType] : 'Community organisation',
  statusLabel: approvalLabels[o.approvalStatus],
  statusTag: approvalTags[o.approvalStatus],
});

/** Officers: approve or decline community organisations' registrations, and see where needs have found no pledge. */
export async function needsOfficerRoutes(app: FastifyInstance, services: Services): Promise<void> {
  const { db } = services.database;
  const config = { access: boardOfficers };

  app.get('/needs/registrations', { config }, async (request, reply) => {
    const [pending, approved, declined] = await Promise.all([
      listRegistrations(db, 'pending'),
      listRegistrations(db, 'approved'),
      listRegistrations(db, 'declined'),
    ]);
    return reply.page('community-needs/views/registrations.njk', {
      pageTitle: 'Community organisations',
      pending: pending.map(organisationView),
      approved: approved.map(organisationView),
      declined: declined.map(organisationView),
      flash: flash.of(request),
    });
  });

  const organisationInPath = (request: FastifyRequest, reply: FastifyReply) => recordInPath(request, reply, 'id', (id) => findCommunityOrganisation(db, id));

  async function decisionPage(reply: FastifyReply, organisation: CommunityOrganisation, values: { decision: string; reason: string }, errors?: object) {
    return reply.page('community-needs/views/registration.njk', {
      pageTitle: `Registration: ${organisation.name}`,
      backLink: { href: '/needs/registrations' },
      organisation: organisationView(organisation),
      people: await peopleOf(db, [organisation.id]),
      values,
      ...errors,
    });
  }

  app.get('/needs/registrations/:id', { config }, async (request, reply) => {
    const organisation = await organisationInPath(request, reply);
    if (!organisation) return reply;
    return decisionPage(reply, organisation, { decision: '', reason: '' });
  });

  app.post('/needs/registrations/:id', { config }, async (request, reply) => {
    const organisation = await organisationInPath(request, reply);
    if (!organisation) return reply;
    const reading = readDecision(request.body);
    if (!reading.ok) return decisionPage(reply.code(400), organisation, reading.values, pageErrors(reading.problems));
    const decided = await decideRegistration(db, request.actor, organisation, reading.input, services.config.baseUrl);
    return reply.redirect(flash.path('/needs/registrations', decided ? (reading.input.approve ? 'approved' : 'declined') : 'already-decided'), 303);
  });

  app.get('/needs/gaps', { config }, async (_request, reply) => {
    const [{ outcomeTitles }, gaps] = await Promise.all([needChoices(db), needsWithoutPledges(db, todayIso())]);
    return reply.page('community-needs/views/gaps.njk', {
      pageTitle: 'Needs without pledges',
      gaps: gaps.map((g) => ({ ...g, outcomeTitle: outcomeTitles.get(g.outcomeCode) ?? g.outcomeCode })),
      total: gaps.reduce((sum, g) => sum + g.needs, 0),
    });
  });

  app.get('/needs/late-pledges', { config: { access: latePledgeReaders } }, async (_request, reply) => {
    const pledges = await pledgesTooLate(db);
    return reply.page('community-needs/views/late-pledges.njk', { pageTitle: 'Pledges met too late for a delivery report', pledges: pledges.map(pledgeView) });
  });
}
