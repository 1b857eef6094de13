import { and, asc, count, eq, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../../db/client.js';
import {
  bidAnswers,
  bidCommitments,
  bids,
  evaluatorScores,
  measures,
  moderatedScores,
  organisations,
  requirements,
  tenderEvaluators,
  tenderQuestions,
  tenders,
  users,
  type ProfilePeriod,
} from '../../db/schema/index.js';

/** The evaluation's queries: every one is keyed by the tender (or one bid), never one query per bid. */

const lockers = alias(users, 'lockers');

/** The tender with what evaluation needs: its weights, scale, closing, moderation lock, and the requirement's term. */
export async function findEvaluationTender(db: DbOrTx, tenderId: string) {
  const [row] = await db
    .select({
      id: tenders.id,
      number: tenders.number,
      title: tenders.title,
      status: tenders.status,
      closingAt: tenders.closingAt,
      svWeightBps: tenders.svWeightBps,
      quantitativeShareBps: tenders.quantitativeShareBps,
      quantitativeMethod: tenders.quantitativeMethod,
      scale: tenders.scale,
      riskShareBps: tenders.riskShareBps,
      moderationLockedAt: tenders.moderationLockedAt,
      moderationLockedByName: lockers.name,
      expectedStart: requirements.expectedStart,
      durationMonths: requirements.durationMonths,
    })
    .from(tenders)
    .innerJoin(requirements, eq(requirements.id, tenders.requirementId))
    .leftJoin(lockers, eq(lockers.id, tenders.moderationLockedBy))
    .where(eq(tenders.id, tenderId))
    .limit(1);
  return row ?? null;
}

export type EvaluationTender = NonNullable<Awaited<ReturnType<typeof findEvaluationTender>>>;

/** The assignment of a person to evaluate a tender, with their declaration, or null when they are not assigned. */
export async function findAssignment(db: DbOrTx, tenderId: string, userId: string) {
  const [row] = await db
    .select({ declaredAt: tenderEvaluators.declaredAt, hasConflict: tenderEvaluators.hasConflict, conflictDetails: tenderEvaluators.conflictDetails })
    .from(tenderEvaluators)
    .where(and(eq(tenderEvaluators.tenderId, tenderId), eq(tenderEvaluators.userId, userId)))
    .limit(1);
  return row ?? null;
}

export type Assignment = NonNullable<Awaited<ReturnType<typeof findAssignment>>>;

/** Records a declaration, only if none has been made yet; false when one already had been. */
export async function recordDeclaration(db: DbOrTx, tenderId: string, userId: string, hasConflict: boolean, details: string | null): Promise<boolean> {
  const rows = await db
    .update(tenderEvaluators)
    .set({ declaredAt: new Date(), hasConflict, conflictDetails: details })
    .where(and(eq(tenderEvaluators.tenderId, tenderId), eq(tenderEvaluators.userId, userId), sql`${tenderEvaluators.declaredAt} is null`))
    .returning({ id: tenderEvaluators.id });
  return rows.length === 1;
}

/** The tender's submitted bids, with the lead supplier's name, in name order. */
export async function listSubmittedBids(db: DbOrTx, tenderId: string) {
  return db
    .select({
      id: bids.id,
      organisationId: bids.organisationId,
      supplierName: organisations.name,
      consortiumMembers: bids.consortiumMembers,
      pricePence: bids.pricePence,
      priceScoreBps: bids.priceScoreBps,
      qualityScoreBps: bids.qualityScoreBps,
      submittedAt: bids.submittedAt,
    })
    .from(bids)
    .innerJoin(organisations, eq(organisations.id, bids.organisationId))
    .where(and(eq(bids.tenderId, tenderId), eq(bids.status, 'submitted')))
    .orderBy(asc(sql`lower(${organisations.name})`), asc(bids.id));
}

type SubmittedBid = Awaited<ReturnType<typeof listSubmittedBids>>[number];

/** One submitted bid of the tender, or null (a draft, another tender's bid, or no such bid). */
export async function findSubmittedBid(db: DbOrTx, tenderId: string, bidId: string) {
  const [row] = await db
    .select({ id: bids.id, supplierName: organisations.name, consortiumMembers: bids.consortiumMembers })
    .from(bids)
    .innerJoin(organisations, eq(organisations.id, bids.organisationId))
    .where(and(eq(bids.id, bidId), eq(bids.tenderId, tenderId), eq(bids.status, 'submitted')))
    .limit(1);
  return row ?? null;
}

export type BidSummary = NonNullable<Awaited<ReturnType<typeof findSubmittedBid>>>;

export async function listQuestions(db: DbOrTx, tenderId: string) {
  return db
    .select({
      id: tenderQuestions.id,
      position: tenderQuestions.position,
      title: tenderQuestions.title,
      guidance: tenderQuestions.guidance,
      weightBps: tenderQuestions.weightBps,
    })
    .from(tenderQuestions)
    .where(eq(tenderQuestions.tenderId, tenderId))
    .orderBy(asc(tenderQuestions.position), asc(tenderQuestions.id));
}

export type Question = Awaited<ReturnType<typeof listQuestions>>[number];

/** A submitted bid as the results read it. */
export interface ResultsBid {
  id: string;
  organisationId: string;
  supplierName: string;
  consortiumMembers: SubmittedBid['consortiumMembers'];
  pricePence: number | null;
  priceScoreBps: number | null;
  qualityScoreBps: number | null;
}

export interface ResultsCommitment {
  bidId: string;
  measureId: string;
  quantityHundredths: number;
  profile: ProfilePeriod[];
  narrative: string;
}

export interface ResultsMeasure {
  id: string;
  code: string;
  title: string;
  unit: string;
  proxyPencePerUnit: number | null;
  deadweightBps: number;
  attributionBps: number;
}

/** Everything the results are worked out from, besides the tender itself. */
export interface ResultsRows {
  bids: ResultsBid[];
  questions: { id: string; weightBps: number }[];
  commitments: ResultsCommitment[];
  /** the measures the bids committed to (of the tender's frozen framework version), in code order */
  measures: ResultsMeasure[];
  agreed: { bidId: string; questionId: string; score: number }[];
}

/**
 * The rows of the results in one query, as one JSON document: the submitted bids, the questions' weights, the
 * commitments, their measures and the agreed scores. One round trip and no per-row mapping, however many bids.
 */
export async function readResultsRows(db: DbOrTx, tenderId: string): Promise<ResultsRows> {
  const submitted = sql`${bids.tenderId} = ${tenderId} and ${bids.status} = 'submitted'`;
  const result = await db.execute<{ rows: ResultsRows }>(sql`select json_build_object(
    'bids', (select coalesce(json_agg(json_build_object(
        'id', ${bids.id}, 'organisationId', ${bids.organisationId}, 'supplierName', ${organisations.name},
        'consortiumMembers', ${bids.consortiumMembers}, 'pricePence', ${bids.pricePence},
        'priceScoreBps', ${bids.priceScoreBps}, 'qualityScoreBps', ${bids.qualityScoreBps})
        order by lower(${organisations.name}), ${bids.id}), '[]')
      from ${bids} join ${organisations} on ${organisations.id} = ${bids.organisationId} where ${submitted}),
    'questions', (select coalesce(json_agg(json_build_object('id', ${tenderQuestions.id}, 'weightBps', ${tenderQuestions.weightBps})
        order by ${tenderQuestions.position}, ${tenderQuestions.id}), '[]')
      from ${tenderQuestions} where ${tenderQuestions.tenderId} = ${tenderId}),
    'commitments', (select coalesce(json_agg(json_build_object(
        'bidId', ${bidCommitments.bidId}, 'measureId', ${bidCommitments.measureId}, 'quantityHundredths', ${bidCommitments.quantityHundredths},
        'profile', ${bidCommitments.profile}, 'narrative', ${bidCommitments.narrative})), '[]')
      from ${bidCommitments} join ${bids} on ${bids.id} = ${bidCommitments.bidId} where ${submitted}),
    'measures', (select coalesce(json_agg(json_build_object(
        'id', ${measures.id}, 'code', ${measures.code}, 'title', ${measures.title}, 'unit', ${measures.unit},
        'proxyPencePerUnit', ${measures.proxyPencePerUnit}, 'deadweightBps', ${measures.deadweightBps}, 'attributionBps', ${measures.attributionBps})
        order by ${measures.code}), '[]')
      from ${measures} where ${measures.id} in (
        select ${bidCommitments.measureId} from ${bidCommitments} join ${bids} on ${bids.id} = ${bidCommitments.bidId} where ${submitted})),
    'agreed', (select coalesce(json_agg(json_build_object(
        'bidId', ${moderatedScores.bidId}, 'questionId', ${moderatedScores.questionId}, 'score', ${moderatedScores.score})), '[]')
      from ${moderatedScores} join ${bids} on ${bids.id} = ${moderatedScores.bidId} where ${submitted})
  ) as rows`);
  const row = (result as unknown as { rows: { rows: ResultsRows | string }[] }).rows[0]!.rows;
  return typeof row === 'string' ? (JSON.parse(row) as ResultsRows) : row;
}

const moderators = alias(users, 'moderators');

/** The agreed scores of every submitted bid's answers, with the reasons and who agreed them. */
export async function listTenderModeratedScores(db: DbOrTx, tenderId: string) {
  return db
    .select({
      bidId: moderatedScores.bidId,
      questionId: moderatedScores.questionId,
      score: moderatedScores.score,
      reason: moderatedScores.reason,
      moderatedAt: moderatedScores.moderatedAt,
      moderatorName: moderators.name,
    })
    .from(moderatedScores)
    .innerJoin(bids, eq(bids.id, moderatedScores.bidId))
    .innerJoin(moderators, eq(moderators.id, moderatedScores.moderatedBy))
    .where(and(eq(bids.tenderId, tenderId), eq(bids.status, 'submitted')));
}

/** One bid's answers to the questions. */
export async function listAnswers(db: DbOrTx, bidId: string) {
  return db.select({ questionId: bidAnswers.questionId, answer: bidAnswers.answer }).from(bidAnswers).where(eq(bidAnswers.bidId, bidId));
}

/** One evaluator's own scores of a tender's bids: never anyone else's. */
export async function listOwnScores(db: DbOrTx, tenderId: string, evaluatorId: string) {
  return db
    .select({ bidId: evaluatorScores.bidId, questionId: evaluatorScores.questionId, score: evaluatorScores.score, comment: evaluatorScores.comment })
    .from(evaluatorScores)
    .innerJoin(bids, eq(bids.id, evaluatorScores.bidId))
    .where(and(eq(bids.tenderId, tenderId), eq(evaluatorScores.evaluatorId, evaluatorId)));
}

/** Every evaluator's scores and comments of one bid, for moderation. */
export async function listBidEvaluatorScores(db: DbOrTx, bidId: string) {
  return db
    .select({
      questionId: evaluatorScores.questionId,
      evaluatorId: evaluatorScores.evaluatorId,
      score: evaluatorScores.score,
      comment: evaluatorScores.comment,
    })
    .from(evaluatorScores)
    .where(eq(evaluatorScores.bidId, bidId));
}

/**
 * The evaluators assigned to the tender, their declarations, and how many answers of submitted bids each has
 * scored: the count only, so that the progress view can never show a score.
 */
export async function listEvaluatorProgress(db: DbOrTx, tenderId: string) {
  const scored = db
    .select({ evaluatorId: evaluatorScores.evaluatorId, n: count().as('n') })
    .from(evaluatorScores)
    .innerJoin(bids, eq(bids.id, evaluatorScores.bidId))
    .where(and(eq(bids.tenderId, tenderId), eq(bids.status, 'submitted')))
    .groupBy(evaluatorScores.evaluatorId)
    .as('scored');
  return db
    .select({
      userId: users.id,
      name: users.name,
      email: users.email,
      declaredAt: tenderEvaluators.declaredAt,
      hasConflict: tenderEvaluators.hasConflict,
      conflictDetails: tenderEvaluators.conflictDetails,
      scoredCount: sql<number>`coalesce(${scored.n}, 0)`.mapWith(Number),
    })
    .from(tenderEvaluators)
    .innerJoin(users, eq(users.id, tenderEvaluators.userId))
    .leftJoin(scored, eq(scored.evaluatorId, tenderEvaluators.userId))
    .where(eq(tenderEvaluators.tenderId, tenderId))
    .orderBy(asc(sql`lower(${users.name})`), asc(users.id));
}

export type EvaluatorProgress = Awaited<ReturnType<typeof listEvaluatorProgress>>[number];

export interface ScoreRow {
  bidId: string;
  questionId: string;
  score: number;
  comment: string;
}

/** Saves an evaluator's scores, replacing their earlier score of the same answers. */
export async function upsertEvaluatorScores(db: DbOrTx, evaluatorId: string, rows: ScoreRow[]): Promise<void> {
  if (rows.length === 0) return;
  await db
    .insert(evaluatorScores)
    .values(rows.map((row) => ({ ...row, evaluatorId })))
    .onConflictDoUpdate({
      target: [evaluatorScores.bidId, evaluatorScores.questionId, evaluatorScores.evaluatorId],
      set: { score: sql`excluded.score`, comment: sql`excluded.comment`, updatedAt: sql`now()` },
    });
}

export interface AgreedRow {
  bidId: string;
  questionId: string;
  score: number;
  reason: string;
}

/** Saves agreed scores, replacing earlier agreed scores of the same answers. */
export async function upsertModeratedScores(db: DbOrTx, moderatorId: string, rows: AgreedRow[]): Promise<void> {
  if (rows.length === 0) return;
  await db
    .insert(moderatedScores)
    .values(rows.map((row) => ({ ...row, moderatedBy: moderatorId })))
    .onConflictDoUpdate({
      target: [moderatedScores.bidId, moderatedScores.questionId],
      set: { score: sql`excluded.score`, reason: sql`excluded.reason`, moderatedBy: sql`excluded.moderated_by`, moderatedAt: sql`now()` },
    });
}

/** The tender, locked until the end of the transaction, so that a lock and a save cannot cross. */
export async function lockTenderRow(db: DbOrTx, tenderId: string) {
  const [row] = await db
    .select({ moderationLockedAt: tenders.moderationLockedAt, status: tenders.status, closingAt: tenders.closingAt })
    .from(tenders)
    .where(eq(tenders.id, tenderId))
    .for('update');
  return row ?? null;
}

export async function setModerationLock(db: DbOrTx, tenderId: string, userId: string): Promise<void> {
  await db.update(tenders).set({ moderationLockedAt: new Date(), moderationLockedBy: userId, updatedAt: new Date() }).where(eq(tenders.id, tenderId));
}

export async function setPriceAndQualityScores(db: DbOrTx, bidId: string, priceScoreBps: number | null, qualityScoreBps: number | null): Promise<void> {
  await db.update(bids).set({ priceScoreBps, qualityScoreBps }).where(eq(bids.id, bidId));
}
