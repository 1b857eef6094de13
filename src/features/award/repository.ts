import { and, arrayContains, asc, eq, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../../db/client.js';
import {
  bidCommitments,
  bids,
  contractCommitments,
  contracts,
  evaluatorScores,
  frameworkVersions,
  measures,
  organisations,
  requirements,
  tenders,
  users,
} from '../../db/schema/index.js';
import { requirementColumns } from '../requirements/repository.js';

/** The queries of the award, the evaluation report and the feedback letters. */

const owners = alias(users, 'owners');

/** A tender with its requirement, the requirement's owner (the bidders' contact) and the frozen framework version. */
export async function findTender(db: DbOrTx, tenderId: string) {
  const [row] = await db
    .select({
      id: tenders.id,
      number: tenders.number,
      title: tenders.title,
      status: tenders.status,
      svWeightBps: tenders.svWeightBps,
      lowWeightReason: tenders.lowWeightReason,
      quantitativeShareBps: tenders.quantitativeShareBps,
      quantitativeMethod: tenders.quantitativeMethod,
      scale: tenders.scale,
      closingAt: tenders.closingAt,
      riskShareBps: tenders.riskShareBps,
      publishedAt: tenders.publishedAt,
      moderationLockedAt: tenders.moderationLockedAt,
      awardReason: tenders.awardReason,
      frameworkVersionId: tenders.frameworkVersionId,
      frameworkVersionNumber: frameworkVersions.number,
      frameworkVersionName: frameworkVersions.name,
      requirement: {
        ...requirementColumns,
        ownerName: owners.name,
        ownerEmail: owners.email,
      },
    })
    .from(tenders)
    .innerJoin(requirements, eq(requirements.id, tenders.requirementId))
    .innerJoin(owners, eq(owners.id, requirements.ownerId))
    .innerJoin(frameworkVersions, eq(frameworkVersions.id, tenders.frameworkVersionId))
    .where(eq(tenders.id, tenderId))
    .limit(1);
  return row ?? null;
}

export type TenderRecord = NonNullable<Awaited<ReturnType<typeof findTender>>>;

const managers = alias(users, 'managers');

/** The contract made when the tender was awarded, or null while it has not been. */
export async function findAwardedContract(db: DbOrTx, tenderId: string) {
  const [row] = await db
    .select({
      id: contracts.id,
      reference: contracts.reference,
      title: contracts.title,
      bidId: contracts.bidId,
      supplierId: contracts.supplierId,
      supplierName: organisations.name,
      valuePence: contracts.valuePence,
      valueIncludesVat: contracts.valueIncludesVat,
      startDate: contracts.startDate,
      endDate: contracts.endDate,
      applicability: contracts.applicability,
      reportingFrequency: contracts.reportingFrequency,
      contractManagerName: managers.name,
      contractManagerEmail: managers.email,
      createdAt: contracts.createdAt,
    })
    .from(contracts)
    .innerJoin(organisations, eq(organisations.id, contracts.supplierId))
    .leftJoin(managers, eq(managers.id, contracts.contractManagerId))
    .where(and(eq(contracts.tenderId, tenderId), eq(contracts.source, 'award')))
    .limit(1);
  return row ?? null;
}

export type AwardedContract = NonNullable<Awaited<ReturnType<typeof findAwardedContract>>>;

const measureColumns = {
  measureId: measures.id,
  code: measures.code,
  title: measures.title,
  unit: measures.unit,
  proxyPencePerUnit: measures.proxyPencePerUnit,
  deadweightBps: measures.deadweightBps,
  attributionBps: measures.attributionBps,
};

/** What a bid committed to, as stored, to be copied into the contract. */
export async function listCommitmentsOfBid(db: DbOrTx, bidId: string) {
  return db
    .select({
      measureId: bidCommitments.measureId,
      quantityHundredths: bidCommitments.quantityHundredths,
      profile: bidCommitments.profile,
      districts: bidCommitments.districts,
      narrative: bidCommitments.narrative,
    })
    .from(bidCommitments)
    .where(eq(bidCommitments.bidId, bidId));
}

/** A contract's commitments (its KPIs), with their measures. */
export async function listContractCommitments(db: DbOrTx, contractId: string) {
  return db
    .select({
      id: contractCommitments.id,
      quantityHundredths: contractCommitments.quantityHundredths,
      profile: contractCommitments.profile,
      districts: contractCommitments.districts,
      narrative: contractCommitments.narrative,
      ...measureColumns,
    })
    .from(contractCommitments)
    .innerJoin(measures, eq(measures.id, contractCommitments.measureId))
    .where(eq(contractCommitments.contractId, contractId))
    .orderBy(asc(measures.code));
}

/** Active users who manage contracts, for the award's choice of contract manager. */
export async function listContractManagers(db: DbOrTx) {
  return db
    .select({ id: users.id, name: users.name, email: users.email })
    .from(users)
    .where(and(eq(users.active, true), arrayContains(users.roles, ['contract_manager'])))
    .orderBy(asc(sql`lower(${users.name})`));
}

export async function isContractReferenceTaken(db: DbOrTx, reference: string): Promise<boolean> {
  const [row] = await db
    .select({ id: contracts.id })
    .from(contracts)
    .where(eq(sql`lower(${contracts.reference})`, reference.toLowerCase()))
    .limit(1);
  return !!row;
}

/** Each evaluator's independent score of every answer of the tender's submitted bids, for the evaluation report. */
export async function listTenderEvaluatorScores(db: DbOrTx, tenderId: string) {
  return db
    .select({
      bidId: evaluatorScores.bidId,
      questionId: evaluatorScores.questionId,
      evaluatorName: users.name,
      score: evaluatorScores.score,
    })
    .from(evaluatorScores)
    .innerJoin(bids, eq(bids.id, evaluatorScores.bidId))
    .innerJoin(users, eq(users.id, evaluatorScores.evaluatorId))
    .where(and(eq(bids.tenderId, tenderId), eq(bids.status, 'submitted')))
    .orderBy(asc(sql`lower(${users.name})`));
}
