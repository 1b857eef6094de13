import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { contracts, type ContractRating } from '../../db/schema/index.js';
import type { Actor } from '../../platform/audit.js';
import { withAudit } from '../../platform/audit.js';
import type { ContractRecord } from './repository.js';

/** Sets the officer's rating with its reason, or removes it (null) so that the computed rating shows again. */
export async function setRating(db: Db, actor: Actor, contract: ContractRecord, override: { rating: ContractRating; reason: string } | null) {
  const action = override ? `Set the rating of contract ${contract.reference} by hand` : `Removed the hand-set rating of contract ${contract.reference}`;
  await withAudit(db, actor, action, async (tx) => {
    await tx
      .update(contracts)
      .set({
        ratingOverride: override?.rating ?? null,
        ratingOverrideReason: override?.reason ?? null,
        ratingOverrideBy: override ? actor.id : null,
        updatedAt: new Date(),
      })
      .where(eq(contracts.id, contract.id));
  });
}
