import { eq, inArray, isNotNull, sql, type SQL } from 'drizzle-orm';
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

/** The conditions every table of the database shares: the contract, its supplier and the measure's outcome. */
export function sharedConditions(filters: DatabaseFilters, scope: Scope, districtsColumn: PgColumn): SQL[] {
  const conditions: SQL[] = [];
  if (scope.publishedOnly) conditions.push(isNotNull(contracts.publishedAt));
  if (scope.contractIds) conditions.push(inArray(contracts.id, [...scope.contractIds]));
  if (filters.outcome) conditions.push(eq(outcomes.code, filters.outcome));
  if (filters.measure) conditions.push(eq(measures.code, filters.measure));
  if (filters.district) conditions.push(sql`${filters.district} = any(${districtsColumn})`);
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
