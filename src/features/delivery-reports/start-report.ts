import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { deliveryReports } from '../../db/schema/index.js';
import { formatDate } from '../../domain/dates.js';
import { reportingPeriods } from '../../domain/reporting-periods.js';
import { withAudit, type Actor } from '../../platform/audit.js';
import { addMetPledgesToReport } from '../community-needs/report-pledges.js';
import type { ContractRecord } from '../contracts/repository.js';

export type StartResult = { ok: true; reportId: string } | { ok: false; problem: string };

/**
 * Starts the draft report of one of the contract's periods once that period has ended. A period that already has a
 * report gives that report: two people starting the same period at once both land on the one draft.
 */
export async function startReport(db: Db, actor: Actor, contract: ContractRecord, periodStart: string, today: string): Promise<StartResult> {
  const period = reportingPeriods(contract.startDate, contract.endDate, contract.reportingFrequency).find((p) => p.periodStart === periodStart);
  if (!period) return { ok: false, problem: 'This is not one of the reporting periods of the contract. Choose a period from the list.' };
  const existing = async () => {
    const [row] = await db
      .select({ id: deliveryReports.id })
      .from(deliveryReports)
      .where(and(eq(deliveryReports.contractId, contract.id), eq(deliveryReports.periodStart, periodStart)));
    return row?.id ?? null;
  };
  const found = await existing();
  if (found) return { ok: true, reportId: found };
  if (period.periodEnd >= today) {
    return { ok: false, problem: `The ${period.label} report cannot be started until the period ends on ${formatDate(period.periodEnd)}.` };
  }
  const inserted = await withAudit(db, actor, `Started the ${period.label} report on contract ${contract.reference}`, async (tx) => {
    const rows = await tx
      .insert(deliveryReports)
      .values({ contractId: contract.id, periodStart: period.periodStart, periodEnd: period.periodEnd, dueDate: period.dueDate })
      .onConflictDoNothing({ target: [deliveryReports.contractId, deliveryReports.periodStart] })
      .returning({ id: deliveryReports.id });
    // pledges met by the end of the period that no report carries yet come in as lines waiting for verification
    if (rows[0]) await addMetPledgesToReport(tx, { id: rows[0].id, contractId: contract.id, periodEnd: period.periodEnd });
    return rows;
  });
  const reportId = inserted[0]?.id ?? (await existing());
  return { ok: true, reportId: reportId! };
}
