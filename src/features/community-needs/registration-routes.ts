import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Services } from '../../services.js';
import { startSession } from '../auth/routes.js';
import { emptyRegistration, readRegistration, type RegistrationValues } from './forms.js';
import { registerOrganisation } from './register-organisation.js';
import { communityTypeItems, pageErrors } from './route-support.js';

/**
 * The public registration of a community organisation: no sign-in, a CSRF token bound to the anonymous visit (like
 * sign-in's). On success the person is signed in and sees that the council will review the registration.
 */
export async function registrationRoutes(app: FastifyInstance, services: Services): Promise<void> {
  const { db } = services.database;
  const config = { access: 'public' as const };

  const form = (reply: FastifyReply, values: RegistrationValues, errors?: object) =>
    reply.page('community-needs/views/register.njk', {
      pageTitle: 'Register your community organisation',
      values,
      typeItems: communityTypeItems.map((t) => ({ ...t, checked: t.value === values.communityType })),
      ...errors,
    });

  app.get('/community/register', { config }, async (request, reply) => {
    if (request.user) return reply.redirect('/', 303);
    return form(reply, emptyRegistration);
  });

  app.post('/community/register', { config }, async (request, reply) => {
    if (request.user) return reply.redirect('/', 303);
    const reading = readRegistration(request.body);
    if (!reading.ok) return form(reply.code(400), reading.values, pageErrors(reading.problems));
    const result = await registerOrganisation(db, request.actor, reading.input, services.config.baseUrl);
    if (!result.ok) return form(reply.code(400), reading.values, pageErrors(result.problems));
    await startSession(app, services, reply, result.userId);
    return reply.redirect('/community?done=registered', 303);
  });
}
