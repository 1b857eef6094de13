import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestApp, signedInClient, type Client, type TestApp } from '../helpers/app.js';
import { databaseKinds } from '../helpers/databases.js';

/** Transactions that each hold the database (PGlite's one connection, or one of the pool's) until released. */
function holdDatabase(t: TestApp, count: number) {
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  const held = Promise.all(
    Array.from({ length: count }, () => t.services.database.db.transaction(async (tx) => (await tx.execute(sql`select 1`), await gate))),
  );
  return { release: async () => (release(), await held) };
}

describe.each(databaseKinds)('load shedding on %s', (kind) => {
  let t: TestApp;
  let officer: Client;
  // The test databases have 5 connections on PostgreSQL; 8 held transactions leave 3 waiting there, 7 on PGlite.
  const QUEUE_LIMIT = 3;

  beforeAll(async () => {
    t = await createTestApp(kind, { env: { LOAD_SHED_DATABASE_QUEUE: String(QUEUE_LIMIT), LOAD_SHED_RETRY_AFTER_SECONDS: '7' } });
    officer = await signedInClient(t.app, 'officer@council.example');
  });
  afterAll(async () => t?.close());

  it('serves pages normally while few queries wait', async () => {
    expect(t.services.database.pending()).toBe(0);
    const page = await officer.get('/');
    expect(page.statusCode).toBe(200);
    expect(page.headers['retry-after']).toBeUndefined();
  });

  it('answers 503 with Retry-After at once while the database queue is full, a page for people and JSON for API clients, and serves again after', async () => {
    const hold = holdDatabase(t, 8);
    try {
      await vi.waitFor(() => expect(t.services.database.pending()).toBeGreaterThanOrEqual(QUEUE_LIMIT), { timeout: 60_000 });

      const page = await officer.get('/');
      expect(page.statusCode).toBe(503);
      expect(page.headers['retry-after']).toBe('7');
      expect(page.headers['content-type']).toContain('text/html');
      expect(page.body).toContain('Sorry, the service is busy');
      expect(page.body).toContain('Try again in 7 seconds.');

      const api = await t.app.inject({ url: '/contracts', headers: { accept: 'application/json' } });
      expect(api.statusCode).toBe(503);
      expect(api.headers['retry-after']).toBe('7');
      expect(api.json()).toEqual({ error: 'Sorry, the service is busy' });

      // Static files and /health are never refused: /health answers for itself (here that the database does not answer in time).
      expect((await t.app.inject('/assets/app.css')).headers['retry-after']).toBeUndefined();
      const health = await t.app.inject('/health');
      expect(health.headers['retry-after']).toBeUndefined();
      expect(health.json()).toMatchObject({ database: { kind } });
    } finally {
      await hold.release();
    }
    expect(t.services.database.pending()).toBe(0);
    const again = await officer.get('/');
    expect(again.statusCode).toBe(200);
    expect(again.body).not.toContain('Sorry, the service is busy');
  });
});
