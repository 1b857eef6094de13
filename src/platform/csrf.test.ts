import fastifyCookie from '@fastify/cookie';
import fastifyFormbody from '@fastify/formbody';
import Fastify, { type LightMyRequestResponse } from 'fastify';
import { describe, expect, it } from 'vitest';
import { csrfProtection } from './csrf.js';
import { SESSION_COOKIE } from './sessions.js';
import { sessionUser } from './session-user.js';

const secret = 'a-test-secret-of-at-least-thirty-two-chars';

async function appWithForms() {
  const app = Fastify();
  await app.register(fastifyCookie, { secret });
  await app.register(fastifyFormbody);
  await app.register(sessionUser, { findUser: async (token) => (token.startsWith('session-') ? ({ id: token, email: token } as never) : null) });
  await app.register(csrfProtection, { secret, secure: false });
  app.get('/form', async (_request, reply) => reply.csrfToken());
  app.post('/change', async () => 'changed');
  return app;
}

/** The cookies an answer set, as a Cookie header, added to those given. */
function cookies(response: LightMyRequestResponse, given = ''): string {
  const set = (response.cookies as { name: string; value: string }[]).map((c) => `${c.name}=${c.value}`);
  return [given, ...set].filter(Boolean).join('; ');
}

describe('csrfProtection', () => {
  it('accepts a form sent with the token and cookies of the page it came from, before signing in', async () => {
    const app = await appWithForms();
    const page = await app.inject('/form');
    const post = (token: string, cookie: string) =>
      app.inject({
        method: 'POST',
        url: '/change',
        payload: `_csrf=${encodeURIComponent(token)}`,
        headers: { 'content-type': 'application/x-www-form-urlencoded', cookie },
      });
    expect((await post(page.body, cookies(page))).statusCode).toBe(200);
    expect((await post('forged', cookies(page))).statusCode).toBe(403);
    expect((await post(page.body, '')).statusCode).toBe(403);
  });

  it('refuses a token and cookie pair from another visit, or from before the session began, with a session', async () => {
    const app = await appWithForms();
    const session = `${SESSION_COOKIE}=${encodeURIComponent(app.signCookie('session-victim'))}`;
    const theirs = await app.inject('/form');
    const forged = await app.inject({
      method: 'POST',
      url: '/change',
      payload: `_csrf=${encodeURIComponent(theirs.body)}`,
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: cookies(theirs, session) },
    });
    expect(forged.statusCode).toBe(403);

    const mine = await app.inject({ url: '/form', headers: { cookie: session } });
    const sent = await app.inject({ method: 'POST', url: '/change', headers: { 'x-csrf-token': mine.body, cookie: cookies(mine, session) } });
    expect(sent.statusCode).toBe(200);
    const other = `${SESSION_COOKIE}=${encodeURIComponent(app.signCookie('session-other'))}`;
    const elsewhere = await app.inject({ method: 'POST', url: '/change', headers: { 'x-csrf-token': mine.body, cookie: cookies(mine, other) } });
    expect(elsewhere.statusCode).toBe(403);
  });

  it('does not check GET or HEAD, nor a POST to an address that does not exist', async () => {
    const app = await appWithForms();
    expect((await app.inject('/form')).statusCode).toBe(200);
    expect((await app.inject({ method: 'POST', url: '/nowhere' })).statusCode).toBe(404);
  });
});
