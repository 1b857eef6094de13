import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Services } from '../../services.js';
import { roles, type OrganisationKind, type Role } from '../../db/schema/index.js';
import { pageFrom, paginationLinks, shownRange } from '../../domain/pagination.js';
import { flashMessages } from '../../platform/flash.js';
import { field, formErrors, isUuid } from '../../platform/forms.js';
import { INVITATION_DAYS } from '../invitations/tokens.js';
import { kindLabels } from '../organisations/labels.js';
import { findOrganisation, organisationChoices } from '../organisations/repository.js';
import { changeUser } from './change-user.js';
import { deactivateUser, reactivateUser } from './deactivate-user.js';
import { inviteValues, userValues, type InviteValues, type UserValues } from './forms.js';
import { inviteUser, type Inviter } from './invite-user.js';
import { findUser, latestInvitation, listUsers, type UserDetails } from './repository.js';
import { isRole, roleHints, roleLabels, rolesByKind } from './roles.js';
import { sendNewInvitation } from './send-invitation.js';
import { statusLabels, userStatuses } from './status.js';
import { uuidParam } from '../../platform/route-params.js';

const PAGE_SIZE = 50;
const admin = { access: ['admin'] } as const;

function inviterOf(request: FastifyRequest): Inviter {
  return { actor: request.actor, name: request.user?.name ?? request.actor.label };
}

function roleItems(choices: readonly Role[], checked: readonly string[]) {
  return choices.map((role) => ({ value: role, text: roleLabels[role], hint: { text: roleHints[role] }, checked: checked.includes(role) }));
}

/** The success message after each change, by the `done` query parameter of the page it returns to. */
const flash = flashMessages({
  invited: (u: UserDetails) => `Invitation sent to ${u.email}`,
  saved: () => 'Changes saved',
  resent: (u: UserDetails) => `New invitation sent to ${u.email}. Earlier links no longer work`,
  deactivated: (u: UserDetails) => `${u.name}'s account is deactivated and they have been signed out`,
  reactivated: (u: UserDetails) => `${u.name}'s account is active again`,
});

/** Admins invite people, change their names and roles, and deactivate or reactivate their accounts. */
export async function userRoutes(app: FastifyInstance, services: Services): Promise<void> {
  const { db } = services.database;
  const { baseUrl } = services.config;

  async function loadUser(request: FastifyRequest): Promise<UserDetails | null> {
    const id = uuidParam(request, 'id');
    return id ? findUser(db, id) : null;
  }

  async function renderInvite(reply: FastifyReply, values: InviteValues, problems: [string, string][] = []) {
    const organisations = await organisationChoices(db);
    return reply.code(problems.length ? 400 : 200).page('users/views/invite.njk', {
      pageTitle: 'Invite a user',
      invitationDays: INVITATION_DAYS,
      backLink: { href: '/admin/users' },
      values,
      organisationItems: [
        { value: '', text: 'Select an organisation' },
        ...organisations.map((o) => ({ value: o.id, text: `${o.name} (${kindLabels[o.kind].toLowerCase()})`, selected: o.id === values.organisation })),
      ],
      roleItems: roleItems(roles, values.roles),
      ...formErrors(problems),
    });
  }

  async function renderUser(reply: FastifyReply, request: FastifyRequest, user: UserDetails, problems: [string, string][] = []) {
    return reply.code(problems.length ? 400 : 200).page('users/views/view.njk', {
      pageTitle: user.name,
      person: user,
      roleNames: user.roles.map((role) => roleLabels[role]).join(', '),
      invitation: await latestInvitation(db, user.id),
      isSelf: user.id === request.user?.id,
      roleLabels,
      statusLabels,
      kindLabels,
      flash: problems.length ? undefined : flash.of(request)?.(user),
      backLink: { href: '/admin/users', text: 'All users' },
      ...formErrors(problems),
    });
  }

  function renderEdit(reply: FastifyReply, request: FastifyRequest, user: UserDetails, values: UserValues, problems: [string, string][] = []) {
    const kind: OrganisationKind = user.organisationKind;
    return reply.code(problems.length ? 400 : 200).page('users/views/edit.njk', {
      pageTitle: `Change ${user.name}`,
      person: user,
      values,
      isSelf: user.id === request.user?.id,
      roleItems: roleItems(rolesByKind[kind], values.roles),
      kindLabel: kindLabels[kind].toLowerCase(),
      backLink: { href: `/admin/users/${user.id}` },
      ...formErrors(problems),
    });
  }

  function renderDeactivate(reply: FastifyReply, request: FastifyRequest, user: UserDetails) {
    const isSelf = user.id === request.user?.id;
    return reply.code(isSelf && request.method === 'POST' ? 400 : 200).page('users/views/deactivate.njk', {
      pageTitle: `Deactivate ${user.name}'s account`,
      person: user,
      isSelf,
      backLink: { href: `/admin/users/${user.id}` },
    });
  }

  app.get('/admin/users', { config: admin }, async (request, reply) => {
    const query = request.query;
    const organisationId = isUuid(field(query, 'organisation')) ? field(query, 'organisation') : null;
    const role = isRole(field(query, 'role')) ? (field(query, 'role') as Role) : null;
    const status = userStatuses.find((s) => s === field(query, 'status')) ?? null;
    const page = pageFrom(field(query, 'page'), PAGE_SIZE);
    const [{ rows, total }, organisations] = await Promise.all([listUsers(db, { organisationId, role, status }, page), organisationChoices(db)]);
    const filterParams = { ...(organisationId ? { organisation: organisationId } : {}), ...(role ? { role } : {}), ...(status ? { status } : {}) };
    const hrefFor = (n: number) => `/admin/users?${new URLSearchParams({ ...filterParams, page: String(n) }).toString()}`;
    return reply.page('users/views/list.njk', {
      pageTitle: 'Users',
      people: rows,
      ...shownRange(page, rows.length, total),
      filtered: Object.keys(filterParams).length > 0,
      roleLabels,
      statusLabels,
      organisationItems: [
        { value: '', text: 'All organisations' },
        ...organisations.map((o) => ({ value: o.id, text: o.name, selected: o.id === organisationId })),
      ],
      roleFilterItems: [{ value: '', text: 'All roles' }, ...roles.map((r) => ({ value: r, text: roleLabels[r], selected: r === role }))],
      statusItems: [{ value: '', text: 'All statuses' }, ...userStatuses.map((s) => ({ value: s, text: statusLabels[s], selected: s === status }))],
      pagination: paginationLinks(page, total, hrefFor),
    });
  });

  app.get('/admin/users/invite', { config: admin }, async (request, reply) => {
    const organisationId = field(request.query, 'organisation');
    const organisation = isUuid(organisationId) ? await findOrganisation(db, organisationId) : null;
    const onlyRole = organisation && rolesByKind[organisation.kind].length === 1 ? [...rolesByKind[organisation.kind]] : [];
    return renderInvite(reply, { ...inviteValues({}), organisation: organisation?.id ?? '', roles: onlyRole });
  });

  app.post('/admin/users/invite', { config: admin }, async (request, reply) => {
    const values = inviteValues(request.body);
    const result = await inviteUser(db, inviterOf(request), values, baseUrl);
    if (!result.ok) return renderInvite(reply, values, result.problems);
    return reply.redirect(flash.path(`/admin/users/${result.userId}`, 'invited'), 303);
  });

  app.get('/admin/users/:id', { config: admin }, async (request, reply) => {
    const user = await loadUser(request);
    if (!user) return reply.callNotFound();
    return renderUser(reply, request, user);
  });

  app.get('/admin/users/:id/edit', { config: admin }, async (request, reply) => {
    const user = await loadUser(request);
    if (!user) return reply.callNotFound();
    return renderEdit(reply, request, user, { name: user.name, roles: user.roles });
  });

  app.post('/admin/users/:id/edit', { config: admin }, async (request, reply) => {
    const user = await loadUser(request);
    if (!user) return reply.callNotFound();
    const values = userValues(request.body);
    const result = await changeUser(db, request.actor, user.id, user.email, values);
    if ('notFound' in result) return reply.callNotFound();
    if (!result.ok) return renderEdit(reply, request, user, values, result.problems);
    return reply.redirect(flash.path(`/admin/users/${user.id}`, 'saved'), 303);
  });

  app.post('/admin/users/:id/invitation', { config: admin }, async (request, reply) => {
    const user = await loadUser(request);
    if (!user) return reply.callNotFound();
    const sent = await sendNewInvitation(db, inviterOf(request), user.id, user.email, baseUrl);
    if (!sent) return renderUser(reply, request, user, [['invitation', 'Reactivate the account before you send a new invitation']]);
    return reply.redirect(flash.path(`/admin/users/${user.id}`, 'resent'), 303);
  });

  app.get('/admin/users/:id/deactivate', { config: admin }, async (request, reply) => {
    const user = await loadUser(request);
    if (!user) return reply.callNotFound();
    if (!user.active) return reply.redirect(`/admin/users/${user.id}`);
    return renderDeactivate(reply, request, user);
  });

  app.post('/admin/users/:id/deactivate', { config: admin }, async (request, reply) => {
    const user = await loadUser(request);
    if (!user) return reply.callNotFound();
    const outcome = await deactivateUser(db, request.actor, user);
    if (outcome === 'self') return renderDeactivate(reply, request, user);
    return reply.redirect(flash.path(`/admin/users/${user.id}`, 'deactivated'), 303);
  });

  app.post('/admin/users/:id/reactivate', { config: admin }, async (request, reply) => {
    const user = await loadUser(request);
    if (!user) return reply.callNotFound();
    await reactivateUser(db, request.actor, user);
    return reply.redirect(flash.path(`/admin/users/${user.id}`, 'reactivated'), 303);
  });
}
