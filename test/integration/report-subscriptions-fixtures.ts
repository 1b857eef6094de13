import { and, eq } from 'drizzle-orm';
import type { Db } from '../../src/db/client.js';
import { auditEvents, reportSends, reportSubscriptions } from '../../src/db/schema/index.js';
import { todayIso } from '../../src/domain/dates.js';
import { addQuarters, quarterOf } from '../../src/domain/quarters.js';
import { addDays } from '../../src/domain/reporting-periods.js';
import type { Client } from '../helpers/app.js';
import { demoMeasures, insertContract, organisationOf } from './contracts-fixtures.js';

/**
 * A contract whose commitment falls due in each of the nine quarters up to today's, so that the summaries have
 * figures, and the reports exist, for the latest quarter and financial year that have ended, whatever today is.
 */
export async function contractWithFiguresToDate(db: Db): Promise<void> {
  const { valued } = await demoMeasures(db);
  const current = quarterOf(todayIso());
  const profile = Array.from({ length: 9 }, (_, i) => addQuarters(current, i - 8)).map((periodStart) => ({
    periodStart,
    periodEnd: addDays(addQuarters(periodStart, 1), -1),
    quantityHundredths: 100,
  }));
  await insertContract(db, {
    supplierId: await organisationOf(db, 'supplier@supplier.example'),
    commitments: [{ measureId: valued.id, quantityHundredths: 900, profile }],
  });
}

export const quiet = { info: () => undefined, error: () => undefined };

/** Adds a subscription through the form, as an officer would, and returns its id. */
export async function addSubscription(
  client: Client,
  form: { name: string; emails: string; kind: 'quarterly' | 'annual'; delivery: 'attached' | 'linked' },
): Promise<string> {
  await client.get('/reports/subscriptions/new');
  const response = await client.post('/reports/subscriptions', form);
  if (response.statusCode !== 303) throw new Error(`adding a subscription answered ${response.statusCode}`);
  return /\/reports\/subscriptions\/([0-9a-f-]{36})\?done=added$/.exec(String(response.headers.location))![1]!;
}

export async function sendsOf(db: Db, subscriptionId: string) {
  return db
    .select({ period: reportSends.period, state: reportSends.state, attempts: reportSends.attempts, lastError: reportSends.lastError })
    .from(reportSends)
    .where(eq(reportSends.subscriptionId, subscriptionId))
    .orderBy(reportSends.period);
}

export async function statusOf(db: Db, subscriptionId: string) {
  const [row] = await db.select({ status: reportSubscriptions.status }).from(reportSubscriptions).where(eq(reportSubscriptions.id, subscriptionId));
  return row?.status;
}

/** The audit trail's actions on one subscription, as [who, what, operation]. */
export async function auditOf(db: Db, subscriptionId: string) {
  const rows = await db
    .select({ actor: auditEvents.actorLabel, action: auditEvents.action, operation: auditEvents.operation })
    .from(auditEvents)
    .where(and(eq(auditEvents.entityTable, 'report_subscriptions'), eq(auditEvents.entityId, subscriptionId)))
    .orderBy(auditEvents.id);
  return rows.map((r) => [r.actor, r.action, r.operation]);
}

/** The path of a link in an email's text that starts with `prefix` (such as "/reports/unsubscribe/"). */
export function linkIn(text: string, prefix: string): string {
  const match = new RegExp(`https?://[^/\\s]+(${prefix.replace(/\//g, '\\/')}[A-Za-z0-9_.-]+)`).exec(text);
  if (!match) throw new Error(`no ${prefix} link in:\n${text}`);
  return match[1]!;
}
