import { sql } from 'drizzle-orm';
import { bigint, boolean, check, index, integer, jsonb, pgTable, serial, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { requirements } from './commissioning.js';
import { frameworkVersions, measures } from './framework.js';
import { organisations, users } from './people.js';
import type { ProfiledPeriod } from '../../domain/delivery-profile.js';
import { quantitativeMethods } from '../../domain/scoring.js';

export const tenderStatuses = ['draft', 'published', 'closed', 'awarded', 'cancelled'] as const;
export type TenderStatus = (typeof tenderStatuses)[number];
export { quantitativeMethods, type QuantitativeMethod } from '../../domain/scoring.js';

export interface ScalePoint {
  score: number;
  descriptor: string;
}

/**
 * A tender for a requirement. Weights are basis points: svWeightBps of the total score; quantitativeShareBps of the
 * social value weight goes to the quantitative score and the rest to the qualitative questions.
 * Publishing freezes the framework version and everything that shapes scoring.
 */
export const tenders = pgTable(
  'tenders',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    number: serial('number').notNull(),
    requirementId: uuid('requirement_id')
      .notNull()
      .references(() => requirements.id),
    title: text('title').notNull(),
    status: text('status', { enum: tenderStatuses }).notNull().default('draft'),
    svWeightBps: integer('sv_weight_bps').notNull().default(1000),
    lowWeightReason: text('low_weight_reason'),
    quantitativeShareBps: integer('quantitative_share_bps').notNull().default(5000),
    quantitativeMethod: text('quantitative_method', { enum: quantitativeMethods }).notNull().default('highest_offer'),
    scale: jsonb('scale').$type<ScalePoint[]>().notNull(),
    closingAt: timestamp('closing_at', { withTimezone: true }),
    frameworkVersionId: uuid('framework_version_id')
      .notNull()
      .references(() => frameworkVersions.id),
    riskShareBps: integer('risk_share_bps').notNull().default(2000),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    moderationLockedAt: timestamp('moderation_locked_at', { withTimezone: true }),
    moderationLockedBy: uuid('moderation_locked_by').references(() => users.id),
    /** Set when an officer closed bidding before the closing time, with the reason they gave (shown on the tender). */
    closedEarlyAt: timestamp('closed_early_at', { withTimezone: true }),
    closedEarlyBy: uuid('closed_early_by').references(() => users.id),
    closedEarlyReason: text('closed_early_reason'),
    /** Why the winning bid was chosen, recorded at award; required when the winner was not ranked first. */
    awardReason: text('award_reason'),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('tenders_number_key').on(t.number),
    index('tenders_requirement_idx').on(t.requirementId),
    check('tenders_sv_weight_range', sql`${t.svWeightBps} between 0 and 10000`),
    check('tenders_quant_share_range', sql`${t.quantitativeShareBps} between 0 and 10000`),
  ],
);

export const tenderMeasures = pgTable(
  'tender_measures',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenderId: uuid('tender_id')
      .notNull()
      .references(() => tenders.id, { onDelete: 'cascade' }),
    measureId: uuid('measure_id')
      .notNull()
      .references(() => measures.id),
    minimumHundredths: bigint('minimum_hundredths', { mode: 'number' }),
  },
  (t) => [uniqueIndex('tender_measures_key').on(t.tenderId, t.measureId)],
);

/** Qualitative questions (method statements); weights are basis points of the qualitative part and add up to 10000. */
export const tenderQuestions = pgTable(
  'tender_questions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenderId: uuid('tender_id')
      .notNull()
      .references(() => tenders.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    title: text('title').notNull(),
    guidance: text('guidance').notNull().default(''),
    weightBps: integer('weight_bps').notNull(),
  },
  (t) => [index('tender_questions_tender_idx').on(t.tenderId, t.position)],
);

/** Suppliers invited to (or registered for) a tender. */
export const tenderSuppliers = pgTable(
  'tender_suppliers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenderId: uuid('tender_id')
      .notNull()
      .references(() => tenders.id, { onDelete: 'cascade' }),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    invitedAt: timestamp('invited_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('tender_suppliers_key').on(t.tenderId, t.organisationId)],
);

/** Evaluators assigned to a tender, and their conflict of interest declaration (made before they see bids). */
export const tenderEvaluators = pgTable(
  'tender_evaluators',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenderId: uuid('tender_id')
      .notNull()
      .references(() => tenders.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    declaredAt: timestamp('declared_at', { withTimezone: true }),
    hasConflict: boolean('has_conflict'),
    conflictDetails: text('conflict_details'),
  },
  (t) => [uniqueIndex('tender_evaluators_key').on(t.tenderId, t.userId)],
);

export const bidStatuses = ['draft', 'submitted'] as const;

/** A supplier's bid (the lead supplier's, for a consortium). `revision` guards against overwriting a newer save. */
export const bids = pgTable(
  'bids',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenderId: uuid('tender_id')
      .notNull()
      .references(() => tenders.id),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    status: text('status', { enum: bidStatuses }).notNull().default('draft'),
    pricePence: bigint('price_pence', { mode: 'number' }),
    consortiumMembers: jsonb('consortium_members').$type<{ name: string; organisationId: string | null; role: string }[]>().notNull().default([]),
    priceScoreBps: integer('price_score_bps'),
    qualityScoreBps: integer('quality_score_bps'),
    revision: integer('revision').notNull().default(1),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    submittedBy: uuid('submitted_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('bids_tender_organisation_key').on(t.tenderId, t.organisationId),
    check('bids_price_positive', sql`${t.pricePence} is null or ${t.pricePence} >= 0`),
  ],
);

/** One period of a delivery profile: a label ("2027 to 2028", "2027 Q1") and its share of the quantity. */
export type ProfilePeriod = ProfiledPeriod;

/** What a bid commits to per measure. Quantities are hundredths of the measure's unit (integers, never floats). */
export const bidCommitments = pgTable(
  'bid_commitments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    bidId: uuid('bid_id')
      .notNull()
      .references(() => bids.id, { onDelete: 'cascade' }),
    measureId: uuid('measure_id')
      .notNull()
      .references(() => measures.id),
    quantityHundredths: bigint('quantity_hundredths', { mode: 'number' }).notNull(),
    profile: jsonb('profile').$type<ProfilePeriod[]>().notNull().default([]),
    districts: text('districts')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    narrative: text('narrative').notNull().default(''),
  },
  (t) => [uniqueIndex('bid_commitments_key').on(t.bidId, t.measureId), check('bid_commitments_quantity', sql`${t.quantityHundredths} >= 0`)],
);

export const bidAnswers = pgTable(
  'bid_answers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    bidId: uuid('bid_id')
      .notNull()
      .references(() => bids.id, { onDelete: 'cascade' }),
    questionId: uuid('question_id')
      .notNull()
      .references(() => tenderQuestions.id),
    answer: text('answer').notNull(),
  },
  (t) => [uniqueIndex('bid_answers_key').on(t.bidId, t.questionId)],
);

/** An evaluator's independent score of one answer. */
export const evaluatorScores = pgTable(
  'evaluator_scores',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    bidId: uuid('bid_id')
      .notNull()
      .references(() => bids.id),
    questionId: uuid('question_id')
      .notNull()
      .references(() => tenderQuestions.id),
    evaluatorId: uuid('evaluator_id')
      .notNull()
      .references(() => users.id),
    score: integer('score').notNull(),
    comment: text('comment').notNull().default(''),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('evaluator_scores_key').on(t.bidId, t.questionId, t.evaluatorId), index('evaluator_scores_bid_idx').on(t.bidId)],
);

/** The agreed score of one answer after moderation, with the reason. */
export const moderatedScores = pgTable(
  'moderated_scores',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    bidId: uuid('bid_id')
      .notNull()
      .references(() => bids.id),
    questionId: uuid('question_id')
      .notNull()
      .references(() => tenderQuestions.id),
    score: integer('score').notNull(),
    reason: text('reason').notNull(),
    moderatedBy: uuid('moderated_by')
      .notNull()
      .references(() => users.id),
    moderatedAt: timestamp('moderated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('moderated_scores_key').on(t.bidId, t.questionId)],
);
