import { and, eq, ne, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { deliveryReports, reportLines, type lineStatuses, type reportStatuses } from '../../db/schema/index.js';

type LineStatus = (typeof lineStatuses)[number];
type SubmittedReportStatus = Exclude<(typeof reportStatuses)[number], 'draft'>;

/**
 * A submitted report's status from its lines: waiting for the supplier while any line is queried, waiting for the
 * council while any line is pending, otherwise decided: rejected when every line was rejected, else verified.
 * A report without lines has nothing to decide and stays submitted.
 */
export function reportStatusFrom(lines: readonly LineStatus[]): SubmittedReportStatus {
  if (lines.length === 0) return 'submitted';
  if (lines.includes('queried')) return 'queried';
  if (lines.includes('pending')) return 'submitted';
  return lines.every((s) => s === 'rejected') ? 'rejected' : 'verified';
}

/**
 * Sets a submitted report's status from its lines, after every decision or answer, in the same transaction.
 * The caller holds the report's row lock (see lockSubmittedReport), so two decisions at once cannot both read
 * the lines before the other's change and leave a stale status. A draft is never touched.
 */
export async function refreshReportStatus(tx: Tx, reportId: string): Promise<SubmittedReportStatus> {
  const lines = await tx.select({ status: reportLines.status }).from(reportLines).where(eq(reportLines.reportId, reportId));
  const status = reportStatusFrom(lines.map((l) => l.status));
  await tx
    .update(deliveryReports)
    .set({ status, updatedAt: sql`now()` })
    .where(and(eq(deliveryReports.id, reportId), ne(deliveryReports.status, 'draft')));
  return status;
}

/** Locks a report for a decision or an answer; false when it is missing or still a draft (never decided). */
export async function lockSubmittedReport(tx: Tx, reportId: string): Promise<boolean> {
  const [report] = await tx.select({ status: deliveryReports.status }).from(deliveryReports).where(eq(deliveryReports.id, reportId)).for('update');
  return !!report && report.status !== 'draft';
}
