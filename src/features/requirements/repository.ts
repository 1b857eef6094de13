import { and, arrayContains, asc, count, desc, eq, inArray, isNotNull, ne, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import {
  auditEvents,
  engagementEntries,
  hiaScreenings,
  opportunityAssessments,
  organisations,
  requirements,
  requirementStages,
  tenders,
  users,
  type RequirementStage,
  type TenderStatus,
} from '../../db/schema/index.js';
import type { ApplicabilityLevel } from '../../domain/applicability.js';
import type { Page } from '../../domain/pagination.js';
import { progressOf, type SocialValueWork } from './progress.js';

/** 'open': the stages still in progress; 'in_scope': required by policy or a statutory duty. */
export interface RequirementFilters {
  directorate: string | null;
  stages: readonly RequirementStage[] | null;
  applicability: ApplicabilityLevel | 'in_scope' | null;
}

/** The latest tender of a requirement that is not cancelled: its status, or null. Correlated, so it stays one query. */
const latestTender = <T>(column: typeof tenders.status | typeof tenders.id) =>
  sql<T | null>`(select ${column} from ${tenders} where ${tenders.requirementId} = ${requirements.id} and ${tenders.status} <> 'cancelled' order by ${tenders.createdAt} desc, ${tenders.number} desc limit 1)`;

const workColumns = {
  assessmentStarted: sql<boolean>`(${opportunityAssessments.requirementId} is not null)`,
  assessmentCompletedAt: opportunityAssessments.completedAt,
  screeningStarted: sql<boolean>`(${hiaScreenings.requirementId} is not null)`,
  screeningCompletedAt: hiaScreenings.completedAt,
  tenderStatus: latestTender<TenderStatus>(tenders.status),
};

interface WorkRow {
  assessmentStarted: boolean;
  assessmentCompletedAt: Date | null;
  screeningStarted: boolean;
  screeningCompletedAt: Date | null;
  tenderStatus: TenderStatus | null;
}

function workOf(row: WorkRow): SocialValueWork {
  return {
    assessment: progressOf(row.assessmentStarted, row.assessmentCompletedAt),
    screening: progressOf(row.screeningStarted, row.screeningCompletedAt),
    tenderStatus: row.tenderStatus,
  };
}

function filterConditions(filters: RequirementFilters, withStage: boolean): SQL | undefined {
  return and(
    filters.directorate ? eq(requirements.directorate, filters.directorate) : undefined,
    filters.applicability === 'in_scope'
      ? ne(requirements.applicability, 'out_of_scope')
      : filters.applicability
        ? eq(requirements.applicability, filters.applicability)
        : undefined,
    withStage && filters.stages ? inArray(requirements.stage, [...filters.stages]) : undefined,
  );
}

/** The stages in their order (constants from the schema, so safe to write into the query). */
const stageOrder = sql`array_position(array[${sql.raw(requirementStages.map((s) => `'${s}'`).join(', '))}]::text[], ${requirements.stage})`;

/** One page of the forward plan: by stage, then expected start; each requirement with its social value work. */
export async function listRequirements(db: DbOrTx, filters: RequirementFilters, page: Page) {
  const rows = await db
    .select({
      id: requirements.id,
      number: requirements.number,
      title: requirements.title,
      directorate: requirements.directorate,
      estimatedValuePence: requirements.estimatedValuePence,
      valueIncludesVat: requirements.valueIncludesVat,
      expectedStart: requirements.expectedStart,
      stage: requirements.stage,
      applicability: requirements.applicability,
      ...workColumns,
    })
    .from(requirements)
    .leftJoin(opportunityAssessments, eq(opportunityAssessments.requirementId, requirements.id))
    .leftJoin(hiaScreenings, eq(hiaScreenings.requirementId, requirements.id))
    .where(filterConditions(filters, true))
    .orderBy(asc(stageOrder), asc(requirements.expectedStart), asc(requirements.number))
    .limit(page.size)
    .offset(page.offset);
  return rows.map((row) => ({ ...row, work: workOf(row) }));
}

/** How many requirements of each stage match the directorate and applicability filters. */
export async function countByStage(db: DbOrTx, filters: RequirementFilters): Promise<Record<RequirementStage, number>> {
  const rows = await db
    .select({ stage: requirements.stage, n: count() })
    .from(requirements)
    .where(filterConditions(filters, false))
    .groupBy(requirements.stage);
  const counts = Object.fromEntries(requirementStages.map((s) => [s, 0])) as Record<RequirementStage, number>;
  for (const row of rows) counts[row.stage] = row.n;
  return counts;
}

/** What a requirement says of itself, for any page that shows one. */
export const requirementColumns = {
  id: requirements.id,
  number: requirements.number,
  title: requirements.title,
  description: requirements.description,
  directorate: requirements.directorate,
  cpvCode: requirements.cpvCode,
  categoryLabel: requirements.categoryLabel,
  estimatedValuePence: requirements.estimatedValuePence,
  valueIncludesVat: requirements.valueIncludesVat,
  expectedStart: requirements.expectedStart,
  durationMonths: requirements.durationMonths,
  districts: requirements.districts,
  applicability: requirements.applicability,
  applicabilityExplanation: requirements.applicabilityExplanation,
};

/** One requirement with its owner's name and its social value work, or null. */
export async function findRequirement(db: DbOrTx, id: string) {
  const [row] = await db
    .select({
      ...requirementColumns,
      ownerId: requirements.ownerId,
      ownerName: users.name,
      stage: requirements.stage,
      updatedAt: requirements.updatedAt,
      ...workColumns,
      tenderId: latestTender<string>(tenders.id),
      engagementCount: sql<number>`(select count(*)::int from ${engagementEntries} where ${engagementEntries.requirementId} = ${requirements.id})`,
    })
    .from(requirements)
    .innerJoin(users, eq(users.id, requirements.ownerId))
    .leftJoin(opportunityAssessments, eq(opportunityAssessments.requirementId, requirements.id))
    .leftJoin(hiaScreenings, eq(hiaScreenings.requirementId, requirements.id))
    .where(eq(requirements.id, id))
    .limit(1);
  return row ? { ...row, work: workOf(row) } : null;
}

export type RequirementDetails = NonNullable<Awaited<ReturnType<typeof findRequirement>>>;

/**
 * Locks a requirement's row for the rest of the transaction and reads its stage, applicability and the progress of
 * its assessment and screening; null when there is no such requirement.
 */
export async function lockRequirement(tx: DbOrTx, id: string) {
  const [row] = await tx
    .select({
      stage: requirements.stage,
      applicability: requirements.applicability,
      updatedAt: requirements.updatedAt,
      title: requirements.title,
      number: requirements.number,
      ...workColumns,
    })
    .from(requirements)
    .leftJoin(opportunityAssessments, eq(opportunityAssessments.requirementId, requirements.id))
    .leftJoin(hiaScreenings, eq(hiaScreenings.requirementId, requirements.id))
    .where(eq(requirements.id, id))
    .for('update', { of: requirements });
  return row ? { ...row, work: workOf(row) } : null;
}

export interface OwnerChoice {
  id: string;
  name: string;
}

/** Council staff with the officer role and an active account, in name order: the people who can own a requirement. */
export async function ownerChoices(db: DbOrTx): Promise<OwnerChoice[]> {
  return db
    .select({ id: users.id, name: users.name })
    .from(users)
    .innerJoin(organisations, eq(organisations.id, users.organisationId))
    .where(and(eq(organisations.kind, 'council'), eq(users.active, true), arrayContains(users.roles, ['officer'])))
    .orderBy(asc(sql`lower(${users.name})`), asc(users.id));
}

/**
 * When, by whom and why a requirement was cancelled: the event that cancelRequirement() records in the audit trail
 * with the reason. Null when it has none.
 */
export async function findCancellation(db: DbOrTx, requirementId: string) {
  const [row] = await db
    .select({ at: auditEvents.at, actorName: users.name, actorLabel: auditEvents.actorLabel, reason: sql<string>`${auditEvents.after} ->> 'reason'` })
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.actorId))
    .where(
      and(
        eq(auditEvents.entityTable, 'requirements'),
        eq(auditEvents.entityId, requirementId),
        eq(auditEvents.operation, 'event'),
        isNotNull(sql`${auditEvents.after} ->> 'reason'`),
      ),
    )
    .orderBy(desc(auditEvents.id))
    .limit(1);
  return row ?? null;
}
