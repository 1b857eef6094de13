import { and, count, desc, eq, ne, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { reportSends, reportSubscriptions, users } from '../../db/schema/index.js';
import type { Page } from '../../domain/pagination.js';

/** Every subscription that has not been removed, by name, with when its latest report went. */
export async function listSubscriptions(db: DbOrTx) {
  return db
    .select({
      id: reportSubscriptions.id,
      name: reportSubscriptions.name,
      emails: reportSubscriptions.emails,
      kind: reportSubscriptions.kind,
      delivery: reportSubscriptions.delivery,
      status: reportSubscriptions.status,
      lastSentAt:
        sql<Date | null>`(select max(${reportSends.sentAt}) from ${reportSends} where ${reportSends.subscriptionId} = ${reportSubscriptions.id})`.mapWith(
          (v: string | Date | null) => (v === null ? null : new Date(v)),
        ),
      failed:
        sql<number>`(select count(*) from ${reportSends} where ${reportSends.subscriptionId} = ${reportSubscriptions.id} and ${reportSends.state} = 'failed')`.mapWith(
          Number,
        ),
    })
    .from(reportSubscriptions)
    .where(ne(reportSubscriptions.status, 'removed'))
    .orderBy(sql`lower(${reportSubscriptions.name})`, reportSubscriptions.createdAt);
}

export type SubscriptionRecord = NonNullable<Awaited<ReturnType<typeof findSubscription>>>;

/** One subscription (removed ones too), with who added it. */
export async function findSubscription(db: DbOrTx, id: string) {
  const [row] = await db
    .select({
      id: reportSubscriptions.id,
      name: reportSubscriptions.name,
      emails: reportSubscriptions.emails,
      kind: reportSubscriptions.kind,
      delivery: reportSubscriptions.delivery,
      status: reportSubscriptions.status,
      firstPeriod: reportSubscriptions.firstPeriod,
      createdAt: reportSubscriptions.createdAt,
      createdByName: users.name,
      statusChangedAt: reportSubscriptions.statusChangedAt,
    })
    .from(reportSubscriptions)
    .leftJoin(users, eq(users.id, reportSubscriptions.createdBy))
    .where(eq(reportSubscriptions.id, id));
  return row ?? null;
}

/** A page of the send log, newest first: of one subscription, or of all of them. */
export async function listSends(db: DbOrTx, page: Page, subscriptionId?: string) {
  const where = subscriptionId ? eq(reportSends.subscriptionId, subscriptionId) : undefined;
  const [rows, [total]] = await Promise.all([
    db
      .select({
        id: reportSends.id,
        subscriptionId: reportSends.subscriptionId,
        subscriptionName: reportSubscriptions.name,
        subscriptionStatus: reportSubscriptions.status,
        kind: reportSubscriptions.kind,
        period: reportSends.period,
        state: reportSends.state,
        attempts: reportSends.attempts,
        nextAttemptAt: reportSends.nextAttemptAt,
        lastError: reportSends.lastError,
        sentAt: reportSends.sentAt,
        createdAt: reportSends.createdAt,
      })
      .from(reportSends)
      .innerJoin(reportSubscriptions, eq(reportSubscriptions.id, reportSends.subscriptionId))
      .where(where)
      .orderBy(desc(reportSends.createdAt), desc(reportSends.period), reportSubscriptions.name)
      .limit(page.size)
      .offset(page.offset),
    db.select({ n: count() }).from(reportSends).where(where),
  ]);
  return { rows, total: total?.n ?? 0 };
}

export async function findSend(db: DbOrTx, subscriptionId: string, sendId: string) {
  const [row] = await db
    .select()
    .from(reportSends)
    .where(and(eq(reportSends.id, sendId), eq(reportSends.subscriptionId, subscriptionId)));
  return row ?? null;
}
