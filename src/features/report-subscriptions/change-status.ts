import { and, eq, inArray, isNull, lt, or } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.js';
import { reportSends, reportSubscriptions, type SubscriptionStatus } from '../../db/schema/index.js';
import { todayIso } from '../../domain/dates.js';
import { latestEndedPeriod } from './periods.js';
import { withAudit, type Actor } from '../../platform/audit.js';
import { queueEndedPeriods } from './queue-sends.js';
import type { SubscriptionRecord } from './repository.js';

export type StatusChange = 'pause' | 'resume' | 'remove' | 'unsubscribe';

const changes: Record<StatusChange, { from: SubscriptionStatus[]; to: SubscriptionStatus; action: (name: string) => string }> = {
  pause: { from: ['active'], to: 'paused', action: (name) => `Paused the report subscription ${name}` },
  resume: { from: ['paused'], to: 'active', action: (name) => `Resumed the report subscription ${name}` },
  remove: { from: ['active', 'paused', 'unsubscribed'], to: 'removed', action: (name) => `Removed the report subscription ${name}` },
  unsubscribe: {
    from: ['active', 'paused'],
    to: 'unsubscribed',
    action: (name) => `Unsubscribed ${name} from its social value report, by the link in its email`,
  },
};

/** What a cancelled send says in the log. */
const cancelReasons: Partial<Record<SubscriptionStatus, string>> = {
  unsubscribed: 'Not sent: the recipient unsubscribed',
  removed: 'Not sent: the subscription was removed',
};

/** Sends still waiting (not being sent at this moment) are cancelled when a subscription stops for good. */
async function cancelWaitingSends(tx: Tx, subscriptionId: string, reason: string, now: Date): Promise<void> {
  await tx
    .update(reportSends)
    .set({ state: 'cancelled', lastError: reason })
    .where(
      and(
        eq(reportSends.subscriptionId, subscriptionId),
        eq(reportSends.state, 'queued'),
        or(isNull(reportSends.lockedUntil), lt(reportSends.lockedUntil, now)),
      ),
    );
}

/**
 * Pauses, resumes, removes or unsubscribes a subscription, audited; false when its status does not allow it (already
 * done, perhaps by someone else at the same moment). Resuming starts again from the latest ended period: reports of
 * periods that ended while it was paused are not sent in a batch. Unsubscribing and removing cancel waiting sends.
 */
export async function changeStatus(db: Db, actor: Actor, subscription: SubscriptionRecord, change: StatusChange, now = new Date()): Promise<boolean> {
  const { from, to, action } = changes[change];
  return withAudit(db, actor, action(subscription.name), async (tx) => {
    const latest = latestEndedPeriod(subscription.kind, todayIso(now));
    const firstPeriod = change === 'resume' && latest > subscription.firstPeriod ? latest : subscription.firstPeriod;
    const [changed] = await tx
      .update(reportSubscriptions)
      .set({ status: to, statusChangedAt: now, firstPeriod })
      .where(and(eq(reportSubscriptions.id, subscription.id), inArray(reportSubscriptions.status, from)))
      .returning({ id: reportSubscriptions.id, kind: reportSubscriptions.kind, firstPeriod: reportSubscriptions.firstPeriod });
    if (!changed) return false;
    const reason = cancelReasons[to];
    if (reason) await cancelWaitingSends(tx, subscription.id, reason, now);
    if (to === 'active') await queueEndedPeriods(tx, changed, now);
    return true;
  });
}
