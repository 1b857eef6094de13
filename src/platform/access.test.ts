import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { accessControl, AccessNotDeclaredError } from './access.js';
import type { CurrentUser } from './current-user.js';

const officer = { id: 'u1', email: 'officer@council.example', roles: ['officer'] } as unknown as CurrentUser;

async function appWith(user: CurrentUser | null) {
  const app = Fastify();
  app.decorateRequest('user', null);
  app.addHook('onRequest', async (request) => {
    request.user = user;
  });
  await app.register(accessControl);
  app.get('/open', { config: { access: 'public' } }, async () => 'open');
  app.get('/mine', { config: { access: 'signed-in' } }, async () => 'mine');
  app.get('/admin', { config: { access: ['admin'] } }, async () => 'admin');
  app.post('/officers', { config: { access: ['officer'] } }, async () => 'done');
  return app;
}

describe('accessControl', () => {
  it('stops start-up when a route does not say who may use it', async () => {
    const app = Fastify();
    await app.register(accessControl);
    expect(() => app.get('/forgotten', async () => 'x')).toThrow(AccessNotDeclaredError);
  });

  it('sends visitors who are not signed in to sign in (GET) or refuses them (401)', async () => {
    const app = await appWith(null);
    expect((await app.inject('/open')).statusCode).toBe(200);
    const page = await app.inject('/mine?tab=1');
    expect(page.statusCode).toBe(302);
    expect(page.headers.location).toBe('/sign-in?next=%2Fmine%3Ftab%3D1');
    expect((await app.inject({ method: 'POST', url: '/officers' })).statusCode).toBe(401);
  });

  it('lets users with the role in, and refuses others with 403', async () => {
    const app = await appWith(officer);
    expect((await app.inject('/mine')).statusCode).toBe(200);
    expect((await app.inject({ method: 'POST', url: '/officers' })).statusCode).toBe(200);
    expect((await app.inject('/admin')).statusCode).toBe(403);
  });

  it('lets anyone reach the not-found answer', async () => {
    const app = await appWith(null);
    expect((await app.inject('/no-such-page')).statusCode).toBe(404);
  });
});
