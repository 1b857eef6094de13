import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { requirements, tenders } from '../../db/schema/index.js';
import { recordEvent, withAudit, type Actor } from '../../platform/audit.js';
import { isChangeable } from './progress.js';
import { lockRequirement } from './repository.js';

export type CancelResult = 'cancelled' | 'not-found' | 'not-changeable';

/**
 * Cancels a requirement that has not gone out to tender, with the reason, which is kept in the audit trail. A draft
 * tender set up for it is cancelled too, so that it cannot be published.
 */
export async function cancelRequirement(db: Db, actor: Actor, id: string, number: number, reason: string): Promise<CancelResult> {
  const action = `Cancelled requirement ${number}`;
  return withAudit(db, actor, action, async (tx) => {
    const current = await lockRequirement(tx, id);
    if (!current) return 'not-found';
    if (!isChangeable(current.stage)) return 'not-changeable';
    await tx.update(requirements).set({ stage: 'cancelled' }).where(eq(requirements.id, id));
    await tx
      .update(tenders)
      .set({ status: 'cancelled' })
      .where(and(eq(tenders.requirementId, id), eq(tenders.status, 'draft')));
    await recordEvent(tx, actor, action, { entityTable: 'requirements', entityId: id, after: { reason } });
    return 'cancelled';
  });
}
