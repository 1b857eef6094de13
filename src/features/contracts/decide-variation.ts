import { and, eq, ne } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { commitmentVariations, contractCommitments } from '../../db/schema/index.js';
import type { Actor } from '../../platform/audit.js';
import { withAudit } from '../../platform/audit.js';

/**
 * Approves (the commitment takes the proposed values; its tender promise stays as it was) or rejects a pending
 * variation. False when it was decided meanwhile, or when the decider asked for it.
 */
export async function decideVariation(
  db: Db,
  actor: Actor,
  reference: string,
  variationId: string,
  decision: { approve: boolean; note: string | null },
): Promise<boolean> {
  const action = `${decision.approve ? 'Approved' : 'Rejected'} a variation of a commitment of contract ${reference}`;
  return withAudit(db, actor, action, async (tx) => {
    const [decided] = await tx
      .update(commitmentVariations)
      .set({ status: decision.approve ? 'approved' : 'rejected', decidedBy: actor.id, decidedAt: new Date(), decisionNote: decision.note })
      .where(and(eq(commitmentVariations.id, variationId), eq(commitmentVariations.status, 'pending'), ne(commitmentVariations.requestedBy, actor.id!)))
      .returning();
    if (!decided) return false;
    if (decision.approve) {
      await tx
        .update(contractCommitments)
        .set({ measureId: decided.proposedMeasureId, quantityHundredths: decided.proposedQuantityHundredths, profile: decided.proposedProfile })
        .where(eq(contractCommitments.id, decided.commitmentId));
    }
    return true;
  });
}
