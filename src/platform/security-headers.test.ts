import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { HSTS_MAX_AGE_SECONDS, securityHeaders } from './security-headers.js';

async function appWith(https: boolean) {
  const app = Fastify();
  await app.register(securityHeaders, { https });
  app.get('/page', async () => 'a page');
  app.get('/assets/site.css', async (_request, reply) => reply.header('cache-control', 'public, max-age=3600').send('body {}'));
  return app;
}

describe('securityHeaders', () => {
  it('sets the headers every answer carries, and a CSP with no caching on pages', async () => {
    const app = await appWith(false);
    const page = await app.inject('/page');
    expect(page.headers).toMatchObject({
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'DENY',
      'referrer-policy': 'same-origin',
      'cache-control': 'no-store',
    });
    expect(page.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    const asset = await app.inject('/assets/site.css');
    expect(asset.headers['content-security-policy']).toBeUndefined();
    expect(asset.headers['cache-control']).toBe('public, max-age=3600');
  });

  it('sends Strict-Transport-Security (at least a year, subdomains included) only on https', async () => {
    const secure = await appWith(true);
    expect((await secure.inject('/page')).headers['strict-transport-security']).toBe(`max-age=${HSTS_MAX_AGE_SECONDS}; includeSubDomains`);
    expect(HSTS_MAX_AGE_SECONDS).toBeGreaterThanOrEqual(365 * 24 * 3600);
    const plain = await appWith(false);
    expect((await plain.inject('/page')).headers['strict-transport-security']).toBeUndefined();
  });
});
