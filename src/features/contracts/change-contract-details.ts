import { count, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { contracts, deliveryReports } from '../../db/schema/index.js';
import type { ReportingFrequency } from '../../domain/reporting-periods.js';
import type { Actor } from '../../platform/audit.js';
import { withAudit } from '../../platform/audit.js';
import type { ContractRecord } from './repository.js';

/** Whether the reporting frequency may still change: not once the supplier has started a report for a period. */
export async function frequencyLocked(db: Db, contractId: string): Promise<boolean> {
  const [row] = await db.select({ n: count() }).from(deliveryReports).where(eq(deliveryReports.contractId, contractId));
  return (row?.n ?? 0) > 0;
}

/** Changes who manages the contract and how often its supplier reports. */
export async function changeDetails(db: Db, actor: Actor, contract: ContractRecord, change: { managerId: string | null; frequency: ReportingFrequency }) {
  await withAudit(db, actor, `Changed the details of contract ${contract.reference}`, async (tx) => {
    await tx
      .update(contracts)
      .set({ contractManagerId: change.managerId, reportingFrequency: change.frequency, updatedAt: new Date() })
      .where(eq(contracts.id, contract.id));
  });
}
