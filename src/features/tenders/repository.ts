import { and, arrayContains, asc, count, desc, eq, inArray, ne, sql } from 'drizzle-orm';
import type { DbOrTx, Tx } from '../../db/client.js';
import {
  bids,
  frameworkVersions,
  measures,
  organisations,
  outcomes,
  requirements,
  tenderEvaluators,
  tenderMeasures,
  tenderQuestions,
  tenderSuppliers,
  tenders,
  users,
} from '../../db/schema/index.js';
import type { Page } from '../../domain/pagination.js';
import { tenderQueueCondition, type TenderQueue } from './tender-queues.js';

/** The tenders' queries. */

export type TenderRow = typeof tenders.$inferSelect;
export type QuestionRow = typeof tenderQuestions.$inferSelect;

export async function findTender(db: DbOrTx, tenderId: string): Promise<TenderRow | null> {
  const [row] = await db.select().from(tenders).where(eq(tenders.id, tenderId)).limit(1);
  return row ?? null;
}

/** The tender, locked until the end of the transaction so that publishing or closing cannot happen half-way through a change. */
export async function lockTender(tx: Tx, tenderId: string): Promise<TenderRow | null> {
  const [row] = await tx.select().from(tenders).where(eq(tenders.id, tenderId)).for('update');
  return row ?? null;
}

/** The tender for a requirement that is not cancelled: a requirement has at most one. */
export async function liveTenderFor(db: DbOrTx, requirementId: string): Promise<{ id: string } | null> {
  const [row] = await db
    .select({ id: tenders.id })
    .from(tenders)
    .where(and(eq(tenders.requirementId, requirementId), ne(tenders.status, 'cancelled')))
    .limit(1);
  return row ?? null;
}

export async function findRequirementSummary(db: DbOrTx, requirementId: string) {
  const [row] = await db
    .select({
      id: requirements.id,
      number: requirements.number,
      title: requirements.title,
      stage: requirements.stage,
      applicability: requirements.applicability,
      estimatedValuePence: requirements.estimatedValuePence,
    })
    .from(requirements)
    .where(eq(requirements.id, requirementId))
    .limit(1);
  return row ?? null;
}

export type RequirementSummary = NonNullable<Awaited<ReturnType<typeof findRequirementSummary>>>;

/** A measure chosen for a tender, with what the set-up pages and bidders need to know about it. */
export interface ChosenMeasure {
  measureId: string;
  code: string;
  title: string;
  unit: string;
  outcomeCode: string;
  outcomeTitle: string;
  proxyPencePerUnit: number | null;
  minimumHundredths: number | null;
}

export async function listChosenMeasures(db: DbOrTx, tenderId: string): Promise<ChosenMeasure[]> {
  return db
    .select({
      measureId: measures.id,
      code: measures.code,
      title: measures.title,
      unit: measures.unit,
      outcomeCode: outcomes.code,
      outcomeTitle: outcomes.title,
      proxyPencePerUnit: measures.proxyPencePerUnit,
      minimumHundredths: tenderMeasures.minimumHundredths,
    })
    .from(tenderMeasures)
    .innerJoin(measures, eq(measures.id, tenderMeasures.measureId))
    .innerJoin(outcomes, eq(outcomes.id, measures.outcomeId))
    .where(eq(tenderMeasures.tenderId, tenderId))
    .orderBy(asc(outcomes.position), asc(measures.code));
}

export async function listQuestions(db: DbOrTx, tenderId: string): Promise<QuestionRow[]> {
  return db.select().from(tenderQuestions).where(eq(tenderQuestions.tenderId, tenderId)).orderBy(asc(tenderQuestions.position), asc(tenderQuestions.id));
}

export async function findQuestion(db: DbOrTx, tenderId: string, questionId: string): Promise<QuestionRow | null> {
  const [row] = await db
    .select()
    .from(tenderQuestions)
    .where(and(eq(tenderQuestions.tenderId, tenderId), eq(tenderQuestions.id, questionId)))
    .limit(1);
  return row ?? null;
}

export async function nextQuestionPosition(db: DbOrTx, tenderId: string): Promise<number> {
  const [row] = await db
    .select({ p: sql<number | null>`max(${tenderQuestions.position})` })
    .from(tenderQuestions)
    .where(eq(tenderQuestions.tenderId, tenderId));
  return row?.p === null || row?.p === undefined ? 1 : Number(row.p) + 1;
}

/** The invited suppliers, and whether each has submitted a bid. */
export async function listInvitedSuppliers(db: DbOrTx, tenderId: string) {
  return db
    .select({
      organisationId: organisations.id,
      name: organisations.name,
      submitted: sql<boolean>`(${bids.status} = 'submitted')`.mapWith(Boolean),
    })
    .from(tenderSuppliers)
    .innerJoin(organisations, eq(organisations.id, tenderSuppliers.organisationId))
    .leftJoin(bids, and(eq(bids.tenderId, tenderSuppliers.tenderId), eq(bids.organisationId, tenderSuppliers.organisationId)))
    .where(eq(tenderSuppliers.tenderId, tenderId))
    .orderBy(asc(sql`lower(${organisations.name})`));
}

export async function listAssignedEvaluators(db: DbOrTx, tenderId: string) {
  return db
    .select({ userId: users.id, name: users.name, email: users.email, active: users.active })
    .from(tenderEvaluators)
    .innerJoin(users, eq(users.id, tenderEvaluators.userId))
    .where(eq(tenderEvaluators.tenderId, tenderId))
    .orderBy(asc(sql`lower(${users.name})`));
}

export async function isAssignedEvaluator(db: DbOrTx, tenderId: string, userId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: tenderEvaluators.id })
    .from(tenderEvaluators)
    .where(and(eq(tenderEvaluators.tenderId, tenderId), eq(tenderEvaluators.userId, userId)))
    .limit(1);
  return !!row;
}

/** Supplier organisations that can be invited to tender, with what helps an officer choose. */
export async function supplierChoices(db: DbOrTx) {
  return db
    .select({
      id: organisations.id,
      name: organisations.name,
      size: organisations.size,
      district: organisations.district,
      isLocal: organisations.isLocal,
      isVcse: organisations.isVcse,
      isSocialEnterprise: organisations.isSocialEnterprise,
    })
    .from(organisations)
    .where(eq(organisations.kind, 'supplier'))
    .orderBy(asc(sql`lower(${organisations.name})`), asc(organisations.id));
}

/** Active people with the evaluator role. */
export async function evaluatorChoices(db: DbOrTx) {
  return db
    .select({ id: users.id, name: users.name, email: users.email })
    .from(users)
    .where(and(eq(users.active, true), arrayContains(users.roles, ['evaluator'])))
    .orderBy(asc(sql`lower(${users.name})`), asc(users.id));
}

/** The active users of supplier organisations, to tell them about a tender. */
export async function supplierContacts(db: DbOrTx, organisationIds: string[]) {
  if (organisationIds.length === 0) return [];
  return db
    .select({ email: users.email, name: users.name, organisationId: organisations.id, organisationName: organisations.name })
    .from(users)
    .innerJoin(organisations, eq(organisations.id, users.organisationId))
    .where(and(inArray(users.organisationId, organisationIds), eq(users.active, true), arrayContains(users.roles, ['supplier'])));
}

/** Measures of a framework version by code, for matching a tender's measures to another version. */
export async function measuresByCode(db: DbOrTx, versionId: string, codes: string[]) {
  if (codes.length === 0) return new Map<string, { id: string; unit: string }>();
  const rows = await db
    .select({ id: measures.id, code: measures.code, unit: measures.unit })
    .from(measures)
    .where(and(eq(measures.versionId, versionId), inArray(measures.code, codes)));
  return new Map(rows.map((r) => [r.code, { id: r.id, unit: r.unit }]));
}

export async function findVersionSummary(db: DbOrTx, versionId: string) {
  const [row] = await db
    .select({ id: frameworkVersions.id, number: frameworkVersions.number, name: frameworkVersions.name, status: frameworkVersions.status })
    .from(frameworkVersions)
    .where(eq(frameworkVersions.id, versionId))
    .limit(1);
  return row ?? null;
}

export interface TenderListFilter {
  /** only the tenders this evaluator is assigned to */
  assignedTo: string | null;
  /** only those waiting in one of tenderQueues, for this user */
  waiting?: { queue: TenderQueue; userId: string } | null;
}

/** One page of tenders, newest first, with their requirement and the number of bids submitted. */
export async function listTenders(db: DbOrTx, filter: TenderListFilter, page: Page) {
  const where = and(
    filter.assignedTo
      ? inArray(tenders.id, db.select({ id: tenderEvaluators.tenderId }).from(tenderEvaluators).where(eq(tenderEvaluators.userId, filter.assignedTo)))
      : undefined,
    filter.waiting ? tenderQueueCondition(filter.waiting.queue, filter.waiting.userId) : undefined,
  );
  const submitted = db
    .select({ tenderId: bids.tenderId, n: count().as('submitted_n') })
    .from(bids)
    .where(eq(bids.status, 'submitted'))
    .groupBy(bids.tenderId)
    .as('submitted');
  const [rows, [total]] = await Promise.all([
    db
      .select({
        id: tenders.id,
        number: tenders.number,
        title: tenders.title,
        status: tenders.status,
        closingAt: tenders.closingAt,
        requirementId: requirements.id,
        requirementNumber: requirements.number,
        requirementTitle: requirements.title,
        submittedBids: sql<number>`coalesce(${submitted.n}, 0)`.mapWith(Number),
      })
      .from(tenders)
      .innerJoin(requirements, eq(requirements.id, tenders.requirementId))
      .leftJoin(submitted, eq(submitted.tenderId, tenders.id))
      .where(where)
      .orderBy(desc(tenders.number))
      .limit(page.size)
      .offset(page.offset),
    db.select({ n: count() }).from(tenders).where(where),
  ]);
  return { rows, total: total?.n ?? 0 };
}

/** A user's name, for saying who did something. */
export async function findUserName(db: DbOrTx, userId: string): Promise<string | null> {
  const [row] = await db.select({ name: users.name }).from(users).where(eq(users.id, userId)).limit(1);
  return row?.name ?? null;
}
