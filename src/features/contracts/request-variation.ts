import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { commitmentVariations, contractCommitments } from '../../db/schema/index.js';
import type { Actor } from '../../platform/audit.js';
import { withAudit } from '../../platform/audit.js';
import type { ProposedVariation } from './variation-form.js';

/** Asks for a variation of a commitment; refused (false) while another variation of it waits for a decision. */
export async function requestVariation(db: Db, actor: Actor, reference: string, commitmentId: string, variation: ProposedVariation): Promise<string | null> {
  return withAudit(db, actor, `Requested a variation of a commitment of contract ${reference}`, async (tx) => {
    // Lock the commitment so that two requests at once cannot both find nothing pending.
    await tx.select({ id: contractCommitments.id }).from(contractCommitments).where(eq(contractCommitments.id, commitmentId)).for('update');
    const [pending] = await tx
      .select({ id: commitmentVariations.id })
      .from(commitmentVariations)
      .where(and(eq(commitmentVariations.commitmentId, commitmentId), eq(commitmentVariations.status, 'pending')));
    if (pending) return null;
    const [row] = await tx
      .insert(commitmentVariations)
      .values({
        commitmentId,
        proposedMeasureId: variation.measureId,
        proposedQuantityHundredths: variation.quantityHundredths,
        proposedProfile: variation.profile,
        reason: variation.reason,
        requestedBy: actor.id!,
      })
      .returning({ id: commitmentVariations.id });
    return row!.id;
  });
}
