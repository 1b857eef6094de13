import { sql } from 'drizzle-orm';
import { bigint, boolean, check, date, index, integer, jsonb, pgTable, serial, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { frameworkVersions, measures } from './framework.js';
import { users } from './people.js';

export const requirementStages = ['pipeline', 'assessment', 'ready_to_tender', 'tendering', 'awarded', 'cancelled'] as const;
export type RequirementStage = (typeof requirementStages)[number];
export const applicabilityLevels = ['out_of_scope', 'policy', 'statutory'] as const;

/** A requirement in the commissioning pipeline. Its applicability is worked out when it is saved and stored. */
export const requirements = pgTable(
  'requirements',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    number: serial('number').notNull(),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    directorate: text('directorate').notNull(),
    cpvCode: text('cpv_code').notNull(),
    categoryLabel: text('category_label').notNull(),
    estimatedValuePence: bigint('estimated_value_pence', { mode: 'number' }).notNull(),
    valueIncludesVat: boolean('value_includes_vat').notNull().default(false),
    expectedStart: date('expected_start', { mode: 'string' }).notNull(),
    durationMonths: integer('duration_months').notNull(),
    districts: text('districts')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    ownerId: uuid('owner_id')
      .notNull()
      .references(() => users.id),
    stage: text('stage', { enum: requirementStages }).notNull().default('pipeline'),
    applicability: text('applicability', { enum: applicabilityLevels }).notNull(),
    applicabilityExplanation: text('applicability_explanation').notNull(),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('requirements_number_key').on(t.number),
    index('requirements_stage_idx').on(t.stage, t.expectedStart),
    check('requirements_value_positive', sql`${t.estimatedValuePence} > 0`),
    check('requirements_duration_positive', sql`${t.durationMonths} > 0`),
  ],
);

/** The social value opportunity assessment of an in-scope requirement (one per requirement). */
export const opportunityAssessments = pgTable('opportunity_assessments', {
  requirementId: uuid('requirement_id')
    .primaryKey()
    .references(() => requirements.id, { onDelete: 'cascade' }),
  frameworkVersionId: uuid('framework_version_id').references(() => frameworkVersions.id),
  shaping: text('shaping'),
  outcomeCodes: text('outcome_codes').array(),
  targetsNotes: text('targets_notes'),
  supplierCost: text('supplier_cost'),
  completedTasks: text('completed_tasks')
    .array()
    .notNull()
    .default(sql`'{}'::text[]`),
  completedAt: timestamp('completed_at', { withTimezone: true }),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** Measures an assessment asks bidders for, with a target. Quantities are hundredths of the measure's unit. */
export const assessmentMeasures = pgTable(
  'assessment_measures',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    requirementId: uuid('requirement_id')
      .notNull()
      .references(() => requirements.id, { onDelete: 'cascade' }),
    measureId: uuid('measure_id')
      .notNull()
      .references(() => measures.id),
    targetHundredths: bigint('target_hundredths', { mode: 'number' }),
    reason: text('reason').notNull().default(''),
  },
  (t) => [uniqueIndex('assessment_measures_key').on(t.requirementId, t.measureId)],
);

export const engagementEntries = pgTable(
  'engagement_entries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    requirementId: uuid('requirement_id')
      .notNull()
      .references(() => requirements.id, { onDelete: 'cascade' }),
    who: text('who').notNull(),
    engagedOn: date('engaged_on', { mode: 'string' }).notNull(),
    method: text('method').notNull(),
    learned: text('learned').notNull(),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('engagement_entries_requirement_idx').on(t.requirementId, t.engagedOn)],
);

export const hiaResults = ['no_further_assessment', 'rapid', 'full'] as const;

/** Health Impact Assessment screening: an answer per health determinant, and the result. */
export const hiaScreenings = pgTable('hia_screenings', {
  requirementId: uuid('requirement_id')
    .primaryKey()
    .references(() => requirements.id, { onDelete: 'cascade' }),
  answers: jsonb('answers').$type<Record<string, { impact: string; note: string }>>().notNull().default({}),
  result: text('result', { enum: hiaResults }),
  notes: text('notes').notNull().default(''),
  completedBy: uuid('completed_by').references(() => users.id),
  completedAt: timestamp('completed_at', { withTimezone: true }),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** Settings an admin can change at run time (for example whether tenders need a completed assessment). */
export const appSettings = pgTable('app_settings', {
  key: text('key').primaryKey(),
  value: jsonb('value').notNull(),
  updatedBy: uuid('updated_by').references(() => users.id),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
