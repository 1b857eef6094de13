import { and, eq, inArray, isNotNull, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import type { PgColumn } from 'drizzle-orm/pg-core';
import { contracts, measures, organisations, outcomes } from '../../db/schema/index.js';
import type { DatabaseFilters } from './filters.js';

/** Which rows a query may see beyond the filters: every contract (staff), or only published contracts (the public). */
export interface Scope {
  publishedOnly: boolean;
  /** only these contracts' rows (a page of the public list, a contract's public page) */
  contractIds?: readonly string[];
  /** delivered lines: only verified ones (what the public sees) */
  verifiedOnly?: boolean;
}

/**
 * The measures an outcome or measure filter stands for (a code names one measure in each framework version), or null
 * when neither is set. Read first, so that the row's measure is compared with constants: PostgreSQL then knows from
 * its statistics how rare they are, and finds few matching rows through the measure index instead of reading every
 * row in page order.
 */
export async function measureIdsFor(db: DbOrTx, filters: DatabaseFilters): Promise<string[] | null> {
  if (!filters.measure && !filters.outcome) return null;
  const rows = await db
    .select({ id: measures.id })
    .from(measures)
    .innerJoin(outcomes, eq(outcomes.id, measures.outcomeId))
    .where(and(filters.measure ? eq(measures.code, filters.measure) : undefined, filters.outcome ? eq(outcomes.code, filters.outcome) : undefined));
  return rows.map((r) => r.id);
}

/** The conditions every table of the database shares: the contract, its supplier and the measure (its outcome). */
export function sharedConditions(
  filters: DatabaseFilters,
  scope: Scope,
  columns: { districts: PgColumn; measureId: PgColumn },
  measureIds: string[] | null,
): SQL[] {
  const conditions: SQL[] = [];
  if (measureIds) conditions.push(inArray(columns.measureId, measureIds));
  if (scope.publishedOnly) conditions.push(isNotNull(contracts.publishedAt));
  if (scope.contractIds) conditions.push(inArray(contracts.id, [...scope.contractIds]));
  if (filters.district) conditions.push(sql`${filters.district} = any(${columns.districts})`);
  if (filters.directorate) conditions.push(eq(contracts.directorate, filters.directorate));
  if (filters.supplier) conditions.push(sql`strpos(lower(${organisations.name}), lower(${filters.supplier})) > 0`);
  if (filters.size) conditions.push(eq(organisations.size, filters.size));
  if (filters.vcse) conditions.push(eq(organisations.isVcse, filters.vcse === 'yes'));
  if (filters.local) conditions.push(eq(organisations.isLocal, filters.local === 'yes'));
  if (filters.contract) conditions.push(sql`lower(${contracts.reference}) = lower(${filters.contract})`);
  return conditions;
}

/** The columns every row of the database carries about its contract, supplier, outcome and measure. */
export const sharedColumns = {
  contractId: contracts.id,
  contractNumber: contracts.number,
  reference: contracts.reference,
  contractTitle: contracts.title,
  directorate: contracts.directorate,
  publishedAt: contracts.publishedAt,
  supplierName: organisations.name,
  supplierSize: organisations.size,
  supplierVcse: organisations.isVcse,
  supplierLocal: organisations.isLocal,
  outcomeCode: outcomes.code,
  outcomeTitle: outcomes.title,
  measureCode: measures.code,
  measureTitle: measures.title,
  unit: measures.unit,
  proxyPencePerUnit: measures.proxyPencePerUnit,
  deadweightBps: measures.deadweightBps,
  attributionBps: measures.attributionBps,
};
