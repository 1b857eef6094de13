import type { Db } from '../../db/client.js';
import { reportSubscriptions } from '../../db/schema/index.js';
import { todayIso } from '../../domain/dates.js';
import { latestEndedPeriod } from './periods.js';
import { withAudit, type Actor } from '../../platform/audit.js';
import { queueEndedPeriods } from './queue-sends.js';
import type { SubscriptionInput } from './subscription-form.js';

/**
 * Adds a subscription, audited. It starts with the latest report whose period has ended, queued at once (the sender
 * takes it within a minute), then each new one when its period ends. Returns its id and that first period.
 */
export async function createSubscription(db: Db, actor: Actor, input: SubscriptionInput, now = new Date()): Promise<{ id: string; firstPeriod: string }> {
  const firstPeriod = latestEndedPeriod(input.kind, todayIso(now));
  return withAudit(db, actor, `Added the report subscription ${input.name}`, async (tx) => {
    const [row] = await tx
      .insert(reportSubscriptions)
      .values({ ...input, firstPeriod, createdBy: actor.id })
      .returning({ id: reportSubscriptions.id, kind: reportSubscriptions.kind, firstPeriod: reportSubscriptions.firstPeriod });
    await queueEndedPeriods(tx, row!, now);
    return { id: row!.id, firstPeriod };
  });
}
