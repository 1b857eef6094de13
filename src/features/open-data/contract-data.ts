import { and, asc, eq, gt, inArray, isNotNull, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { contractAwards, contractCommitments, contracts, deliveryReports, measures, organisations, outcomes, reportLines } from '../../db/schema/index.js';

/**
 * The contracts, commitments and verified delivery that open data (the OCDS package and the API) is made of.
 * `published` reads only contracts the council has published; `all` reads every contract (the API's staff scope).
 * Only verified report lines are ever read: drafts, queries, evidence and people never leave through here.
 */
export type Visibility = 'published' | 'all';

function visible(visibility: Visibility): SQL | undefined {
  return visibility === 'published' ? isNotNull(contracts.publishedAt) : undefined;
}

const contractColumns = {
  id: contracts.id,
  reference: contracts.reference,
  title: contracts.title,
  description: contracts.description,
  directorate: contracts.directorate,
  valuePence: contracts.valuePence,
  valueIncludesVat: contracts.valueIncludesVat,
  startDate: contracts.startDate,
  endDate: contracts.endDate,
  applicability: contracts.applicability,
  publishedAt: contracts.publishedAt,
  updatedAt: contracts.updatedAt,
  supplierId: organisations.id,
  supplierName: organisations.name,
  supplierCompanyNumber: organisations.companiesHouseNumber,
  supplierCharityNumber: organisations.charityNumber,
  supplierSize: organisations.size,
  supplierIsVcse: organisations.isVcse,
  supplierIsSocialEnterprise: organisations.isSocialEnterprise,
  supplierDistrict: organisations.district,
  supplierIsLocal: organisations.isLocal,
  sourceOcid: contractAwards.ocid,
};

/** Contracts in id order after the given id (keyset pagination: stable while rows are added or changed). */
export async function contractsAfter(db: DbOrTx, visibility: Visibility, afterId: string | null, limit: number) {
  return db
    .select(contractColumns)
    .from(contracts)
    .innerJoin(organisations, eq(organisations.id, contracts.supplierId))
    .leftJoin(contractAwards, eq(contractAwards.contractId, contracts.id))
    .where(and(visible(visibility), afterId ? gt(contracts.id, afterId) : undefined))
    .orderBy(asc(contracts.id))
    .limit(limit);
}

export type ContractRow = Awaited<ReturnType<typeof contractsAfter>>[number];

export async function contractById(db: DbOrTx, visibility: Visibility, id: string): Promise<ContractRow | null> {
  const [row] = await db
    .select(contractColumns)
    .from(contracts)
    .innerJoin(organisations, eq(organisations.id, contracts.supplierId))
    .leftJoin(contractAwards, eq(contractAwards.contractId, contracts.id))
    .where(and(visible(visibility), eq(contracts.id, id)));
  return row ?? null;
}

const measureColumns = {
  measureId: measures.id,
  measureCode: measures.code,
  measureTitle: measures.title,
  unit: measures.unit,
  proxyPencePerUnit: measures.proxyPencePerUnit,
  deadweightBps: measures.deadweightBps,
  attributionBps: measures.attributionBps,
  frameworkVersionId: measures.versionId,
  outcomeCode: outcomes.code,
  outcomeTitle: outcomes.title,
};

function commitmentQuery(db: DbOrTx) {
  return db
    .select({
      id: contractCommitments.id,
      contractId: contractCommitments.contractId,
      quantityHundredths: contractCommitments.quantityHundredths,
      originalQuantityHundredths: contractCommitments.originalQuantityHundredths,
      profile: contractCommitments.profile,
      districts: contractCommitments.districts,
      narrative: contractCommitments.narrative,
      ...measureColumns,
    })
    .from(contractCommitments)
    .innerJoin(contracts, eq(contracts.id, contractCommitments.contractId))
    .innerJoin(measures, eq(measures.id, contractCommitments.measureId))
    .innerJoin(outcomes, eq(outcomes.id, measures.outcomeId))
    .$dynamic();
}

export type CommitmentRow = Awaited<ReturnType<typeof commitmentQuery>>[number];

export async function commitmentsOf(db: DbOrTx, contractIds: string[]): Promise<CommitmentRow[]> {
  if (!contractIds.length) return [];
  return commitmentQuery(db).where(inArray(contractCommitments.contractId, contractIds)).orderBy(asc(contractCommitments.id));
}

export async function commitmentsAfter(db: DbOrTx, visibility: Visibility, afterId: string | null, limit: number): Promise<CommitmentRow[]> {
  return commitmentQuery(db)
    .where(and(visible(visibility), afterId ? gt(contractCommitments.id, afterId) : undefined))
    .orderBy(asc(contractCommitments.id))
    .limit(limit);
}

function deliveredQuery(db: DbOrTx) {
  return db
    .select({
      id: reportLines.id,
      contractId: deliveryReports.contractId,
      commitmentId: reportLines.commitmentId,
      periodStart: deliveryReports.periodStart,
      periodEnd: deliveryReports.periodEnd,
      quantityHundredths: reportLines.quantityHundredths,
      districts: reportLines.districts,
      narrative: reportLines.narrative,
      verifiedAt: reportLines.decidedAt,
      ...measureColumns,
    })
    .from(reportLines)
    .innerJoin(deliveryReports, eq(deliveryReports.id, reportLines.reportId))
    .innerJoin(contracts, eq(contracts.id, deliveryReports.contractId))
    .innerJoin(measures, eq(measures.id, reportLines.measureId))
    .innerJoin(outcomes, eq(outcomes.id, measures.outcomeId))
    .$dynamic();
}

/** A verified line of a delivery report: what was delivered, for a commitment or as additional social value. */
export type DeliveredRow = Awaited<ReturnType<typeof deliveredQuery>>[number];

export async function deliveredOf(db: DbOrTx, contractIds: string[]): Promise<DeliveredRow[]> {
  if (!contractIds.length) return [];
  return deliveredQuery(db)
    .where(and(inArray(deliveryReports.contractId, contractIds), eq(reportLines.status, 'verified')))
    .orderBy(asc(deliveryReports.periodStart), asc(reportLines.id));
}

export async function deliveredAfter(db: DbOrTx, visibility: Visibility, afterId: string | null, limit: number): Promise<DeliveredRow[]> {
  return deliveredQuery(db)
    .where(and(visible(visibility), eq(reportLines.status, 'verified'), afterId ? gt(reportLines.id, afterId) : undefined))
    .orderBy(asc(reportLines.id))
    .limit(limit);
}
