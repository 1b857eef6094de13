import { count, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { contracts, deliveryReports, type ContractRating } from '../../db/schema/index.js';
import type { ReportingFrequency } from '../../domain/reporting-periods.js';
import type { Actor } from '../../platform/audit.js';
import { withAudit } from '../../platform/audit.js';
import type { ContractRecord } from './repository.js';

/** Whether the reporting frequency may still change: not once the supplier has started a report for a period. */
export async function frequencyLocked(db: Db, contractId: string): Promise<boolean> {
  const [row] = await db.select({ n: count() }).from(deliveryReports).where(eq(deliveryReports.contractId, contractId));
  return (row?.n ?? 0) > 0;
}

export async function changeDetails(db: Db, actor: Actor, contract: ContractRecord, change: { managerId: string | null; frequency: ReportingFrequency }) {
  await withAudit(db, actor, `Changed the details of contract ${contract.reference}`, async (tx) => {
    await tx
      .update(contracts)
      .set({ contractManagerId: change.managerId, reportingFrequency: change.frequency, updatedAt: new Date() })
      .where(eq(contracts.id, contract.id));
  });
}

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
