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

/** Keeps the event loop busy, as the embedded database does while it runs a query on the service's own thread. */
function keepEventLoopBusy(ms: number): void {
  const end = performance.now() + ms;
  while (performance.now() < end);
}

const RETRY_AFTER = '7';

describe.each(databaseKinds)('load shedding by the database queue on %s', (kind) => {
  let t: TestApp;
  let officer: Client;
  // The test databases have 5 connections on PostgreSQL; 8 held transactions leave 3 waiting there, 7 on PGlite.
  const QUEUE_LIMIT = 3;

  beforeAll(async () => {
    // Only the database's limits: the event loop's is tested below, where no test depends on how busy the machine is.
    t = await createTestApp(kind, {
      env: { LOAD_SHED_DATABASE_QUEUE: String(QUEUE_LIMIT), LOAD_SHED_EVENT_LOOP_DELAY_MS: '0', LOAD_SHED_RETRY_AFTER_SECONDS: RETRY_AFTER },
    });
    officer = await signedInClient(t.app, 'officer@council.example');
  });
  afterAll(async () => t?.close());

  it('serves pages normally while few queries wait', async () => {
    expect(t.services.database.pending()).toBe(0);
    const page = await officer.get('/');
    expect(page.statusCode).toBe(200);
    expect(page.headers['retry-after']).toBeUndefined();
  });

  it('lets in at once no more requests than the database has connections plus the queue, refuses the rest at once, and serves /health', async () => {
    // Twenty requests arrive together: those let in wait (on PGlite to start, a few per turn of the event loop; on
    // PostgreSQL for the pool), and every one past the limit is refused before any of them has been answered.
    const admitted = t.services.database.connections + QUEUE_LIMIT;
    const burst = Array.from({ length: 20 }, () => officer.get('/contracts'));
    const health = t.app.inject('/health');
    const answers = await Promise.all(burst);

    const served = answers.filter((a) => a.statusCode === 200);
    const refused = answers.filter((a) => a.statusCode === 503);
    expect(served).toHaveLength(admitted);
    expect(refused).toHaveLength(20 - admitted);
    for (const answer of refused) {
      expect(answer.headers['retry-after']).toBe(RETRY_AFTER);
      expect(answer.body).toContain('Sorry, the service is busy');
    }
    expect(served[0]!.body).toContain('Contracts');
    const status = await health;
    expect(status.headers['retry-after']).toBeUndefined();
    expect(status.json()).toMatchObject({ database: { kind } });

    // Once they have been answered, the next requests are let in again.
    expect((await officer.get('/contracts')).statusCode).toBe(200);
  });

  it('answers 503 with Retry-After at once while the database queue is full, a page for people and JSON for API clients, and serves again after', async () => {
    const hold = holdDatabase(t, 8);
    try {
      await vi.waitFor(() => expect(t.services.database.pending()).toBeGreaterThanOrEqual(QUEUE_LIMIT), { timeout: 60_000 });

      const page = await officer.get('/');
      expect(page.statusCode).toBe(503);
      expect(page.headers['retry-after']).toBe(RETRY_AFTER);
      expect(page.headers['content-type']).toContain('text/html');
      expect(page.body).toContain('Sorry, the service is busy');
      expect(page.body).toContain('Try again in 7 seconds.');

      const api = await t.app.inject({ url: '/contracts', headers: { accept: 'application/json' } });
      expect(api.statusCode).toBe(503);
      expect(api.headers['retry-after']).toBe(RETRY_AFTER);
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

describe.each(databaseKinds)('load shedding by the wait for the event loop on %s', (kind) => {
  let t: TestApp;
  const LIMIT_MS = 200;

  beforeAll(async () => {
    t = await createTestApp(kind, {
      env: { LOAD_SHED_DATABASE_QUEUE: '0', LOAD_SHED_EVENT_LOOP_DELAY_MS: String(LIMIT_MS), LOAD_SHED_RETRY_AFTER_SECONDS: RETRY_AFTER },
    });
  });
  afterAll(async () => t?.close());

  it('refuses a request that waited longer than the limit for the event loop, serves /health meanwhile, and serves again once the loop turns', async () => {
    // The requests are read in the same turn of the event loop that was kept busy: they have waited at least that long.
    keepEventLoopBusy(LIMIT_MS + 50);
    const [page, api, health] = await Promise.all([
      t.app.inject('/'),
      t.app.inject({ url: '/contracts', headers: { accept: 'application/json' } }),
      t.app.inject('/health'),
    ]);
    expect(page.statusCode).toBe(503);
    expect(page.headers['retry-after']).toBe(RETRY_AFTER);
    expect(page.body).toContain('Sorry, the service is busy');
    expect(api.statusCode).toBe(503);
    expect(api.json()).toEqual({ error: 'Sorry, the service is busy' });
    expect(health.headers['retry-after']).toBeUndefined();
    expect(health.json()).toMatchObject({ database: { kind } });

    // Waited for, not timed: on a busy machine a later turn may itself run long.
    await vi.waitFor(async () => expect((await t.app.inject('/')).statusCode).toBe(200), { timeout: 60_000, interval: 50 });
  });
});
