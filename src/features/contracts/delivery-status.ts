/**
 * Where each contract's commitments stand today (DESIGN.md section 3, src/domain/rag.ts): profiled to date, verified delivered to date,
 * RAG and the value of what was delivered, and the contract's rating on the Procurement Act 2023 scale, computed
 * from its commitments and overridden by an officer's rating when one is set. Only verified lines count.
 * A constant number of queries whatever the number of contracts.
 */
import { and, eq, inArray, ne, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { contractCommitments, contracts, deliveryReports, measures, reportLines, type ContractRating } from '../../db/schema/index.js';
import type { ProfilePeriod } from '../../db/schema/procurement.js';
import { profiledToDate } from '../../domain/delivery-profile.js';
import { contractRating, deliveredPercent, rag, type Rag } from '../../domain/rag.js';
import { measuredUntil, reportingPeriods, type ReportingFrequency } from '../../domain/reporting-periods.js';
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

/** What a contract's status needs of the contract. */
export interface ContractTerms {
  id: string;
  ratingOverride: ContractRating | null;
  startDate: string;
  endDate: string;
  reportingFrequency: ReportingFrequency;
}

/** What a contract's status needs of each commitment: its current profile and its measure's valuation. */
export interface ValuedCommitment extends Valuation {
  id: string;
  profile: readonly ProfilePeriod[];
}

interface VerifiedDelivery {
  /** hundredths verified per commitment */
  delivered: Map<string, number>;
  /** pence of verified additional social value per contract */
  additional: Map<string, number>;
  /** the end of the latest period with a report handed in, per contract */
  lastHandedIn: Map<string, string>;
}

/** Verified delivery of the contracts, and how far their reports have been handed in: two queries. */
async function verifiedDelivery(db: DbOrTx, contractIds: readonly string[]): Promise<VerifiedDelivery> {
  const ids = [...contractIds];
  const handedIn = db
    .select({ contractId: deliveryReports.contractId, periodEnd: sql<string>`max(${deliveryReports.periodEnd})::text` })
    .from(deliveryReports)
    .where(and(inArray(deliveryReports.contractId, ids), ne(deliveryReports.status, 'draft')))
    .groupBy(deliveryReports.contractId);
  const lines = db
    .select({
      contractId: deliveryReports.contractId,
      commitmentId: reportLines.commitmentId,
      quantity: sql<string>`sum(${reportLines.quantityHundredths})`,
      ...valuationColumns,
    })
    .from(reportLines)
    .innerJoin(deliveryReports, eq(deliveryReports.id, reportLines.reportId))
    .innerJoin(measures, eq(measures.id, reportLines.measureId))
    .where(and(inArray(deliveryReports.contractId, ids), eq(reportLines.status, 'verified')))
    .groupBy(deliveryReports.contractId, reportLines.commitmentId, measures.id);
  const [rows, handedInRows] = await Promise.all([lines, handedIn]);
  const delivered = new Map<string, number>();
  const additional = new Map<string, number>();
  for (const row of rows) {
    const quantity = Number(row.quantity);
    if (row.commitmentId) delivered.set(row.commitmentId, (delivered.get(row.commitmentId) ?? 0) + quantity);
    else additional.set(row.contractId, (additional.get(row.contractId) ?? 0) + (socialValuePence(quantity, row) ?? 0));
  }
  return { delivered, additional, lastHandedIn: new Map(handedInRows.map((r) => [r.contractId, r.periodEnd])) };
}

function statusOf(contract: ContractTerms, commitments: readonly ValuedCommitment[], delivery: VerifiedDelivery, today: string): ContractStatus {
  const periods = reportingPeriods(contract.startDate, contract.endDate, contract.reportingFrequency);
  const until = measuredUntil(periods, today, delivery.lastHandedIn.get(contract.id) ?? null);
  return contractStatus(
    contract.id,
    until,
    commitments.map((c) => commitmentStatus(c.id, c.profile, delivery.delivered.get(c.id) ?? 0, c, until)),
    contract.ratingOverride,
    delivery.additional.get(contract.id) ?? 0,
  );
}

/** The status of one contract whose terms and commitments are already loaded (the contract page): two queries. */
export async function contractDeliveryStatus(
  db: DbOrTx,
  contract: ContractTerms,
  commitments: readonly ValuedCommitment[],
  today: string,
): Promise<ContractStatus> {
  return statusOf(contract, commitments, await verifiedDelivery(db, [contract.id]), today);
}

/** The status of every contract asked for, keyed by contract id; unknown ids are left out. Three queries. */
export async function deliveryStatus(db: DbOrTx, contractIds: readonly string[], today: string): Promise<Map<string, ContractStatus>> {
  const result = new Map<string, ContractStatus>();
  if (contractIds.length === 0) return result;
  const ids = [...new Set(contractIds)];
  const [contractRows, commitmentRows, delivery] = await Promise.all([
    db
      .select({
        id: contracts.id,
        ratingOverride: contracts.ratingOverride,
        startDate: contracts.startDate,
        endDate: contracts.endDate,
        reportingFrequency: contracts.reportingFrequency,
      })
      .from(contracts)
      .where(inArray(contracts.id, ids)),
    db
      .select({ id: contractCommitments.id, contractId: contractCommitments.contractId, profile: contractCommitments.profile, ...valuationColumns })
      .from(contractCommitments)
      .innerJoin(measures, eq(measures.id, contractCommitments.measureId))
      .where(inArray(contractCommitments.contractId, ids))
      .orderBy(contractCommitments.createdAt, contractCommitments.id),
    verifiedDelivery(db, ids),
  ]);
  const byContract = new Map<string, ValuedCommitment[]>();
  for (const row of commitmentRows) byContract.set(row.contractId, [...(byContract.get(row.contractId) ?? []), row]);
  for (const contract of contractRows) result.set(contract.id, statusOf(contract, byContract.get(contract.id) ?? [], delivery, today));
  return result;
}
