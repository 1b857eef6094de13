import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { reportSends } from '../../db/schema/index.js';
import { periodLabel } from './periods.js';
import { recordEvent, type Actor } from '../../platform/audit.js';
import type { SubscriptionRecord } from './repository.js';

/**
 * Queues a failed send again, with its attempts counted afresh, for a subscription that is active. Recorded in the
 * audit trail. False when the send is not failed (already retried) or the subscription is not active.
 */
export async function retrySend(db: Db, actor: Actor, subscription: SubscriptionRecord, sendId: string, now = new Date()): Promise<boolean> {
  if (subscription.status !== 'active') return false;
  return db.transaction(async (tx) => {
    const [send] = await tx
      .update(reportSends)
      .set({ state: 'queued', attempts: 0, nextAttemptAt: now, lockedUntil: null })
      .where(and(eq(reportSends.id, sendId), eq(reportSends.subscriptionId, subscription.id), eq(reportSends.state, 'failed')))
      .returning({ period: reportSends.period });
    if (!send) return false;
    await recordEvent(tx, actor, `Asked for the ${periodLabel(subscription.kind, send.period)} report to be sent again to ${subscription.name}`, {
      entityTable: 'report_subscriptions',
      entityId: subscription.id,
    });
    return true;
  });
}
