/**
 * Where each contract's commitments stand today (DESIGN.md section 3, src/domain/rag.ts): profiled to date, verified delivered to date,
 * RAG and the value of what was delivered, and the contract's rating on the Procurement Act 2023 scale, computed
 * from its commitments and overridden by an officer's rating when one is set. Only verified lines count.
 * Four queries whatever the number of contracts.
 */
import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { contractCommitments, contracts, deliveryReports, measures, reportLines, type ContractRating } from '../../db/schema/index.js';
import type { ProfilePeriod } from '../../db/schema/procurement.js';
import { contractRating, deliveredPercent, profiledToDate, rag, type Rag } from '../../domain/rag.js';
import { measuredUntil, reportingPeriods } from '../../domain/reporting-periods.js';
import { socialValuePence, type Valuation } from '../../domain/social-value.js';

export interface CommitmentStatus {
  commitmentId: string;
  profiledToDate: number;
  deliveredToDate: number;
  /** whole per cent of profiled to date, null while nothing is due */
  percent: number | null;
  rag: Rag;
  /** pounds (pence) of verified delivery, null for a measure counted only in its own unit */
  valuePence: number | null;
}

export interface ContractStatus {
  contractId: string;
  /** delivery is measured against the profile up to this date: the end of the latest period whose report is due */
  measuredUntil: string | null;
  commitments: CommitmentStatus[];
  computedRating: ContractRating | null;
  effectiveRating: ContractRating | null;
  overridden: boolean;
  /** pence of verified delivery against the commitments (valued measures only) */
  deliveredValuePence: number;
  /** pence of verified additional social value (lines outside the commitments) */
  additionalValuePence: number;
}

/** One commitment's status from its current profile and its verified delivery. */
export function commitmentStatus(
  commitmentId: string,
  profile: readonly ProfilePeriod[],
  deliveredHundredths: number,
  valuation: Valuation,
  measuredUntil: string | null,
): CommitmentStatus {
  const profiled = profiledToDate(profile, measuredUntil);
  return {
    commitmentId,
    profiledToDate: profiled,
    deliveredToDate: deliveredHundredths,
    percent: deliveredPercent(deliveredHundredths, profiled),
    rag: rag(deliveredHundredths, profiled),
    valuePence: socialValuePence(deliveredHundredths, valuation),
  };
}

/** A contract's status from its commitments' statuses, its override and its additional value. */
export function contractStatus(
  contractId: string,
  measuredUntil: string | null,
  commitments: CommitmentStatus[],
  override: ContractRating | null,
  additionalValuePence: number,
): ContractStatus {
  const computedRating = contractRating(commitments.map((c) => c.rag));
  return {
    contractId,
    measuredUntil,
    commitments,
    computedRating,
    effectiveRating: override ?? computedRating,
    overridden: override !== null,
    deliveredValuePence: commitments.reduce((sum, c) => sum + (c.valuePence ?? 0), 0),
    additionalValuePence,
  };
}

const valuationColumns = {
  proxyPencePerUnit: measures.proxyPencePerUnit,
  deadweightBps: measures.deadweightBps,
  attributionBps: measures.attributionBps,
};

/** The status of every contract asked for, keyed by contract id; unknown ids are left out. */
export async function deliveryStatus(db: DbOrTx, contractIds: readonly string[], today: string): Promise<Map<string, ContractStatus>> {
  const result = new Map<string, ContractStatus>();
  if (contractIds.length === 0) return result;
  const ids = [...new Set(contractIds)];
  const verifiedQuantity = sql<string>`sum(${reportLines.quantityHundredths})`;
  const [contractRows, commitmentRows, deliveredRows, additionalRows] = await Promise.all([
    db
      .select({ id: contracts.id, override: contracts.ratingOverride, startDate: contracts.startDate, endDate: contracts.endDate, frequency: contracts.reportingFrequency })
      .from(contracts)
      .where(inArray(contracts.id, ids)),
    db
      .select({ id: contractCommitments.id, contractId: contractCommitments.contractId, profile: contractCommitments.profile, ...valuationColumns })
      .from(contractCommitments)
      .innerJoin(measures, eq(measures.id, contractCommitments.measureId))
      .where(inArray(contractCommitments.contractId, ids))
      .orderBy(contractCommitments.createdAt, contractCommitments.id),
    db
      .select({ commitmentId: reportLines.commitmentId, quantity: verifiedQuantity })
      .from(reportLines)
      .innerJoin(deliveryReports, eq(deliveryReports.id, reportLines.reportId))
      .where(and(inArray(deliveryReports.contractId, ids), eq(reportLines.status, 'verified')))
      .groupBy(reportLines.commitmentId),
    db
      .select({ contractId: deliveryReports.contractId, quantity: verifiedQuantity, ...valuationColumns })
      .from(reportLines)
      .innerJoin(deliveryReports, eq(deliveryReports.id, reportLines.reportId))
      .innerJoin(measures, eq(measures.id, reportLines.measureId))
      .where(and(inArray(deliveryReports.contractId, ids), eq(reportLines.status, 'verified'), isNull(reportLines.commitmentId)))
      .groupBy(deliveryReports.contractId, measures.id),
  ]);
  const delivered = new Map(deliveredRows.filter((r) => r.commitmentId !== null).map((r) => [r.commitmentId!, Number(r.quantity)]));
  const additional = new Map<string, number>();
  for (const row of additionalRows) {
    additional.set(row.contractId, (additional.get(row.contractId) ?? 0) + (socialValuePence(Number(row.quantity), row) ?? 0));
  }
  const until = new Map(contractRows.map((c) => [c.id, measuredUntil(reportingPeriods(c.startDate, c.endDate, c.frequency), today)]));
  const byContract = new Map<string, CommitmentStatus[]>();
  for (const row of commitmentRows) {
    const list = byContract.get(row.contractId) ?? [];
    list.push(commitmentStatus(row.id, row.profile, delivered.get(row.id) ?? 0, row, until.get(row.contractId) ?? null));
    byContract.set(row.contractId, list);
  }
  for (const row of contractRows) {
    result.set(row.id, contractStatus(row.id, until.get(row.id) ?? null, byContract.get(row.id) ?? [], row.override, additional.get(row.id) ?? 0));
  }
  return result;
}
