import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { errorPages } from './error-pages.js';
import { pageRendering } from './page-rendering.js';

async function appWithErrors() {
  const app = Fastify({ logger: false });
  app.decorateRequest('user', null);
  await app.register(pageRendering);
  await app.register(errorPages);
  app.get('/broken', async () => {
    throw new Error('a fault in the code');
  });
  app.get('/refused', async () => {
    throw Object.assign(new Error('no'), { statusCode: 403 });
  });
  app.get('/api/broken', async () => {
    throw new Error('a fault in the code');
  });
  return app;
}

describe('errorPages', () => {
  it('shows the 404 page for an unknown address, and JSON for the API', async () => {
    const app = await appWithErrors();
    const page = await app.inject('/nowhere');
    expect(page.statusCode).toBe(404);
    expect(page.body).toContain('Page not found');
    expect((await app.inject('/api/nowhere')).json()).toEqual({ error: 'Not found' });
  });

  it('shows an error page for a failure, without its details', async () => {
    const app = await appWithErrors();
    const broken = await app.inject('/broken');
    expect(broken.statusCode).toBe(500);
    expect(broken.body).toContain('Sorry, there is a problem with the service');
    expect(broken.body).not.toContain('a fault in the code');
    expect((await app.inject('/refused')).statusCode).toBe(403);
    expect((await app.inject('/api/broken')).json()).toEqual({ error: 'Sorry, there is a problem with the service' });
  });
});
