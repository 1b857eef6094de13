import { and, asc, count, desc, eq, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../../db/client.js';
import {
  auditEvents,
  commitmentVariations,
  contractCommitments,
  contracts,
  deliveryReports,
  measures,
  organisations,
  remediationActions,
  tenders,
  users,
} from '../../db/schema/index.js';
import type { Page } from '../../domain/pagination.js';

export type ContractSource = (typeof contracts.source.enumValues)[number];

export interface RegisterFilters {
  supplier: string;
  /** a user id, 'none' for contracts without a manager, or '' for any */
  manager: string;
  source: ContractSource | '';
  /** only contracts with a variation waiting for approval, or an open remediation action due by today */
  waiting?: ContractWaiting | '';
}

export const contractWaiting = ['variations', 'remediation'] as const;
export type ContractWaiting = (typeof contractWaiting)[number];

/** The condition for contracts waiting on something, shared with the home page's counts. */
export function contractWaitingCondition(waiting: ContractWaiting): SQL {
  return waiting === 'variations'
    ? sql`exists (select 1 from commitment_variations v join contract_commitments c on c.id = v.commitment_id
                   where c.contract_id = ${contracts.id} and v.status = 'pending')`
    : sql`exists (select 1 from remediation_actions r where r.contract_id = ${contracts.id} and r.status = 'open' and r.due_date <= current_date)`;
}

function registerConditions(filters: RegisterFilters): SQL | undefined {
  const conditions: SQL[] = [];
  if (filters.supplier) conditions.push(sql`strpos(lower(${organisations.name}), lower(${filters.supplier})) > 0`);
  if (filters.manager === 'none') conditions.push(sql`${contracts.contractManagerId} is null`);
  else if (filters.manager) conditions.push(eq(contracts.contractManagerId, filters.manager));
  if (filters.source) conditions.push(eq(contracts.source, filters.source));
  if (filters.waiting) conditions.push(contractWaitingCondition(filters.waiting));
  return conditions.length ? and(...conditions) : undefined;
}

const registerColumns = {
  id: contracts.id,
  reference: contracts.reference,
  title: contracts.title,
  supplierName: organisations.name,
  valuePence: contracts.valuePence,
  applicability: contracts.applicability,
  startDate: contracts.startDate,
  endDate: contracts.endDate,
  managerName: users.name,
  source: contracts.source,
};

function registerQuery(db: DbOrTx, filters: RegisterFilters) {
  return db
    .select(registerColumns)
    .from(contracts)
    .innerJoin(organisations, eq(organisations.id, contracts.supplierId))
    .leftJoin(users, eq(users.id, contracts.contractManagerId))
    .where(registerConditions(filters))
    .orderBy(desc(contracts.startDate), asc(contracts.reference))
    .$dynamic();
}

export type RegisterRow = Awaited<ReturnType<typeof registerQuery>>[number];

/** One page of the register, newest first, and how many contracts match. */
export async function listContracts(db: DbOrTx, filters: RegisterFilters, page: Page): Promise<{ rows: RegisterRow[]; total: number }> {
  const [rows, [total]] = await Promise.all([
    registerQuery(db, filters).limit(page.size).offset(page.offset),
    db.select({ n: count() }).from(contracts).innerJoin(organisations, eq(organisations.id, contracts.supplierId)).where(registerConditions(filters)),
  ]);
  return { rows, total: total?.n ?? 0 };
}

/** Every matching contract, for filtering by rating (which is computed, not stored). */
export async function listAllContracts(db: DbOrTx, filters: RegisterFilters): Promise<RegisterRow[]> {
  return registerQuery(db, filters);
}

/** The people who can manage contracts, for choosing a contract manager. */
export async function contractManagers(db: DbOrTx): Promise<{ id: string; name: string }[]> {
  return db
    .select({ id: users.id, name: users.name })
    .from(users)
    .where(and(eq(users.active, true), sql`${users.roles} && array['contract_manager','officer']::text[]`))
    .orderBy(asc(users.name));
}

const overrider = alias(users, 'overrider');
const publisher = alias(users, 'publisher');

export async function loadContract(db: DbOrTx, id: string) {
  const [row] = await db
    .select({
      id: contracts.id,
      reference: contracts.reference,
      title: contracts.title,
      description: contracts.description,
      directorate: contracts.directorate,
      supplierId: contracts.supplierId,
      supplierName: organisations.name,
      valuePence: contracts.valuePence,
      valueIncludesVat: contracts.valueIncludesVat,
      startDate: contracts.startDate,
      endDate: contracts.endDate,
      contractManagerId: contracts.contractManagerId,
      managerName: users.name,
      applicability: contracts.applicability,
      source: contracts.source,
      tenderId: contracts.tenderId,
      tenderTitle: tenders.title,
      frameworkVersionId: contracts.frameworkVersionId,
      reportingFrequency: contracts.reportingFrequency,
      ratingOverride: contracts.ratingOverride,
      ratingOverrideReason: contracts.ratingOverrideReason,
      ratingOverrideByName: overrider.name,
      publishedAt: contracts.publishedAt,
      publishedByName: publisher.name,
    })
    .from(contracts)
    .innerJoin(organisations, eq(organisations.id, contracts.supplierId))
    .leftJoin(users, eq(users.id, contracts.contractManagerId))
    .leftJoin(overrider, eq(overrider.id, contracts.ratingOverrideBy))
    .leftJoin(publisher, eq(publisher.id, contracts.publishedBy))
    .leftJoin(tenders, eq(tenders.id, contracts.tenderId))
    .where(eq(contracts.id, id));
  return row ?? null;
}

export type ContractRecord = NonNullable<Awaited<ReturnType<typeof loadContract>>>;

const originalMeasure = alias(measures, 'original_measure');

export async function loadCommitments(db: DbOrTx, contractId: string) {
  return db
    .select({
      id: contractCommitments.id,
      measureId: contractCommitments.measureId,
      code: measures.code,
      title: measures.title,
      unit: measures.unit,
      quantityHundredths: contractCommitments.quantityHundredths,
      profile: contractCommitments.profile,
      proxyPencePerUnit: measures.proxyPencePerUnit,
      deadweightBps: measures.deadweightBps,
      attributionBps: measures.attributionBps,
      originalMeasureId: contractCommitments.originalMeasureId,
      originalCode: originalMeasure.code,
      originalTitle: originalMeasure.title,
      originalUnit: originalMeasure.unit,
      originalQuantityHundredths: contractCommitments.originalQuantityHundredths,
      originalProfile: contractCommitments.originalProfile,
    })
    .from(contractCommitments)
    .innerJoin(measures, eq(measures.id, contractCommitments.measureId))
    .innerJoin(originalMeasure, eq(originalMeasure.id, contractCommitments.originalMeasureId))
    .where(eq(contractCommitments.contractId, contractId))
    .orderBy(asc(contractCommitments.createdAt), asc(contractCommitments.id));
}

export type CommitmentRecord = Awaited<ReturnType<typeof loadCommitments>>[number];

export async function loadReports(db: DbOrTx, contractId: string) {
  return db
    .select({
      id: deliveryReports.id,
      periodStart: deliveryReports.periodStart,
      periodEnd: deliveryReports.periodEnd,
      dueDate: deliveryReports.dueDate,
      status: deliveryReports.status,
      submittedAt: deliveryReports.submittedAt,
    })
    .from(deliveryReports)
    .where(eq(deliveryReports.contractId, contractId))
    .orderBy(desc(deliveryReports.periodStart));
}

const requester = alias(users, 'requester');
const decider = alias(users, 'decider');
const proposedMeasure = alias(measures, 'proposed_measure');

/** The variations of a contract's commitments, newest first. */
export async function loadVariations(db: DbOrTx, contractId: string, variationId?: string) {
  return db
    .select({
      id: commitmentVariations.id,
      commitmentId: commitmentVariations.commitmentId,
      proposedMeasureId: commitmentVariations.proposedMeasureId,
      proposedCode: proposedMeasure.code,
      proposedTitle: proposedMeasure.title,
      proposedUnit: proposedMeasure.unit,
      proposedQuantityHundredths: commitmentVariations.proposedQuantityHundredths,
      proposedProfile: commitmentVariations.proposedProfile,
      reason: commitmentVariations.reason,
      status: commitmentVariations.status,
      requestedBy: commitmentVariations.requestedBy,
      requestedByName: requester.name,
      requestedAt: commitmentVariations.requestedAt,
      decidedByName: decider.name,
      decidedAt: commitmentVariations.decidedAt,
      decisionNote: commitmentVariations.decisionNote,
    })
    .from(commitmentVariations)
    .innerJoin(contractCommitments, eq(contractCommitments.id, commitmentVariations.commitmentId))
    .innerJoin(proposedMeasure, eq(proposedMeasure.id, commitmentVariations.proposedMeasureId))
    .innerJoin(requester, eq(requester.id, commitmentVariations.requestedBy))
    .leftJoin(decider, eq(decider.id, commitmentVariations.decidedBy))
    .where(and(eq(contractCommitments.contractId, contractId), variationId ? eq(commitmentVariations.id, variationId) : undefined))
    .orderBy(desc(commitmentVariations.requestedAt));
}

export type VariationRecord = Awaited<ReturnType<typeof loadVariations>>[number];

export async function loadRemediation(db: DbOrTx, contractId: string) {
  return db
    .select({
      id: remediationActions.id,
      commitmentId: remediationActions.commitmentId,
      action: remediationActions.action,
      owner: remediationActions.owner,
      dueDate: remediationActions.dueDate,
      status: remediationActions.status,
      closedAt: remediationActions.closedAt,
      closureNote: remediationActions.closureNote,
      createdAt: remediationActions.createdAt,
    })
    .from(remediationActions)
    .where(eq(remediationActions.contractId, contractId))
    .orderBy(asc(remediationActions.status), asc(remediationActions.dueDate));
}

export type RemediationRecord = Awaited<ReturnType<typeof loadRemediation>>[number];

/** The framework measures a commitment of this contract may move to: its framework version's, or its own version's. */
export async function variationMeasures(db: DbOrTx, frameworkVersionId: string | null, currentMeasureId: string) {
  const version = frameworkVersionId
    ? sql`${frameworkVersionId}::uuid`
    : sql`(select ${measures.versionId} from ${measures} where ${measures.id} = ${currentMeasureId})`;
  return db
    .select({ id: measures.id, code: measures.code, title: measures.title, unit: measures.unit })
    .from(measures)
    .where(sql`${measures.versionId} = ${version}`)
    .orderBy(asc(measures.code));
}

export const HISTORY_LIMIT = 50;

/**
 * The latest actions on a contract and on its commitments, variations, reports and remediation actions, newest
 * first, each once however many of these rows it changed, in one query that finds each row's events through the audit trail's (table, id) index. Decisions on single
 * lines of a report are on that report's page (and in the audit trail), not here: a contract has hundreds of lines.
 */
export async function loadHistory(db: DbOrTx, contractId: string) {
  const id = sql`${contractId}::uuid`;
  const rows = sql`
    select 'contracts', ${contractId}::text
    union all select 'contract_commitments', id::text from contract_commitments where contract_id = ${id}
    union all select 'commitment_variations', v.id::text from commitment_variations v
      join contract_commitments c on c.id = v.commitment_id where c.contract_id = ${id}
    union all select 'delivery_reports', id::text from delivery_reports where contract_id = ${id}
    union all select 'remediation_actions', id::text from remediation_actions where contract_id = ${id}`;
  // One entry per action (the rows one withAudit() call wrote share action_id), linked to the action's first row.
  const actionId = sql<number>`coalesce(${auditEvents.actionId}, ${auditEvents.id})`.mapWith(Number);
  return db
    .select({
      id: actionId,
      at: sql<Date>`max(${auditEvents.at})`.mapWith(auditEvents.at),
      actorLabel: auditEvents.actorLabel,
      action: auditEvents.action,
    })
    .from(auditEvents)
    .where(sql`(${auditEvents.entityTable}, ${auditEvents.entityId}) in (${rows})`)
    .groupBy(actionId, auditEvents.actorLabel, auditEvents.action)
    .orderBy(desc(actionId))
    .limit(HISTORY_LIMIT);
}
