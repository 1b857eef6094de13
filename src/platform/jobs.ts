import { and, eq, isNull, lt, lte, or } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { jobs as jobsTable } from '../db/schema/index.js';
import { startPolling, type Logger } from './polling.js';
import { nextRun, type Schedule } from './schedule.js';

/** Background work that runs inside the service on a schedule. */
export interface Job {
  /** unique and stable: the job's state in the database is kept under it */
  name: string;
  /** what it does, for the administrators' page of jobs: "Report reminders to suppliers" */
  title: string;
  schedule: Schedule;
  /**
   * Must be safe to run again (a run that fails is retried), for example by claiming keys with queueMailOnce.
   * What it resolves to (such as the number of emails queued) is logged.
   */
  run(db: Db, now: Date): Promise<unknown>;
}

export interface JobRunnerOptions {
  /** how often to look for due jobs */
  intervalMs?: number;
  /** how long a claimed run is kept from other instances; after that, a crashed instance's run is taken over */
  leaseMs?: number;
  /** how soon a failed run is tried again (at the latest, at its next scheduled time) */
  retryMs?: number;
  /** the clock; tests move it */
  now?: () => Date;
}

const defaults = { intervalMs: 30_000, leaseMs: 15 * 60_000, retryMs: 5 * 60_000, now: () => new Date() };

/**
 * One look for due jobs. A job's state is its row in `jobs`: when it next runs, a lease while it runs, when it last
 * ran and its last error. A new job first runs at its next scheduled time; a job that came due while no instance was
 * running runs at the next look. Each run is claimed with SELECT ... FOR UPDATE SKIP LOCKED and a lease, so that
 * of several instances on one database only one runs it. Returns the names of the jobs that ran.
 */
export async function runDueJobs(db: Db, jobs: readonly Job[], log: Logger, options: JobRunnerOptions = {}): Promise<string[]> {
  const { leaseMs, retryMs, now: clock } = { ...defaults, ...options };
  if (jobs.length === 0) return [];
  const registeredAt = clock();
  await db
    .insert(jobsTable)
    .values(jobs.map((job) => ({ name: job.name, runAt: nextRun(job.schedule, registeredAt) })))
    .onConflictDoNothing();
  const ran: string[] = [];
  for (const job of jobs) {
    const now = clock();
    const lease = new Date(now.getTime() + leaseMs);
    const claimed = await db.transaction(async (tx) => {
      const due = await tx
        .select({ name: jobsTable.name })
        .from(jobsTable)
        .where(and(eq(jobsTable.name, job.name), lte(jobsTable.runAt, now), or(isNull(jobsTable.lockedUntil), lt(jobsTable.lockedUntil, now))))
        .for('update', { skipLocked: true });
      if (due.length === 0) return false;
      await tx.update(jobsTable).set({ lockedUntil: lease }).where(eq(jobsTable.name, job.name));
      return true;
    });
    if (!claimed) continue;
    const started = performance.now();
    const scheduled = nextRun(job.schedule, now);
    let outcome: { runAt: Date; lastError: string | null };
    try {
      const result = await job.run(db, now);
      outcome = { runAt: scheduled, lastError: null };
      log.info({ job: job.name, result, ms: Math.round(performance.now() - started) }, `job ${job.name} ran`);
    } catch (error) {
      const retry = new Date(now.getTime() + retryMs);
      outcome = { runAt: retry < scheduled ? retry : scheduled, lastError: String(error) };
      log.error({ err: error, job: job.name }, `job ${job.name} failed; it will be tried again`);
    }
    // Only while the lease is still ours: if it ran out and another instance took the job over, its record stands.
    await db
      .update(jobsTable)
      .set({ ...outcome, lastRunAt: now, lockedUntil: null })
      .where(and(eq(jobsTable.name, job.name), eq(jobsTable.lockedUntil, lease)));
    ran.push(job.name);
  }
  return ran;
}

/** Looks for due jobs every half minute (and at once) until stopped; stop() waits for a job that is running. */
export function startJobs(db: Db, jobs: readonly Job[], log: Logger, options: JobRunnerOptions = {}): { stop(): Promise<void> } {
  const poller = startPolling(() => runDueJobs(db, jobs, log, options), options.intervalMs ?? defaults.intervalMs, log, 'job runner failed');
  return { stop: () => poller.stop() };
}
