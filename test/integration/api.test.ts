import { randomUUID } from 'node:crypto';
import { Validator } from '@seriousme/openapi-schema-validator';
import { eq } from 'drizzle-orm';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiTokens, auditEvents, contracts } from '../../src/db/schema/index.js';
import { socialValuePence } from '../../src/domain/social-value.js';
import { tokenHash } from '../../src/features/api-tokens/token-hash.js';
import { apiRoutes } from '../../src/features/api/routes.js';
import { createTestApp, signedInClient, type Client, type TestApp } from '../helpers/app.js';
import { databaseKinds } from '../helpers/databases.js';
import { apiGet, createTokenAs } from './api-fixtures.js';
import { organisationOf } from './contracts-fixtures.js';
import { forbiddenValues, openDataFixture } from './open-data-fixtures.js';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

describe.each(databaseKinds)('the read-only API on %s', (kind) => {
  let t: TestApp;
  let admin: Client;
  let fixture: Awaited<ReturnType<typeof openDataFixture>>;
  let staffToken: string;
  let publicToken: string;

  beforeAll(async () => {
    t = await createTestApp(kind);
    fixture = await openDataFixture(t.services.database.db);
    admin = await signedInClient(t.app, 'admin@council.example');
    staffToken = await createTokenAs(admin, 'Council data warehouse', 'staff');
    publicToken = await createTokenAs(admin, 'Open data portal', 'public');
  });
  afterAll(async () => t?.close());

  it('lists published contracts to anyone, with commitments and verified delivery, and nothing personal', async () => {
    const response = await apiGet(t, '/api/v1/contracts');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('application/json');
    const body = response.json() as Json;
    expect(body.data.map((c: Json) => c.id).sort()).toEqual([fixture.published.id, fixture.quiet.id].sort());
    const published = body.data.find((c: Json) => c.id === fixture.published.id) as Json;
    const first = published.commitments.find((c: Json) => c.id === fixture.published.commitmentIds[0]);
    expect(first).toMatchObject({ committedQuantity: 8, verifiedDeliveredQuantity: 4 });
    expect(published.commitments.find((c: Json) => c.id === fixture.published.commitmentIds[1]).verifiedDeliveredQuantity).toBe(1);
    expect(published.supplier).toMatchObject({ name: 'Charnwood Care Services Ltd', sme: true, vcse: false });
    expect(body.links.next).toBeNull();
    const forbidden = await forbiddenValues(t.services.database.db, fixture.unpublished.id);
    for (const url of [
      '/api/v1/contracts',
      '/api/v1/summary',
      '/api/v1/commitments',
      '/api/v1/delivered-outputs',
      `/api/v1/contracts/${fixture.published.id}`,
    ]) {
      const text = (await apiGet(t, url)).body;
      for (const value of forbidden) expect(text, `${url} shows ${value}`).not.toContain(value);
    }
    const outputs = (await apiGet(t, '/api/v1/delivered-outputs')).json() as Json;
    expect(outputs.data.map((d: Json) => d.quantity).sort()).toEqual([1, 1.5, 2.5, 3]);
  });

  it('gives the summary figures from the summaries: published contracts to anyone, every contract to a staff token', async () => {
    const { m } = fixture;
    const value = (hundredths: number, measure: typeof m.valued) =>
      socialValuePence(hundredths, { proxyPencePerUnit: measure.proxy, deadweightBps: measure.deadweight, attributionBps: measure.attribution })!;
    const publicSummary = await apiGet(t, '/api/v1/summary');
    expect(publicSummary.statusCode).toBe(200);
    const body = publicSummary.json() as Json;
    expect(body.scope).toBe('public');
    expect(body.totals.verifiedPence).toBe(value(250, m.valued) + value(150, m.valued) + value(100, m.valued2) + value(300, m.valued));
    expect(body.totals.additionalPence).toBe(value(300, m.valued));
    expect(body.contracts.contracts).toBe(2);
    expect(body.byOutcome.length).toBeGreaterThan(0);
    expect((await apiGet(t, '/api/v1/summary?scope=staff')).statusCode).toBe(401);
    const staff = (await apiGet(t, '/api/v1/summary', staffToken)).json() as Json;
    expect(staff.scope).toBe('staff');
    expect(staff.contracts.contracts).toBe(3);
    expect(staff.totals.committedPence).toBeGreaterThan(body.totals.committedPence);
    const nonsense = await apiGet(t, '/api/v1/summary?from=last-year');
    expect(nonsense.statusCode).toBe(400);
    expect(nonsense.headers['content-type']).toContain('application/problem+json');
  });

  it('gives staff data only to a staff token: refused without a token, forbidden to a public token', async () => {
    const without = await apiGet(t, '/api/v1/contracts?scope=staff');
    expect(without.statusCode).toBe(401);
    expect(without.headers['content-type']).toContain('application/problem+json');
    expect(without.json()).toMatchObject({ status: 401, title: 'Unauthorised' });
    expect((await apiGet(t, '/api/v1/contracts?scope=staff', publicToken)).statusCode).toBe(403);
    expect((await apiGet(t, `/api/v1/contracts/${fixture.unpublished.id}`)).statusCode).toBe(404);
    expect((await apiGet(t, `/api/v1/contracts/${fixture.unpublished.id}`, publicToken)).statusCode).toBe(404);

    const staff = await apiGet(t, '/api/v1/contracts', staffToken);
    expect(staff.statusCode).toBe(200);
    expect((staff.json() as Json).data.map((c: Json) => c.id)).toContain(fixture.unpublished.id);
    const one = await apiGet(t, `/api/v1/contracts/${fixture.unpublished.id}`, staffToken);
    expect(one.json()).toMatchObject({ title: 'Secret grounds maintenance', published: false });
    const publicView = await apiGet(t, '/api/v1/contracts?scope=public', staffToken);
    expect((publicView.json() as Json).data.map((c: Json) => c.id)).not.toContain(fixture.unpublished.id);
  });

  it('refuses an unknown or revoked token with 401 and a problem document, and a session cookie is no token', async () => {
    const unknown = await apiGet(t, '/api/v1/contracts', 'sv_not-a-token');
    expect(unknown.statusCode).toBe(401);
    expect(unknown.headers['content-type']).toContain('application/problem+json');
    expect(unknown.json()).toMatchObject({ type: 'about:blank', status: 401 });
    expect((await apiGet(t, '/api/v1/contracts', undefined, { authorization: 'Basic YWRtaW46YWRtaW4=' })).statusCode).toBe(401);

    const doomed = await createTokenAs(admin, 'Short-lived', 'staff');
    expect((await apiGet(t, '/api/v1/contracts', doomed)).statusCode).toBe(200);
    const [row] = await t.services.database.db
      .select({ id: apiTokens.id })
      .from(apiTokens)
      .where(eq(apiTokens.tokenHash, tokenHash(doomed)));
    await admin.get('/admin/api-tokens');
    const revoke = await admin.post(`/admin/api-tokens/${row!.id}/revoke`);
    expect(revoke.statusCode).toBe(303);
    const revoked = await apiGet(t, '/api/v1/contracts', doomed);
    expect(revoked.statusCode).toBe(401);
    expect(revoked.headers['content-type']).toContain('application/problem+json');

    const cookieOnly = await t.app.inject({ method: 'GET', url: '/api/v1/contracts?scope=staff', headers: { cookie: admin.cookieHeader() } });
    expect(cookieOnly.statusCode).toBe(401);
  });

  it('stores only the hash of each token, shows it once, and audits creation and revocation', async () => {
    const db = t.services.database.db;
    const rows = await db.select().from(apiTokens);
    expect(rows.every((r) => /^[0-9a-f]{64}$/.test(r.tokenHash))).toBe(true);
    expect(rows.some((r) => r.tokenHash === staffToken)).toBe(false);
    const list = await admin.get('/admin/api-tokens');
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain('Council data warehouse');
    expect(list.body).not.toContain(staffToken);
    const actions = (
      await db.select({ action: auditEvents.action, after: auditEvents.after }).from(auditEvents).where(eq(auditEvents.entityTable, 'api_tokens'))
    ).map((e) => e.action);
    expect(actions).toContain('Created the API token Council data warehouse');
    expect(actions).toContain('Revoked an API token');
    const audited = JSON.stringify(await db.select().from(auditEvents).where(eq(auditEvents.entityTable, 'api_tokens')));
    expect(audited).not.toContain(tokenHash(staffToken));

    const officer = await signedInClient(t.app, 'officer@council.example');
    expect((await officer.get('/admin/api-tokens')).statusCode).toBe(403);
    const bad = await admin.post('/admin/api-tokens', { name: '', scope: 'everything' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Enter a name that says who will use the token');
    expect(bad.body).toContain('Select what the token may read');
  });

  it('pages with stable opaque cursors: a contract added mid-way neither repeats nor shifts a page', async () => {
    const db = t.services.database.db;
    const supplierId = await organisationOf(db, 'supplier2@midlands.example');
    const made = Array.from({ length: 7 }, (_, i) => ({
      id: randomUUID(),
      reference: `PAGE-${i}`,
      title: `Paged contract ${i}`,
      supplierId,
      valuePence: 5_000_000,
      startDate: '2025-04-01',
      endDate: '2026-03-31',
      applicability: 'policy' as const,
      source: 'manual' as const,
      publishedAt: new Date(),
    }));
    await db.insert(contracts).values(made);
    const seen: string[] = [];
    let url: string | null = '/api/v1/contracts?limit=3';
    let pages = 0;
    while (url) {
      const response = await apiGet(t, url);
      expect(response.statusCode).toBe(200);
      const body = response.json() as Json;
      expect(body.data.length).toBeLessThanOrEqual(3);
      seen.push(...body.data.map((c: Json) => c.id));
      if (pages === 0) {
        // a contract published after the first page was read comes in order, without repeating what was seen
        await db.insert(contracts).values({ ...made[0]!, id: 'ffffffff-ffff-4fff-bfff-ffffffffffff', reference: 'PAGE-late', publishedAt: new Date() });
        expect(body.links.next).not.toContain(body.data[2].id);
      }
      url = body.links.next;
      pages += 1;
    }
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toContain('ffffffff-ffff-4fff-bfff-ffffffffffff');
    expect(seen.length).toBe(2 + 7 + 1);
    expect(seen).toEqual([...seen].sort());

    const bad = await apiGet(t, '/api/v1/contracts?cursor=not-ours');
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toContain('application/problem+json');
    const nonsense = await apiGet(t, '/api/v1/contracts?limit=lots');
    expect(nonsense.statusCode).toBe(400);
    expect(nonsense.json()).toMatchObject({ status: 400, detail: expect.stringContaining('limit') });
  });

  it('sends an ETag and answers 304 while nothing has changed, 200 once it has', async () => {
    const first = await apiGet(t, '/api/v1/delivered-outputs');
    const etag = first.headers.etag as string;
    expect(etag).toMatch(/^"[\w-]+"$/);
    const again = await apiGet(t, '/api/v1/delivered-outputs', undefined, { 'if-none-match': etag });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
    await t.services.database.db.update(contracts).set({ publishedAt: null }).where(eq(contracts.id, fixture.published.id));
    const changed = await apiGet(t, '/api/v1/delivered-outputs', undefined, { 'if-none-match': etag });
    expect(changed.statusCode).toBe(200);
    expect((changed.json() as Json).data).toEqual([]);
    await t.services.database.db.update(contracts).set({ publishedAt: new Date() }).where(eq(contracts.id, fixture.published.id));
  });

  it('lists the framework’s outcomes and measures', async () => {
    const response = await apiGet(t, '/api/v1/framework');
    expect(response.statusCode).toBe(200);
    const body = response.json() as Json;
    expect(body.outcomes.length).toBeGreaterThan(0);
    expect(body.outcomes[0].measures[0]).toHaveProperty('unit');
  });

  it('is described by a valid OpenAPI 3.1 document made from the routes, listing every route', async () => {
    const response = await apiGet(t, '/api/v1/openapi.json');
    expect(response.statusCode).toBe(200);
    const document = response.json() as Json;
    expect(document.openapi).toBe('3.1.0');
    const result = await new Validator().validate(document);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    // every GET route the API plugin declares, collected from a bare Fastify instance it is registered on
    const probe = Fastify({ logger: false });
    const declared: string[] = [];
    probe.addHook('onRoute', (route) => {
      if (([] as string[]).concat(route.method).includes('GET')) declared.push(route.url.replace(/:(\w+)/g, '{$1}'));
    });
    await apiRoutes(probe, t.services);
    await probe.ready();
    await probe.close();
    expect(declared.length).toBeGreaterThanOrEqual(6);
    expect(Object.keys(document.paths).sort()).toEqual([...new Set(declared)].sort());
    for (const path of declared) expect(document.paths[path].get.responses['200'], path).toBeDefined();
    expect(document.components.securitySchemes.bearerAuth).toEqual(expect.objectContaining({ type: 'http', scheme: 'bearer' }));
  });

  it('answers an unknown API address with a 404 problem document', async () => {
    const response = await apiGet(t, '/api/v1/nowhere');
    expect(response.statusCode).toBe(404);
    expect(response.headers['content-type']).toContain('application/problem+json');
  });
});

describe.each(databaseKinds)('the API rate limit on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(kind, { env: { API_RATE_LIMIT: '3' } });
  });
  afterAll(async () => t?.close());

  it('limits each token, and each address without one, separately, with a 429 problem document', async () => {
    const admin = await signedInClient(t.app, 'admin@council.example');
    const token = await createTokenAs(admin, 'Busy client', 'public');
    for (let i = 0; i < 3; i += 1) expect((await apiGet(t, '/api/v1/framework', token)).statusCode).toBe(200);
    const limited = await apiGet(t, '/api/v1/framework', token);
    expect(limited.statusCode).toBe(429);
    expect(limited.headers['content-type']).toContain('application/problem+json');
    expect(limited.json()).toMatchObject({ status: 429, detail: expect.stringContaining('3 requests a minute') });
    expect((await apiGet(t, '/api/v1/framework')).statusCode).toBe(200);
  });
});
