import { and, asc, eq, ne, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { contracts, deliveryReports, frameworkVersions, measures, organisations, outcomes, reportLines } from '../../db/schema/index.js';
import { socialValuePence } from '../../domain/social-value.js';
import { measureIdsFor, sharedColumns, sharedConditions, type Scope } from './conditions.js';
import type { Key } from './cursor.js';
import type { DatabaseFilters } from './filters.js';

/** The shape of a delivered line's key: its contract's number, its report's period start and its own id. */
export const deliveryKeyShape = ['number', 'date', 'uuid'] as const;

/**
 * Lines of delivery reports handed in (a supplier's draft is not in the database yet): verified lines are the
 * delivered outputs; pending, queried and rejected ones are there with their status.
 */
function deliveryQuery(db: DbOrTx, filters: DatabaseFilters, scope: Scope, measureIds: string[] | null, after: Key | null, limit: number) {
  const conditions = [ne(deliveryReports.status, 'draft'), ...sharedConditions(filters, scope, reportLines, measureIds)];
  if (scope.verifiedOnly) conditions.push(eq(reportLines.status, 'verified'));
  if (filters.status) conditions.push(eq(reportLines.status, filters.status));
  if (filters.period) conditions.push(sql`${deliveryReports.periodStart} between ${filters.period.start} and ${filters.period.end}`);
  if (after) {
    // The first part narrows the scan of contracts by number; the row comparison gives the exact place.
    conditions.push(sql`${contracts.number} >= ${after[0]}`);
    conditions.push(sql`(${contracts.number}, ${deliveryReports.periodStart}, ${reportLines.id}) > (${after[0]}, ${after[1]}::date, ${after[2]}::uuid)`);
  }
  return db
    .select({
      id: reportLines.id,
      ...sharedColumns,
      frameworkVersion: frameworkVersions.number,
      periodStart: deliveryReports.periodStart,
      periodEnd: deliveryReports.periodEnd,
      quantityHundredths: reportLines.quantityHundredths,
      status: reportLines.status,
      additional: sql<boolean>`${reportLines.commitmentId} is null`,
      districts: reportLines.districts,
      narrative: reportLines.narrative,
      decidedAt: reportLines.decidedAt,
    })
    .from(reportLines)
    .innerJoin(deliveryReports, eq(deliveryReports.id, reportLines.reportId))
    .innerJoin(contracts, eq(contracts.id, deliveryReports.contractId))
    .innerJoin(organisations, eq(organisations.id, contracts.supplierId))
    .innerJoin(measures, eq(measures.id, reportLines.measureId))
    .innerJoin(outcomes, eq(outcomes.id, measures.outcomeId))
    .innerJoin(frameworkVersions, eq(frameworkVersions.id, measures.versionId))
    .where(and(...conditions))
    .orderBy(asc(contracts.number), asc(deliveryReports.periodStart), asc(reportLines.id))
    .limit(limit);
}

type DeliveryQueryRow = Awaited<ReturnType<typeof deliveryQuery>>[number];

export interface DeliveryRow extends DeliveryQueryRow {
  key: Key;
  valuePence: number | null;
}

/** Up to `limit` delivered lines after `after`, by contract number, period and line. */
export async function deliveryRows(db: DbOrTx, filters: DatabaseFilters, scope: Scope, after: Key | null, limit: number): Promise<DeliveryRow[]> {
  const rows = await deliveryQuery(db, filters, scope, await measureIdsFor(db, filters), after, limit);
  return rows.map((row) => ({ ...row, key: [row.contractNumber, row.periodStart, row.id], valuePence: socialValuePence(row.quantityHundredths, row) }));
}
