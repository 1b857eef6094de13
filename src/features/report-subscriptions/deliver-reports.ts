import { and, eq, inArray, isNull, lt, lte, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { reportSends, reportSubscriptions, type ReportKind } from '../../db/schema/index.js';
import type { Mailer } from '../../platform/mail.js';
import { startPolling, type Logger, type Poller } from '../../platform/polling.js';
import type { SignedLinkKey } from '../../platform/signed-links.js';
import { reportEmail } from './emails.js';
import { REPORT_LINK_DAYS, reportLinkUrl, unsubscribeUrl } from './links.js';
import { periodLabel } from './periods.js';
import { ReportNotFoundError, type ReportSource } from './report-pdf.js';

export interface ReportSender {
  mailer: Mailer;
  reports: ReportSource;
  key: SignedLinkKey;
  baseUrl: string;
}

export interface DeliveryOptions {
  /** the clock; tests move it */
  now?: () => Date;
  /** how long a claimed send is kept from other instances: longer than building the report and sending can take */
  leaseMs?: number;
  /** the wait after the first failed attempt; it doubles after each one, up to `maxRetryMs` */
  retryMs?: number;
  maxRetryMs?: number;
  /** after this many failed attempts the send is marked failed (an officer can queue it again) */
  maxAttempts?: number;
  /** how many sends one look claims */
  batch?: number;
}

export const deliveryDefaults = { leaseMs: 30 * 60_000, retryMs: 60_000, maxRetryMs: 6 * 60 * 60_000, maxAttempts: 10, batch: 5 };

/** The wait before the next attempt after `attempts` have failed: 1, 2, 4, 8 ... minutes, at most 6 hours. */
export function retryDelay(attempts: number, retryMs = deliveryDefaults.retryMs, maxRetryMs = deliveryDefaults.maxRetryMs): number {
  return Math.min(retryMs * 2 ** Math.max(0, attempts - 1), maxRetryMs);
}

interface Claimed {
  id: string;
  period: string;
  attempts: number;
  subscriptionId: string;
  name: string;
  emails: string[];
  kind: ReportKind;
  delivery: 'attached' | 'linked';
}

/**
 * Claims sends that are due (queued, their next attempt time come, not claimed by another instance, subscription
 * active) with SELECT ... FOR UPDATE SKIP LOCKED, and marks each with a lease and one more attempt in the same
 * transaction, so that of several instances only one sends it.
 */
async function claimDue(db: Db, now: Date, lease: Date, batch: number): Promise<Claimed[]> {
  return db.transaction(async (tx) => {
    const due = await tx
      .select({ id: reportSends.id })
      .from(reportSends)
      .innerJoin(reportSubscriptions, eq(reportSubscriptions.id, reportSends.subscriptionId))
      .where(
        and(
          eq(reportSends.state, 'queued'),
          lte(reportSends.nextAttemptAt, now),
          or(isNull(reportSends.lockedUntil), lt(reportSends.lockedUntil, now)),
          eq(reportSubscriptions.status, 'active'),
        ),
      )
      .orderBy(reportSends.nextAttemptAt, reportSends.id)
      .limit(batch)
      .for('update', { of: reportSends, skipLocked: true });
    if (due.length === 0) return [];
    const claimed = await tx
      .update(reportSends)
      .set({ lockedUntil: lease, attempts: sql`${reportSends.attempts} + 1` })
      .where(
        inArray(
          reportSends.id,
          due.map((d) => d.id),
        ),
      )
      .returning({ id: reportSends.id, period: reportSends.period, attempts: reportSends.attempts, subscriptionId: reportSends.subscriptionId });
    const subscriptions = await tx
      .select()
      .from(reportSubscriptions)
      .where(
        inArray(
          reportSubscriptions.id,
          claimed.map((c) => c.subscriptionId),
        ),
      );
    const byId = new Map(subscriptions.map((s) => [s.id, s]));
    return claimed.map((c) => {
      const s = byId.get(c.subscriptionId)!;
      return { ...c, name: s.name, emails: s.emails, kind: s.kind, delivery: s.delivery };
    });
  });
}

/**
 * Sends the reports that are due, each to its subscription's addresses, and records the outcome on its send row: sent,
 * or the error and the time of the next attempt (the wait doubling each time), or failed after the last attempt.
 * A send is marked only while its lease is still this instance's. Returns how many were sent.
 */
export async function deliverDueReports(db: Db, sender: ReportSender, log: Logger, options: DeliveryOptions = {}): Promise<number> {
  const { leaseMs, retryMs, maxRetryMs, maxAttempts, batch } = { ...deliveryDefaults, ...options };
  const clock = options.now ?? (() => new Date());
  const pdfs = new Map<string, Promise<Buffer>>();
  const host = new URL(sender.baseUrl).hostname;
  let sent = 0;
  for (;;) {
    const now = clock();
    const lease = new Date(now.getTime() + leaseMs);
    const claimed = await claimDue(db, now, lease, batch);
    for (const send of claimed) if (await deliverOne(send, now, lease)) sent++;
    if (claimed.length < batch) return sent;
  }

  async function deliverOne(send: Claimed, now: Date, lease: Date): Promise<boolean> {
    const ours = and(eq(reportSends.id, send.id), eq(reportSends.lockedUntil, lease));
    try {
      let report: { pdf: Buffer } | { url: string; until: Date };
      if (send.delivery === 'attached') {
        const key = `${send.kind} ${send.period}`;
        if (!pdfs.has(key)) pdfs.set(key, sender.reports.render(send.kind, send.period));
        report = { pdf: await pdfs.get(key)! };
      } else {
        if (!(await sender.reports.exists(send.kind, send.period))) throw new ReportNotFoundError(send.kind, send.period);
        const until = new Date(now.getTime() + REPORT_LINK_DAYS * 86_400_000);
        report = {
          url: reportLinkUrl(sender.key, sender.baseUrl, { subscriptionId: send.subscriptionId, kind: send.kind, period: send.period }, until),
          until,
        };
      }
      await sender.mailer.send(
        reportEmail({
          subscription: send,
          period: send.period,
          unsubscribeUrl: unsubscribeUrl(sender.key, sender.baseUrl, send.subscriptionId),
          report,
          messageId: `<report-send-${send.id}@${host}>`,
        }),
      );
      const marked = await db
        .update(reportSends)
        .set({ state: 'sent', sentAt: clock(), lastError: null, lockedUntil: null })
        .where(ours)
        .returning({ id: reportSends.id });
      if (marked.length === 0) log.error({ sendId: send.id }, 'a report was sent after its claim had run out');
      return true;
    } catch (error) {
      // A period without a report (no figures) will not have one by trying again soon: an officer can send it later.
      const noReport = error instanceof ReportNotFoundError;
      const finalAttempt = noReport || send.attempts >= maxAttempts;
      log.error(
        { err: error, sendId: send.id, attempts: send.attempts },
        finalAttempt ? 'a report could not be sent; giving up' : 'a report could not be sent; it will be tried again',
      );
      // A subscription stopped while this send was out is cancelled rather than tried again.
      const stopped = sql`exists (select 1 from ${reportSubscriptions} where ${reportSubscriptions.id} = ${send.subscriptionId} and ${reportSubscriptions.status} in ('unsubscribed', 'removed'))`;
      await db
        .update(reportSends)
        .set({
          state: sql`case when ${stopped} then 'cancelled' else ${finalAttempt ? 'failed' : 'queued'} end`,
          lastError: noReport
            ? `There is no report for ${periodLabel(send.kind, send.period)}: no figures for it. Send it again once there are.`
            : String(error).slice(0, 1000),
          nextAttemptAt: new Date(now.getTime() + retryDelay(send.attempts, retryMs, maxRetryMs)),
          lockedUntil: null,
        })
        .where(ours);
      return false;
    }
  }
}

/** Looks for reports to send every half minute (and at once) until stopped. */
export function startReportDelivery(db: Db, sender: ReportSender, log: Logger, options: DeliveryOptions & { intervalMs?: number } = {}): Poller {
  return startPolling(() => deliverDueReports(db, sender, log, options), options.intervalMs ?? 30_000, log, 'report delivery failed');
}
