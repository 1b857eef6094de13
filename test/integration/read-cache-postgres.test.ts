// The read cache on PostgreSQL: several instances share the server, so a result kept by one must be dropped when any
// of them (or any other client) commits a write, and nothing may be kept while that could go unseen.
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { openDatabase, type Database } from '../../src/db/client.js';
import { cachedRead } from '../../src/db/read-cache.js';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../helpers/databases.js';

describe.runIf(databaseKinds.includes('postgres'))('read cache on PostgreSQL', () => {
  let test: TestDatabase;
  let first: Database;
  let second: Database;
  let loads = 0;

  /** The thresholds' source through the first instance's cache, counting the reads that reach the database. */
  const cachedName = () =>
    cachedRead(first.db, 'threshold-source', async () => {
      loads += 1;
      const result = await first.db.execute<{ name: string }>(sql`select min(source) as name from thresholds`);
      return (result as unknown as { rows: { name: string }[] }).rows[0]!.name;
    });
  const rename = (database: Database, name: string) => database.db.execute(sql`update thresholds set source = ${name}`);

  beforeAll(async () => {
    test = await createTestDatabase('postgres', { seeded: true });
    first = test.database;
    second = await openDatabase({ databaseUrl: test.url, poolSize: 2, migrate: false });
  }, 120_000);
  afterAll(async () => {
    await second?.close();
    await test?.drop();
  });

  it('serves a read again without the database until a write', async () => {
    await rename(first, 'Policy minimum');
    loads = 0;
    expect(await cachedName()).toBe('Policy minimum');
    expect(await cachedName()).toBe('Policy minimum');
    expect(loads).toBe(1);
  });

  it("sees this instance's own write on the very next read", async () => {
    await cachedName();
    await rename(first, 'Own write');
    expect(await cachedName()).toBe('Own write');
    await first.db.transaction(async (tx) => {
      await tx.execute(sql`update thresholds set source = 'Own transaction'`);
    });
    expect(await cachedName()).toBe('Own transaction');
  });

  it("sees another instance's committed write once it is notified", async () => {
    await cachedName();
    await rename(second, 'Second instance');
    await vi.waitFor(async () => expect(await cachedName()).toBe('Second instance'), { timeout: 10_000, interval: 20 });
  });

  it('sees a write by any other client of the server', async () => {
    await cachedName();
    const other = new pg.Client({ connectionString: test.url });
    await other.connect();
    try {
      await other.query(`update thresholds set source = 'Another client'`);
    } finally {
      await other.end();
    }
    await vi.waitFor(async () => expect(await cachedName()).toBe('Another client'), { timeout: 10_000, interval: 20 });
  });

  it('drops what it kept when its listening connection is lost, and caches again once it is back', async () => {
    await cachedName();
    const admin = new pg.Client({ connectionString: test.url });
    await admin.connect();
    const listeners = async () =>
      (await admin.query(`select count(*)::int as n from pg_stat_activity where datname = current_database() and query ilike 'listen%'`)).rows[0].n as number;
    try {
      expect(await listeners()).toBe(2);
      await admin.query(`select pg_terminate_backend(pid) from pg_stat_activity where datname = current_database() and query ilike 'listen%'`);
      // A write made while no instance listens: its notification is lost, and the cache must not hide it.
      await admin.query(`update thresholds set source = 'While deaf'`);
      await vi.waitFor(async () => expect(await listeners()).toBe(2), { timeout: 10_000, interval: 50 });
      loads = 0;
      expect(await cachedName()).toBe('While deaf');
      expect(await cachedName()).toBe('While deaf');
      expect(loads).toBe(1);
    } finally {
      await admin.end();
    }
  });

  it('puts the notifying trigger on every table', async () => {
    const result = await first.db.execute<{ name: string }>(sql`
      select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where c.relkind in ('r', 'p') and not c.relispartition and n.nspname = current_schema()
        and not exists (select 1 from pg_trigger t where t.tgrelid = c.oid and t.tgname = 'notify_data_changed')`);
    expect((result as unknown as { rows: unknown[] }).rows).toEqual([]);
  });
});
