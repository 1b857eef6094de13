import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database, type Db } from '../../src/db/client.js';
import { jobs } from '../../src/db/schema/index.js';
import { runDueJobs, startJobs, type Job } from '../../src/platform/jobs.js';
import { weekly } from '../../src/platform/schedule.js';
import { createEmptyPostgresDatabase, databaseKinds, type DatabaseKind } from '../helpers/databases.js';

const quiet = { info: () => undefined, error: () => undefined };

/** A database that can be closed and opened again, as a restart of the service does. */
async function restartableDatabase(kind: DatabaseKind): Promise<{ open(): Promise<Database>; drop(): Promise<void> }> {
  if (kind === 'pglite') {
    const folder = mkdtempSync(path.join(tmpdir(), 'sv-jobs-'));
    return { open: () => openDatabase({ dataDir: folder }), drop: async () => rmSync(folder, { recursive: true, force: true }) };
  }
  const empty = await createEmptyPostgresDatabase();
  return { open: () => openDatabase({ databaseUrl: empty.url, poolSize: 3 }), drop: empty.drop };
}

/** A job on Monday mornings that notes the clock time of each run. */
function countingJob(name: string, runs: Date[], work: () => Promise<void> = async () => undefined): Job {
  return {
    name,
    title: `Test job ${name}`,
    schedule: weekly('Monday', '07:00'),
    run: async (_db, now) => {
      runs.push(now);
      await work();
    },
  };
}

async function state(db: Db, name: string) {
  const [row] = await db.select().from(jobs).where(eq(jobs.name, name));
  return row!;
}

// Wednesday 18 November 2026 at noon; the next Monday 07:00 (GMT) is 23 November.
const WEDNESDAY = new Date('2026-11-18T12:00:00Z');
const MONDAY_0700 = new Date('2026-11-23T07:00:00Z');
const later = (date: Date, minutes: number) => new Date(date.getTime() + minutes * 60_000);

describe.each(databaseKinds)('background jobs on %s', (kind) => {
  let store: Awaited<ReturnType<typeof restartableDatabase>>;
  let database: Database;

  beforeAll(async () => {
    store = await restartableDatabase(kind);
    database = await store.open();
  });
  afterAll(async () => {
    await database?.close();
    await store?.drop();
  });

  it('first runs a new job at its next scheduled time, then records the run and the next time', async () => {
    const runs: Date[] = [];
    const job = countingJob('first-run', runs);
    expect(await runDueJobs(database.db, [job], quiet, { now: () => WEDNESDAY })).toEqual([]);
    expect((await state(database.db, 'first-run')).runAt.toISOString()).toBe(MONDAY_0700.toISOString());
    expect(await runDueJobs(database.db, [job], quiet, { now: () => later(MONDAY_0700, -1) })).toEqual([]);
    expect(await runDueJobs(database.db, [job], quiet, { now: () => MONDAY_0700 })).toEqual(['first-run']);
    expect(runs).toEqual([MONDAY_0700]);
    const after = await state(database.db, 'first-run');
    expect(after.lastRunAt?.toISOString()).toBe(MONDAY_0700.toISOString());
    expect(after.runAt.toISOString()).toBe('2026-11-30T07:00:00.000Z');
    expect(after.lockedUntil).toBeNull();
    expect(after.lastError).toBeNull();
    expect(await runDueJobs(database.db, [job], quiet, { now: () => later(MONDAY_0700, 60) })).toEqual([]);
  });

  it('keeps its state across a restart: no second run before it is due, and a run missed while stopped happens at start', async () => {
    const runs: Date[] = [];
    const job = countingJob('survives-restart', runs);
    await runDueJobs(database.db, [job], quiet, { now: () => WEDNESDAY });
    await runDueJobs(database.db, [job], quiet, { now: () => MONDAY_0700 });
    expect(runs).toHaveLength(1);

    // Restart later that Monday: the job has run this week, so the new runner leaves it.
    await database.close();
    database = await store.open();
    let clock = later(MONDAY_0700, 120);
    let runner = startJobs(database.db, [job], quiet, { intervalMs: 10, now: () => clock });
    await new Promise((resolve) => setTimeout(resolve, 100));
    await runner.stop();
    expect(runs).toHaveLength(1);

    // The service is down over the next Monday morning and starts on Tuesday: the missed run happens at once.
    await database.close();
    database = await store.open();
    clock = new Date('2026-12-01T10:00:00Z');
    runner = startJobs(database.db, [job], quiet, { intervalMs: 10, now: () => clock });
    await waitUntil(() => runs.length === 2);
    await new Promise((resolve) => setTimeout(resolve, 100));
    await runner.stop();
    expect(runs).toEqual([MONDAY_0700, clock]);
    // The next run is the Monday after, not a catch-up of every week missed.
    expect((await state(database.db, 'survives-restart')).runAt.toISOString()).toBe('2026-12-07T07:00:00.000Z');
  });

  it('records a failure and tries again a few minutes later', async () => {
    const runs: Date[] = [];
    let fail = true;
    const job = countingJob('flaky', runs, async () => {
      if (fail) throw new Error('the SMTP server was away');
    });
    await runDueJobs(database.db, [job], quiet, { now: () => WEDNESDAY });
    await runDueJobs(database.db, [job], quiet, { now: () => MONDAY_0700, retryMs: 5 * 60_000 });
    const failed = await state(database.db, 'flaky');
    expect(failed.lastError).toContain('the SMTP server was away');
    expect(failed.runAt.toISOString()).toBe(later(MONDAY_0700, 5).toISOString());
    expect(failed.lockedUntil).toBeNull();
    fail = false;
    expect(await runDueJobs(database.db, [job], quiet, { now: () => later(MONDAY_0700, 4) })).toEqual([]);
    expect(await runDueJobs(database.db, [job], quiet, { now: () => later(MONDAY_0700, 5) })).toEqual(['flaky']);
    const recovered = await state(database.db, 'flaky');
    expect(recovered.lastError).toBeNull();
    expect(recovered.runAt.toISOString()).toBe('2026-11-30T07:00:00.000Z');
  });

  it('leaves a job that another instance is running until its lease runs out, then takes it over', async () => {
    const runs: Date[] = [];
    const job = countingJob('crashed', runs);
    await runDueJobs(database.db, [job], quiet, { now: () => WEDNESDAY });
    // An instance claimed the Monday run with a 15-minute lease and then crashed.
    await database.db
      .update(jobs)
      .set({ lockedUntil: later(MONDAY_0700, 15) })
      .where(eq(jobs.name, 'crashed'));
    expect(await runDueJobs(database.db, [job], quiet, { now: () => later(MONDAY_0700, 10) })).toEqual([]);
    expect(await runDueJobs(database.db, [job], quiet, { now: () => later(MONDAY_0700, 16) })).toEqual(['crashed']);
    expect(runs).toEqual([later(MONDAY_0700, 16)]);
  });

  it('runs a due job once when two instances look at the same moment', async () => {
    const runs: Date[] = [];
    const job = countingJob('contended', runs, () => new Promise((resolve) => setTimeout(resolve, 50)));
    await runDueJobs(database.db, [job], quiet, { now: () => WEDNESDAY });
    // A second instance: on PostgreSQL its own connection pool; PGlite has one connection, so the same database.
    const second = kind === 'postgres' ? await store.open() : database;
    try {
      const results = await Promise.all(
        Array.from({ length: 3 }, () => [
          runDueJobs(database.db, [job], quiet, { now: () => MONDAY_0700 }),
          runDueJobs(second.db, [job], quiet, { now: () => MONDAY_0700 }),
        ]).flat(),
      );
      expect(results.flat()).toEqual(['contended']);
      expect(runs).toHaveLength(1);
    } finally {
      if (second !== database) await second.close();
    }
  });
});

async function waitUntil(condition: () => boolean, timeoutMs = 5000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > until) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
