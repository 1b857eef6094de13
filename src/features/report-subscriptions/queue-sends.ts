import { eq } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client.js';
import { reportSends, reportSubscriptions, type ReportKind } from '../../db/schema/index.js';
import { todayIso } from '../../domain/dates.js';
import { endedPeriodsFrom } from './periods.js';

/**
 * Queues a send for each period of a subscription that has ended, from its first period on. The unique
 * (subscription, period) key makes this safe to run any number of times, on any number of instances at once: a
 * period already queued, sent, failed or cancelled is left as it is. Returns how many sends were queued.
 */
export async function queueEndedPeriods(db: DbOrTx, subscription: { id: string; kind: ReportKind; firstPeriod: string }, now: Date): Promise<number> {
  const periods = endedPeriodsFrom(subscription.kind, subscription.firstPeriod, todayIso(now));
  if (periods.length === 0) return 0;
  const queued = await db
    .insert(reportSends)
    .values(periods.map((period) => ({ subscriptionId: subscription.id, period, nextAttemptAt: now })))
    .onConflictDoNothing()
    .returning({ id: reportSends.id });
  return queued.length;
}

/** The job: queues every active subscription's report for each period that has ended. Returns how many were queued. */
export async function queueDueReports(db: Db, now: Date): Promise<number> {
  const active = await db
    .select({ id: reportSubscriptions.id, kind: reportSubscriptions.kind, firstPeriod: reportSubscriptions.firstPeriod })
    .from(reportSubscriptions)
    .where(eq(reportSubscriptions.status, 'active'));
  let queued = 0;
  for (const subscription of active) queued += await queueEndedPeriods(db, subscription, now);
  return queued;
}
