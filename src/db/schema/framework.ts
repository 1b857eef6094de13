import { sql } from 'drizzle-orm';
import { bigint, check, integer, pgTable, text, timestamp, uniqueIndex, uuid, index } from 'drizzle-orm/pg-core';
import { users } from './people.js';

export const frameworkStatuses = ['draft', 'active', 'retired'] as const;
export type FrameworkStatus = (typeof frameworkStatuses)[number];

export const frameworkVersions = pgTable(
  'framework_versions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    number: integer('number').notNull(),
    name: text('name').notNull(),
    status: text('status', { enum: frameworkStatuses }).notNull().default('draft'),
    notes: text('notes'),
    basedOnId: uuid('based_on_id'),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    activatedBy: uuid('activated_by').references(() => users.id),
    activatedAt: timestamp('activated_at', { withTimezone: true }),
    retiredAt: timestamp('retired_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('framework_versions_number_key').on(t.number),
    uniqueIndex('framework_versions_one_active')
      .on(t.status)
      .where(sql`status = 'active'`),
    uniqueIndex('framework_versions_one_draft')
      .on(t.status)
      .where(sql`status = 'draft'`),
  ],
);

export const outcomes = pgTable(
  'outcomes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    versionId: uuid('version_id')
      .notNull()
      .references(() => frameworkVersions.id, { onDelete: 'cascade' }),
    code: text('code').notNull(),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    position: integer('position').notNull().default(0),
  },
  (t) => [uniqueIndex('outcomes_version_code_key').on(t.versionId, t.code)],
);

export const measures = pgTable(
  'measures',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    versionId: uuid('version_id')
      .notNull()
      .references(() => frameworkVersions.id, { onDelete: 'cascade' }),
    outcomeId: uuid('outcome_id')
      .notNull()
      .references(() => outcomes.id),
    code: text('code').notNull(),
    title: text('title').notNull(),
    unit: text('unit').notNull(),
    countingGuidance: text('counting_guidance').notNull().default(''),
    evidenceExpected: text('evidence_expected').notNull().default(''),
    proxyPencePerUnit: bigint('proxy_pence_per_unit', { mode: 'number' }),
    proxySource: text('proxy_source'),
    proxySourceUrl: text('proxy_source_url'),
    proxyYear: integer('proxy_year'),
    proxyLicence: text('proxy_licence'),
    deadweightBps: integer('deadweight_bps').notNull().default(0),
    attributionBps: integer('attribution_bps').notNull().default(0),
  },
  (t) => [
    uniqueIndex('measures_version_code_key').on(t.versionId, t.code),
    index('measures_outcome_idx').on(t.outcomeId),
    check('measures_deadweight_range', sql`${t.deadweightBps} between 0 and 10000`),
    check('measures_attribution_range', sql`${t.attributionBps} between 0 and 10000`),
    check('measures_proxy_positive', sql`${t.proxyPencePerUnit} is null or ${t.proxyPencePerUnit} >= 0`),
  ],
);
