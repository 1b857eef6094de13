import { and, asc, desc, eq, gt, gte, inArray, isNotNull, lte, sql, type SQLWrapper } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../../db/client.js';
import {
  contracts,
  organisations,
  svCommitmentFigures,
  svContractFigures,
  svContractQuarters,
  svContractTotals,
  type SummaryScope,
} from '../../db/schema/index.js';
import { addQuarters } from '../../domain/quarters.js';
import { jsonRow, jsonRows, readPart, type SummaryPart } from './parts.js';

export interface ContractTotalsFilter {
  scope?: SummaryScope;
  directorate?: string | null;
  /** quarters the contracts start in (ISO date of their first day), both included */
  from?: string | null;
  to?: string | null;
}

/**
 * Contracts counted: how many, how many in scope of the policy (at or above the policy minimum), their value, and the
 * value with SME suppliers (out of the value whose supplier's size is known), VCSE suppliers and local suppliers.
 */
export interface ContractTotals {
  contracts: number;
  inScopeContracts: number;
  valuePence: number;
  sizeKnownValuePence: number;
  smeValuePence: number;
  vcseValuePence: number;
  localValuePence: number;
}

const totalColumns: Record<keyof ContractTotals, AnyPgColumn> = {
  contracts: svContractTotals.contracts,
  inScopeContracts: svContractTotals.inScopeContracts,
  valuePence: svContractTotals.valuePence,
  sizeKnownValuePence: svContractTotals.sizeKnownValuePence,
  smeValuePence: svContractTotals.smeValuePence,
  vcseValuePence: svContractTotals.vcseValuePence,
  localValuePence: svContractTotals.localValuePence,
};

export function contractTotalsPart(filter: ContractTotalsFilter = {}): SummaryPart<ContractTotals> {
  const sums = Object.entries(totalColumns).map(([name, column]) => sql`coalesce(sum(${column}), 0) as ${sql.identifier(name)}`);
  const where = and(
    eq(svContractTotals.scope, filter.scope ?? 'all'),
    eq(svContractTotals.directorate, filter.directorate ?? '*'),
    filter.from ? gte(svContractTotals.startQuarter, filter.from) : undefined,
    filter.to ? lte(svContractTotals.startQuarter, filter.to) : undefined,
  );
  return { sql: jsonRow(sql`select ${sql.join(sums, sql`, `)} from ${svContractTotals} where ${where}`), read: (json: ContractTotals) => json };
}

export const contractTotals = (db: DbOrTx, filter: ContractTotalsFilter = {}) => readPart(db, contractTotalsPart(filter));

export interface BehindContract {
  contractId: string;
  reference: string;
  title: string;
  directorate: string;
  supplierName: string;
  /** pence due by the end of the quarter under the commitments' profiles (measures with a proxy value) */
  duePence: number;
  /** pence verified against the commitments for periods ending by then */
  verifiedPence: number;
  shortfallPence: number;
}

/**
 * The contracts running in a quarter that are furthest behind their commitments' profiles by its end, in pence:
 * read from the top of an index (its order, nulls last, is the index's), so it costs the same however many contracts
 * there are.
 */
export function mostBehindPart(options: { quarter: string; scope?: SummaryScope; directorate?: string | null; limit?: number }): SummaryPart<BehindContract[]> {
  const where = and(
    eq(svContractQuarters.quarter, options.quarter),
    gt(svContractQuarters.shortfallPence, 0),
    options.directorate ? eq(contracts.directorate, options.directorate) : undefined,
    options.scope === 'published' ? isNotNull(contracts.publishedAt) : undefined,
  );
  return {
    sql: jsonRows(
      sql`select ${contracts.id} as "contractId", ${contracts.reference} as reference, ${contracts.title} as title,
          ${contracts.directorate} as directorate, ${organisations.name} as "supplierName", ${svContractQuarters.duePence} as "duePence",
          ${svContractQuarters.verifiedPence} as "verifiedPence", ${svContractQuarters.shortfallPence} as "shortfallPence"
        from ${svContractQuarters} join ${contracts} on ${contracts.id} = ${svContractQuarters.contractId}
          join ${organisations} on ${organisations.id} = ${contracts.supplierId}
        where ${where}
        order by ${svContractQuarters.shortfallPence} desc nulls last, ${svContractQuarters.contractId}
        limit ${sql.raw(String(Math.trunc(options.limit ?? 10)))}`,
      sql`t."shortfallPence" desc, t."contractId"`,
    ),
    read: (json: BehindContract[]) => json,
  };
}

export interface DeliveringContract {
  contractId: string;
  reference: string;
  title: string;
  directorate: string;
  supplierName: string;
  /** pence verified against the contract's commitments for reporting periods ending in the quarters chosen */
  verifiedPence: number;
  /** pence that its commitments' profiles made due in those quarters */
  duePence: number;
}

/**
 * The contracts that delivered the most verified social value against their commitments in a run of quarters, in
 * pence. Read from each running contract's delivery to the end of each quarter: what it had at the end of the last
 * quarter (or of its own last quarter, if it ended sooner) less what it had at the end of the quarter before the run.
 * Both amounts only grow, so the largest of each is the latest. `among` (a subquery of contract ids) keeps only
 * those contracts: the reports use it for the contracts that have a public case study.
 */
export async function contractsMostDelivered(
  db: DbOrTx,
  options: { from: string; to: string; scope?: SummaryScope; limit?: number; among?: SQLWrapper },
): Promise<DeliveringContract[]> {
  const q = svContractQuarters;
  const within = (column: AnyPgColumn) =>
    sql<number>`coalesce(max(${column}) filter (where ${q.quarter} >= ${options.from}), 0) - coalesce(max(${column}) filter (where ${q.quarter} < ${options.from}), 0)`.mapWith(
      Number,
    );
  const delivered = db
    .select({ contractId: q.contractId, verifiedPence: within(q.verifiedPence).as('verified_pence'), duePence: within(q.duePence).as('due_pence') })
    .from(q)
    .where(and(gte(q.quarter, addQuarters(options.from, -1)), lte(q.quarter, options.to), options.among ? inArray(q.contractId, options.among) : undefined))
    .groupBy(q.contractId)
    .as('delivered');
  return db
    .select({
      contractId: contracts.id,
      reference: contracts.reference,
      title: contracts.title,
      directorate: contracts.directorate,
      supplierName: organisations.name,
      verifiedPence: sql<number>`${delivered.verifiedPence}`.mapWith(Number),
      duePence: sql<number>`${delivered.duePence}`.mapWith(Number),
    })
    .from(delivered)
    .innerJoin(contracts, eq(contracts.id, delivered.contractId))
    .innerJoin(organisations, eq(organisations.id, contracts.supplierId))
    .where(and(gt(delivered.verifiedPence, 0), options.scope === 'published' ? isNotNull(contracts.publishedAt) : undefined))
    .orderBy(desc(delivered.verifiedPence), asc(contracts.id))
    .limit(options.limit ?? 10);
}
export const contractsMostBehind = (db: DbOrTx, options: Parameters<typeof mostBehindPart>[0]) => readPart(db, mostBehindPart(options));

export type ContractFigures = typeof svContractFigures.$inferSelect;
export type CommitmentFigures = typeof svCommitmentFigures.$inferSelect;

/** Each contract's social value in pence: promised, committed, verified delivered and the additional part of it. */
export async function contractFigures(db: DbOrTx, contractIds: string[]): Promise<Map<string, ContractFigures>> {
  if (contractIds.length === 0) return new Map();
  const rows = await db.select().from(svContractFigures).where(inArray(svContractFigures.contractId, contractIds));
  return new Map(rows.map((r) => [r.contractId, r]));
}

/** Each commitment's figures: promised, committed and verified, in hundredths of its unit and in pence where valued. */
export async function commitmentFigures(db: DbOrTx, commitmentIds: string[]): Promise<Map<string, CommitmentFigures>> {
  if (commitmentIds.length === 0) return new Map();
  const rows = await db.select().from(svCommitmentFigures).where(inArray(svCommitmentFigures.commitmentId, commitmentIds));
  return new Map(rows.map((r) => [r.commitmentId, r]));
}

/** The figures of every commitment of some contracts (for a list of contracts with their commitments). */
export async function commitmentFiguresOfContracts(db: DbOrTx, contractIds: string[]): Promise<CommitmentFigures[]> {
  if (contractIds.length === 0) return [];
  return db.select().from(svCommitmentFigures).where(inArray(svCommitmentFigures.contractId, contractIds));
}
