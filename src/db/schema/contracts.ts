import { sql } from 'drizzle-orm';
import { bigint, boolean, check, customType, date, index, integer, jsonb, pgTable, serial, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { applicabilityLevels } from './commissioning.js';
import { frameworkVersions, measures } from './framework.js';
import { organisations, users } from './people.js';
import { bids, tenders, type ProfilePeriod } from './procurement.js';
import { contractRatings } from '../../domain/rag.js';

/** Bytes: a Buffer in and out (evidence files, generated reports). */
export const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value)),
});

export const reportingFrequencies = ['monthly', 'quarterly', 'six_monthly', 'annual'] as const;
export { contractRatings, type ContractRating } from '../../domain/rag.js';

/** A contract, from an award or imported from a contracts register. */
export const contracts = pgTable(
  'contracts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    number: serial('number').notNull(),
    reference: text('reference').notNull(),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    directorate: text('directorate').notNull().default(''),
    supplierId: uuid('supplier_id')
      .notNull()
      .references(() => organisations.id),
    valuePence: bigint('value_pence', { mode: 'number' }).notNull(),
    valueIncludesVat: boolean('value_includes_vat').notNull().default(false),
    startDate: date('start_date', { mode: 'string' }).notNull(),
    endDate: date('end_date', { mode: 'string' }).notNull(),
    contractManagerId: uuid('contract_manager_id').references(() => users.id),
    applicability: text('applicability', { enum: applicabilityLevels }).notNull(),
    source: text('source', { enum: ['award', 'import', 'manual'] }).notNull(),
    tenderId: uuid('tender_id').references(() => tenders.id),
    bidId: uuid('bid_id').references(() => bids.id),
    frameworkVersionId: uuid('framework_version_id').references(() => frameworkVersions.id),
    reportingFrequency: text('reporting_frequency', { enum: reportingFrequencies }).notNull().default('quarterly'),
    ratingOverride: text('rating_override', { enum: contractRatings }),
    ratingOverrideReason: text('rating_override_reason'),
    ratingOverrideBy: uuid('rating_override_by').references(() => users.id),
    /** set by an officer when the contract's verified social value may appear on the public transparency site */
    publishedAt: timestamp('published_at', { withTimezone: true }),
    publishedBy: uuid('published_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('contracts_number_key').on(t.number),
    uniqueIndex('contracts_reference_key').on(t.reference),
    index('contracts_supplier_idx').on(t.supplierId),
    index('contracts_manager_idx').on(t.contractManagerId),
    // the transparency site's list of published contracts, a page at a time in the order of their numbers
    index('contracts_published_idx')
      .on(t.number)
      .where(sql`${t.publishedAt} is not null`),
    check('contracts_dates', sql`${t.endDate} >= ${t.startDate}`),
  ],
);

/**
 * A contract's social value commitments (its KPIs). The tender promise (original_*) is written once at award and
 * never changed; the current values change only through an approved variation.
 */
export const contractCommitments = pgTable(
  'contract_commitments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    contractId: uuid('contract_id')
      .notNull()
      .references(() => contracts.id, { onDelete: 'cascade' }),
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
    originalMeasureId: uuid('original_measure_id')
      .notNull()
      .references(() => measures.id),
    originalQuantityHundredths: bigint('original_quantity_hundredths', { mode: 'number' }).notNull(),
    originalProfile: jsonb('original_profile').$type<ProfilePeriod[]>().notNull().default([]),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('contract_commitments_contract_idx').on(t.contractId),
    // the social value database filtered by measure
    index('contract_commitments_measure_idx').on(t.measureId),
    check('contract_commitments_quantity', sql`${t.quantityHundredths} >= 0`),
  ],
);

export const variationStatuses = ['pending', 'approved', 'rejected'] as const;

export const commitmentVariations = pgTable(
  'commitment_variations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    commitmentId: uuid('commitment_id')
      .notNull()
      .references(() => contractCommitments.id, { onDelete: 'cascade' }),
    proposedMeasureId: uuid('proposed_measure_id')
      .notNull()
      .references(() => measures.id),
    proposedQuantityHundredths: bigint('proposed_quantity_hundredths', { mode: 'number' }).notNull(),
    proposedProfile: jsonb('proposed_profile').$type<ProfilePeriod[]>().notNull(),
    reason: text('reason').notNull(),
    status: text('status', { enum: variationStatuses }).notNull().default('pending'),
    requestedBy: uuid('requested_by')
      .notNull()
      .references(() => users.id),
    requestedAt: timestamp('requested_at', { withTimezone: true }).notNull().defaultNow(),
    decidedBy: uuid('decided_by').references(() => users.id),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    decisionNote: text('decision_note'),
  },
  (t) => [index('commitment_variations_commitment_idx').on(t.commitmentId)],
);

export const reportStatuses = ['draft', 'submitted', 'queried', 'verified', 'rejected'] as const;

/** A supplier's delivery report for one period of a contract. `revision` detects a concurrent edit. */
export const deliveryReports = pgTable(
  'delivery_reports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    contractId: uuid('contract_id')
      .notNull()
      .references(() => contracts.id, { onDelete: 'cascade' }),
    periodStart: date('period_start', { mode: 'string' }).notNull(),
    periodEnd: date('period_end', { mode: 'string' }).notNull(),
    dueDate: date('due_date', { mode: 'string' }).notNull(),
    status: text('status', { enum: reportStatuses }).notNull().default('draft'),
    revision: integer('revision').notNull().default(1),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    submittedBy: uuid('submitted_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('delivery_reports_period_key').on(t.contractId, t.periodStart),
    // the social value database filtered by period
    index('delivery_reports_period_idx').on(t.periodStart),
    // the verification queue and the weekly digest: the few reports waiting for a decision, among years of others
    index('delivery_reports_waiting_idx')
      .on(t.submittedAt)
      .where(sql`${t.status} in ('submitted', 'queried')`),
  ],
);

export const lineStatuses = ['pending', 'verified', 'queried', 'rejected'] as const;

/** One line of a report: delivery against a commitment, or additional social value against any framework measure. */
export const reportLines = pgTable(
  'report_lines',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    reportId: uuid('report_id')
      .notNull()
      .references(() => deliveryReports.id, { onDelete: 'cascade' }),
    commitmentId: uuid('commitment_id').references(() => contractCommitments.id),
    measureId: uuid('measure_id')
      .notNull()
      .references(() => measures.id),
    quantityHundredths: bigint('quantity_hundredths', { mode: 'number' }).notNull(),
    narrative: text('narrative').notNull().default(''),
    districts: text('districts')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    status: text('status', { enum: lineStatuses }).notNull().default('pending'),
    decidedBy: uuid('decided_by').references(() => users.id),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
  },
  (t) => [
    index('report_lines_report_idx').on(t.reportId),
    index('report_lines_commitment_idx').on(t.commitmentId, t.status),
    // the social value database filtered by measure
    index('report_lines_measure_idx').on(t.measureId, t.status),
    check('report_lines_quantity', sql`${t.quantityHundredths} >= 0`),
  ],
);

/** The conversation on a line: the contract manager's query and the supplier's answers. */
export const lineMessages = pgTable(
  'line_messages',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    lineId: uuid('line_id')
      .notNull()
      .references(() => reportLines.id, { onDelete: 'cascade' }),
    authorId: uuid('author_id')
      .notNull()
      .references(() => users.id),
    body: text('body').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('line_messages_line_idx').on(t.lineId, t.createdAt)],
);

/** Evidence files: metadata here, content in chunks so that uploads and downloads stream. */
export const evidenceFiles = pgTable(
  'evidence_files',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    lineId: uuid('line_id')
      .notNull()
      .references(() => reportLines.id, { onDelete: 'cascade' }),
    filename: text('filename').notNull(),
    contentType: text('content_type').notNull(),
    sizeBytes: bigint('size_bytes', { mode: 'number' }).notNull(),
    sha256: text('sha256').notNull(),
    uploadedBy: uuid('uploaded_by')
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('evidence_files_line_idx').on(t.lineId)],
);

export const evidenceChunks = pgTable(
  'evidence_chunks',
  {
    fileId: uuid('file_id')
      .notNull()
      .references(() => evidenceFiles.id, { onDelete: 'cascade' }),
    seq: integer('seq').notNull(),
    data: bytea('data').notNull(),
  },
  (t) => [uniqueIndex('evidence_chunks_key').on(t.fileId, t.seq)],
);

export const remediationActions = pgTable(
  'remediation_actions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    contractId: uuid('contract_id')
      .notNull()
      .references(() => contracts.id, { onDelete: 'cascade' }),
    commitmentId: uuid('commitment_id').references(() => contractCommitments.id),
    action: text('action').notNull(),
    owner: text('owner').notNull(),
    dueDate: date('due_date', { mode: 'string' }).notNull(),
    status: text('status', { enum: ['open', 'closed'] })
      .notNull()
      .default('open'),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    closureNote: text('closure_note'),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('remediation_actions_contract_idx').on(t.contractId, t.status)],
);

/** Column mappings remembered for contracts register imports, keyed by the file's header row. */
export const importMappings = pgTable(
  'import_mappings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind').notNull(),
    headerSignature: text('header_signature').notNull(),
    mapping: jsonb('mapping').$type<Record<string, string>>().notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('import_mappings_key').on(t.kind, t.headerSignature)],
);

/**
 * Notifications that must go out exactly once (reminders, digests): the unique key is claimed in the same
 * transaction that queues the email, so a second instance doing the same work finds it taken.
 */
export const sentNotifications = pgTable('sent_notifications', {
  key: text('key').primaryKey(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/** Background jobs: each run is claimed with FOR UPDATE SKIP LOCKED and a lease, so one instance runs it. */
export const jobs = pgTable('jobs', {
  name: text('name').primaryKey(),
  runAt: timestamp('run_at', { withTimezone: true }).notNull(),
  lockedUntil: timestamp('locked_until', { withTimezone: true }),
  lastRunAt: timestamp('last_run_at', { withTimezone: true }),
  lastError: text('last_error'),
});
