import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Services } from '../../services.js';
import { field, formErrors } from '../../platform/forms.js';
import { hashPassword, PASSWORD_MIN_LENGTH } from '../../platform/password.js';
import { destroyUserSessions } from '../../platform/sessions.js';
import { startSession } from '../auth/routes.js';
import { acceptInvitation, findInvitation, type InvitationLookup, type OpenInvitation } from './accept-invitation.js';
import { newPasswordProblems } from './password-form.js';
import { INVITATION_DAYS } from './tokens.js';
import { param } from '../../platform/route-params.js';

function unavailable(reply: FastifyReply, state: Exclude<InvitationLookup['state'], 'open'>) {
  const titles = {
    unknown: 'This invitation link does not work',
    expired: 'This invitation has expired',
    used: 'This invitation has already been used',
  };
  return reply
    .code(state === 'unknown' ? 404 : 410)
    .page('invitations/views/unavailable.njk', { pageTitle: titles[state], state, invitationDays: INVITATION_DAYS });
}

function passwordForm(reply: FastifyReply, invitation: OpenInvitation, token: string, problems: [string, string][] = []) {
  return reply.code(problems.length ? 400 : 200).page('invitations/views/set-password.njk', {
    pageTitle: 'Set your password',
    invitation,
    action: `/invitations/${token}`,
    minLength: PASSWORD_MIN_LENGTH,
    ...formErrors(problems),
  });
}

/** The link in an invitation email: the person chooses a password, and is then signed in. */
export async function invitationRoutes(app: FastifyInstance, services: Services): Promise<void> {
  const { db } = services.database;

  app.get('/invitations/:token', { config: { access: 'public' } }, async (request, reply) => {
    const token = param(request, 'token');
    const found = await findInvitation(db, token);
    if (found.state !== 'open') return unavailable(reply, found.state);
    return passwordForm(reply, found.invitation, token);
  });

  app.post('/invitations/:token', { config: { access: 'public' } }, async (request, reply) => {
    const token = param(request, 'token');
    const found = await findInvitation(db, token);
    if (found.state !== 'open') return unavailable(reply, found.state);
    const password = field(request.body, 'password');
    const problems = newPasswordProblems(password, field(request.body, 'confirmPassword'));
    if (problems.length) return passwordForm(reply, found.invitation, token, problems);
    const accepted = await acceptInvitation(db, token, found.invitation, await hashPassword(password));
    if (!accepted) {
      const now = await findInvitation(db, token);
      return unavailable(reply, now.state === 'open' ? 'expired' : now.state);
    }
    // A new password signs the person out everywhere else.
    await destroyUserSessions(db, found.invitation.userId);
    await startSession(app, services, reply, found.invitation.userId);
    return reply.redirect('/', 303);
  });
}
