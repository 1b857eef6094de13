import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../../src/db/schema/index.js';
import { failureOf } from '../helpers/assert.js';
import { Client, createTestApp, signedInClient, type TestApp } from '../helpers/app.js';
import { databaseKinds } from '../helpers/databases.js';

describe.each(databaseKinds)('foundation on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(kind);
  });
  afterAll(async () => t?.close());

  it('reports the database state on /health', async () => {
    const response = await t.app.inject('/health');
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: 'ok', database: { kind, status: 'up' } });
  });

  it('serves a 404 page for unknown pages', async () => {
    const response = await t.app.inject('/no-such-page');
    expect(response.statusCode).toBe(404);
    expect(response.body).toContain('Page not found');
  });

  it('treats a malformed id as not found, never a 500', async () => {
    const client = await signedInClient(t.app, 'admin@council.example');
    const response = await client.get('/framework/not-a-uuid');
    expect(response.statusCode).toBe(404);
  });

  it('sends people who are not signed in to the sign-in page, keeping where they were going', async () => {
    const response = await t.app.inject('/admin/users');
    expect(response.statusCode).toBe(302);
    expect(response.headers.location).toBe('/sign-in?next=%2Fadmin%2Fusers');
  });

  it('signs in with email and password, and out again', async () => {
    const client = new Client(t.app);
    await client.get('/sign-in');
    const signIn = await client.post('/sign-in', { email: 'Admin@Council.example', password: 'Leicestershire-demo-2026', next: '/thresholds' });
    expect(signIn.statusCode).toBe(303);
    expect(signIn.headers.location).toBe('/thresholds');
    const cookie = signIn.cookies.find((c) => c.name === 'sv_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    const home = await client.get('/');
    expect(home.body).toContain('Signed in as');
    const out = await client.post('/sign-out');
    expect(out.statusCode).toBe(303);
    const after = await client.get('/admin/users');
    expect(after.statusCode).toBe(302);
  });

  it('refuses a wrong password with a GOV.UK error and keeps the email typed', async () => {
    const client = new Client(t.app);
    await client.get('/sign-in');
    const response = await client.post('/sign-in', { email: 'viewer@council.example', password: 'wrong-password' });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('govuk-error-summary');
    expect(response.body).toContain('Enter a correct email address and password');
    expect(response.body).toContain('value="viewer@council.example"');
  });

  it('names each missing field', async () => {
    const client = new Client(t.app);
    await client.get('/sign-in');
    const response = await client.post('/sign-in', { email: '', password: '' });
    expect(response.body).toContain('href="#email"');
    expect(response.body).toContain('Enter your email address');
    expect(response.body).toContain('Enter your password');
  });

  it('throttles repeated failed sign-ins for an account, even with the right password afterwards', async () => {
    const client = new Client(t.app);
    await client.get('/sign-in');
    for (let i = 0; i < 5; i++) await client.post('/sign-in', { email: 'evaluator@council.example', password: `guess-${i}` });
    const blocked = await client.post('/sign-in', { email: 'evaluator@council.example', password: 'Leicestershire-demo-2026' });
    expect(blocked.statusCode).toBe(429);
    expect(blocked.body).toContain('You have tried to sign in too many times');
  });

  it('rejects a form without a valid CSRF token and changes nothing', async () => {
    const client = new Client(t.app);
    await client.get('/sign-in');
    const response = await client.post('/sign-in', { _csrf: 'forged', email: 'admin@council.example', password: 'Leicestershire-demo-2026' });
    expect(response.statusCode).toBe(403);
    expect(response.body).toContain('Your form could not be sent');
    expect(response.cookies.find((c) => c.name === 'sv_session')).toBeUndefined();
  });

  it('does not redirect to another site after sign-in', async () => {
    const client = new Client(t.app);
    await client.get('/sign-in');
    const response = await client.post('/sign-in', { email: 'viewer@council.example', password: 'Leicestershire-demo-2026', next: '//evil.example/' });
    expect(response.headers.location).toBe('/');
  });

  it('survives malformed requests without a 500', async () => {
    const bad = [
      await t.app.inject({ method: 'POST', url: '/sign-in', payload: '%E0%A4%A', headers: { 'content-type': 'application/x-www-form-urlencoded' } }),
      await t.app.inject({ method: 'POST', url: '/sign-in', payload: '{"email":', headers: { 'content-type': 'application/json' } }),
      await t.app.inject({
        method: 'POST',
        url: '/sign-in',
        payload: 'x'.repeat(2 * 1024 * 1024),
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      }),
      await t.app.inject({ method: 'POST', url: '/sign-in', payload: '<a/>', headers: { 'content-type': 'text/xml' } }),
      await t.app.inject({ method: 'GET', url: '/%E0%A4%A' }),
    ];
    for (const response of bad) expect(response.statusCode, response.body.slice(0, 200)).toBeLessThan(500);
  });

  it('sets security headers on pages', async () => {
    const response = await t.app.inject('/sign-in');
    expect(response.headers['content-security-policy']).toContain("default-src 'self'");
    expect(response.headers['x-frame-options']).toBe('DENY');
  });

  it('records sign-ins and changes in an append-only audit trail', async () => {
    await signedInClient(t.app, 'manager@council.example');
    const { db } = t.services.database;
    const rows = await db
      .select()
      .from(auditEvents)
      .where(sql`${auditEvents.action} = 'Signed in' and ${auditEvents.actorLabel} = 'manager@council.example'`);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows[0]?.before).not.toHaveProperty('password_hash');
    expect(await failureOf(db.execute(sql`update audit_events set action = 'tampered'`))).toMatch(/append-only/);
    expect(await failureOf(db.execute(sql`delete from audit_events`))).toMatch(/append-only/);
  });
});
