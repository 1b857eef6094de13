import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Services } from '../../services.js';
import { recordEvent } from '../../platform/audit.js';
import { CSRF_COOKIE } from '../../platform/csrf.js';
import { EMAIL, field, formErrors, safeLocalPath } from '../../platform/forms.js';
import { SESSION_COOKIE, createSession, destroySession } from '../../platform/sessions.js';
import { signInWithPassword } from './sign-in.js';

/** Starts a session for a user whose identity has been proved, replacing any session the browser had. */
export async function startSession(app: FastifyInstance, services: Services, reply: FastifyReply, userId: string): Promise<void> {
  const { db } = services.database;
  const old = reply.request.cookies[SESSION_COOKIE];
  if (old) {
    const unsigned = reply.request.unsignCookie(old);
    if (unsigned.valid && unsigned.value) await destroySession(db, unsigned.value);
  }
  const token = await createSession(db, userId, { idleMinutes: services.config.sessionIdleMinutes, maxHours: services.config.sessionMaxHours });
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: services.config.baseUrl.startsWith('https://'),
    signed: true,
    maxAge: services.config.sessionMaxHours * 3600,
  });
  // A new CSRF secret for the new session.
  reply.clearCookie(CSRF_COOKIE, { path: '/' });
}

/** "1 minute", "15 minutes": a wait in whole minutes, rounded up. */
function minutesToWait(seconds: number): string {
  const minutes = Math.max(1, Math.ceil(seconds / 60));
  return minutes === 1 ? '1 minute' : `${minutes} minutes`;
}

export async function authRoutes(app: FastifyInstance, services: Services): Promise<void> {
  const { db } = services.database;
  const oidcLabel = services.config.oidc?.label;

  app.get('/sign-in', { config: { access: 'public' } }, async (request, reply) => {
    if (request.user) return reply.redirect('/');
    const query = request.query as Record<string, unknown>;
    return reply.page('auth/views/sign-in.njk', {
      pageTitle: 'Sign in',
      values: { email: '' },
      next: safeLocalPath(field(query, 'next')),
      oidcLabel,
      flash: field(query, 'signedOut') ? 'You have signed out.' : undefined,
    });
  });

  app.post('/sign-in', { config: { access: 'public' } }, async (request, reply) => {
    const email = field(request.body, 'email').trim();
    const password = field(request.body, 'password');
    const next = safeLocalPath(field(request.body, 'next'));
    const problems: [string, string][] = [];
    if (!email) problems.push(['email', 'Enter your email address']);
    else if (!EMAIL.test(email) || email.length > 254) problems.push(['email', 'Enter an email address in the correct format, like name@example.com']);
    if (!password) problems.push(['password', 'Enter your password']);
    else if (password.length > 1000) problems.push(['password', 'Enter a password of 1,000 characters or fewer']);
    const result = problems.length ? undefined : await signInWithPassword(db, email, password, request.ip);
    const render = (status: number, errors: [string, string][]) =>
      reply.code(status).page('auth/views/sign-in.njk', { pageTitle: 'Sign in', values: { email }, next, oidcLabel, ...formErrors(errors) });
    if (!result) return render(400, problems);
    if (!result.ok && result.reason === 'throttled') {
      reply.header('retry-after', String(result.retryAfterSeconds));
      return render(429, [['email', `You have tried to sign in too many times. Wait ${minutesToWait(result.retryAfterSeconds)} and try again`]]);
    }
    if (!result.ok) return render(400, [['email', 'Enter a correct email address and password']]);
    await startSession(app, services, reply, result.userId);
    return reply.redirect(next, 303);
  });

  app.post('/sign-out', { config: { access: 'signed-in' } }, async (request, reply) => {
    const signed = request.cookies[SESSION_COOKIE];
    const token = signed ? request.unsignCookie(signed) : undefined;
    if (token?.valid && token.value) await destroySession(db, token.value);
    await recordEvent(db, request.actor, 'Signed out');
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    reply.clearCookie(CSRF_COOKIE, { path: '/' });
    return reply.redirect('/sign-in?signedOut=1', 303);
  });
}
