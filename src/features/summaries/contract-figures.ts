import { and, asc, desc, eq, gt, gte, inArray, isNotNull, lte, sql } from 'drizzle-orm';
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

const total = (column: AnyPgColumn) => sql<number>`coalesce(sum(${column}), 0)`.mapWith(Number);

export async function contractTotals(db: DbOrTx, filter: ContractTotalsFilter = {}): Promise<ContractTotals> {
  const [row] = await db
    .select({
      contracts: total(svContractTotals.contracts),
      inScopeContracts: total(svContractTotals.inScopeContracts),
      valuePence: total(svContractTotals.valuePence),
      sizeKnownValuePence: total(svContractTotals.sizeKnownValuePence),
      smeValuePence: total(svContractTotals.smeValuePence),
      vcseValuePence: total(svContractTotals.vcseValuePence),
      localValuePence: total(svContractTotals.localValuePence),
    })
    .from(svContractTotals)
    .where(
      and(
        eq(svContractTotals.scope, filter.scope ?? 'all'),
        eq(svContractTotals.directorate, filter.directorate ?? '*'),
        filter.from ? gte(svContractTotals.startQuarter, filter.from) : undefined,
        filter.to ? lte(svContractTotals.startQuarter, filter.to) : undefined,
      ),
    );
  return row!;
}

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
 * read from the top of an index, so it costs the same however many contracts there are.
 */
export async function contractsMostBehind(
  db: DbOrTx,
  options: { quarter: string; scope?: SummaryScope; directorate?: string | null; limit?: number },
): Promise<BehindContract[]> {
  return db
    .select({
      contractId: contracts.id,
      reference: contracts.reference,
      title: contracts.title,
      directorate: contracts.directorate,
      supplierName: organisations.name,
      duePence: svContractQuarters.duePence,
      verifiedPence: svContractQuarters.verifiedPence,
      shortfallPence: sql<number>`${svContractQuarters.shortfallPence}`.mapWith(Number),
    })
    .from(svContractQuarters)
    .innerJoin(contracts, eq(contracts.id, svContractQuarters.contractId))
    .innerJoin(organisations, eq(organisations.id, contracts.supplierId))
    .where(
      and(
        eq(svContractQuarters.quarter, options.quarter),
        gt(svContractQuarters.shortfallPence, 0),
        options.directorate ? eq(contracts.directorate, options.directorate) : undefined,
        options.scope === 'published' ? isNotNull(contracts.publishedAt) : undefined,
      ),
    )
    .orderBy(desc(svContractQuarters.shortfallPence), asc(svContractQuarters.contractId))
    .limit(options.limit ?? 10);
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
 * Both amounts only grow, so the largest of each is the latest.
 */
export async function contractsMostDelivered(
  db: DbOrTx,
  options: { from: string; to: string; scope?: SummaryScope; limit?: number },
): Promise<DeliveringContract[]> {
  const q = svContractQuarters;
  const within = (column: AnyPgColumn) =>
    sql<number>`coalesce(max(${column}) filter (where ${q.quarter} >= ${options.from}), 0) - coalesce(max(${column}) filter (where ${q.quarter} < ${options.from}), 0)`.mapWith(
      Number,
    );
  const delivered = db
    .select({ contractId: q.contractId, verifiedPence: within(q.verifiedPence).as('verified_pence'), duePence: within(q.duePence).as('due_pence') })
    .from(q)
    .where(and(gte(q.quarter, addQuarters(options.from, -1)), lte(q.quarter, options.to)))
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
