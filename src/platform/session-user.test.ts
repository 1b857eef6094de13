import fastifyCookie from '@fastify/cookie';
import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import type { CurrentUser } from './current-user.js';
import { SESSION_COOKIE } from './sessions.js';
import { sessionUser } from './session-user.js';

const ann: CurrentUser = {
  id: 'u1',
  email: 'ann@council.example',
  name: 'Ann',
  roles: ['officer'],
  organisationId: 'o1',
  organisationName: 'Council',
  organisationKind: 'council',
};

async function appWithSessions(sessions: Record<string, CurrentUser>) {
  const looked: string[] = [];
  const app = Fastify();
  await app.register(fastifyCookie, { secret: 'a-test-secret-of-at-least-thirty-two-chars' });
  await app.register(sessionUser, {
    findUser: async (token) => {
      looked.push(token);
      return sessions[token] ?? null;
    },
  });
  app.get('/*', async (request) => ({ user: request.user?.email ?? null, actor: request.actor.label, session: request.sessionToken }));
  return { app, looked, cookie: (token: string) => `${SESSION_COOKIE}=${encodeURIComponent(app.signCookie(token))}` };
}

describe('sessionUser', () => {
  it('sets the user, the actor and the session token from a signed session cookie', async () => {
    const { app, cookie } = await appWithSessions({ good: ann });
    const response = await app.inject({ url: '/page', headers: { cookie: cookie('good') } });
    expect(response.json()).toEqual({ user: 'ann@council.example', actor: 'ann@council.example', session: 'good' });
  });

  it('leaves the visitor anonymous for an unknown session, an unsigned cookie or none', async () => {
    const { app, cookie, looked } = await appWithSessions({ good: ann });
    const anonymous = { user: null, actor: 'anonymous', session: null };
    expect((await app.inject({ url: '/page', headers: { cookie: cookie('over') } })).json()).toEqual(anonymous);
    expect((await app.inject({ url: '/page', headers: { cookie: `${SESSION_COOKIE}=good` } })).json()).toEqual(anonymous);
    expect((await app.inject('/page')).json()).toEqual(anonymous);
    expect(looked).toEqual(['over']);
  });

  it('does not look sessions up for static assets', async () => {
    const { app, cookie, looked } = await appWithSessions({ good: ann });
    await app.inject({ url: '/assets/site.css', headers: { cookie: cookie('good') } });
    expect(looked).toEqual([]);
  });
});
