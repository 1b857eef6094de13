import { sql } from 'drizzle-orm';
import { bigint, boolean, date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { bytea } from './contracts.js';
import { organisations, users } from './people.js';

/**
 * Local spend analysis: the council's payments to suppliers (spend-over-£500 files) and its grants (360Giving files),
 * matched to organisations of the directory. docs/architecture.md ("Local spend") explains the design.
 */

/** What an imported file holds: payments to suppliers, or grants. */
export const spendKinds = ['spend', 'grants'] as const;
export type SpendKind = (typeof spendKinds)[number];

/** The body that published a file (a council, or one of its companies), by the name given at import. */
export const spendPublishers = pgTable(
  'spend_publishers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    /** the name in lower case with single spaces: "Leeds City Council" and "leeds  city council" are one publisher */
    nameKey: text('name_key').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('spend_publishers_name_key').on(t.nameKey)],
);

export const spendImportStatuses = ['uploaded', 'importing', 'imported', 'failed'] as const;
export type SpendImportStatus = (typeof spendImportStatuses)[number];

/**
 * A file being imported, or imported: operational like contract_imports (its upload, start, end and undoing are audit
 * events). Its payments are written in batches tagged with its id and added up into the figures only when it is marked
 * imported, in the same transaction; an import that fails or is cut short is undone (undo-spend-import.ts).
 */
export const spendImports = pgTable(
  'spend_imports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind', { enum: spendKinds }).notNull(),
    publisherId: uuid('publisher_id')
      .notNull()
      .references(() => spendPublishers.id),
    fileName: text('file_name').notNull(),
    /** SHA-256 of the file's bytes: the same file is imported once per publisher */
    checksum: text('checksum').notNull(),
    sizeBytes: bigint('size_bytes', { mode: 'number' }).notNull(),
    /** null when imported from the command line */
    uploadedBy: uuid('uploaded_by').references(() => users.id, { onDelete: 'set null' }),
    columns: jsonb('columns').$type<string[]>().notNull(),
    /** how the file is read: its text encoding, separator, and the records above its header row */
    encoding: text('encoding', { enum: ['utf-8', 'windows-1252'] }).notNull(),
    separator: text('separator').notNull(),
    headerIndex: integer('header_index').notNull(),
    headerSignature: text('header_signature').notNull(),
    /** the first rows below the header, shown beside the columns step */
    sample: jsonb('sample').$type<string[][]>().notNull().default([]),
    /** import field -> column name, as chosen in the columns step */
    mapping: jsonb('mapping').$type<Record<string, string>>(),
    status: text('status', { enum: spendImportStatuses }).notNull().default('uploaded'),
    /** lines in the file, for the progress bar (rows are fewer when values run over several lines) */
    linesTotal: integer('lines_total').notNull().default(0),
    rowsRead: integer('rows_read').notNull().default(0),
    rowsImported: integer('rows_imported').notNull().default(0),
    /** rows already imported from another file of the same publisher (or an earlier import of this one) */
    rowsDuplicate: integer('rows_duplicate').notNull().default(0),
    rowsRedacted: integer('rows_redacted').notNull().default(0),
    totalPence: bigint('total_pence', { mode: 'number' }).notNull().default(0),
    /** why the import failed, in words for the person who started it */
    problem: text('problem'),
    /** renewed by each batch while importing: an import whose lease ran out was cut short */
    importingAt: timestamp('importing_at', { withTimezone: true }),
    importedAt: timestamp('imported_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('spend_imports_file_key')
      .on(t.publisherId, t.kind, t.checksum)
      .where(sql`status = 'imported'`),
    index('spend_imports_created_idx').on(t.createdAt),
  ],
);

/** A file uploaded through the web, kept until it is imported. */
export const spendImportFiles = pgTable('spend_import_files', {
  importId: uuid('import_id')
    .primaryKey()
    .references(() => spendImports.id, { onDelete: 'cascade' }),
  data: bytea('data').notNull(),
});

export const spendMatchStatuses = ['matched', 'review', 'unmatched', 'redacted'] as const;
export type SpendMatchStatus = (typeof spendMatchStatuses)[number];

/**
 * A supplier (or grant recipient) as a publisher's files name it, one per publisher and name as written, and the
 * directory organisation it is: matched by number or name, waiting for review (a similar name), unmatched, or the
 * publisher's redacted payments. A person's decision is kept (decided_at) and never changed by a later import.
 */
export const spendSuppliers = pgTable(
  'spend_suppliers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    publisherId: uuid('publisher_id')
      .notNull()
      .references(() => spendPublishers.id),
    /** the name as first written, and its key: lower case, single spaces */
    name: text('name').notNull(),
    nameKey: text('name_key').notNull(),
    companyNumber: text('company_number'),
    charityNumber: text('charity_number'),
    postcode: text('postcode'),
    /** what the file said about the supplier being a VCSE, if it said */
    vcseInFile: boolean('vcse_in_file'),
    status: text('status', { enum: spendMatchStatuses }).notNull(),
    organisationId: uuid('organisation_id').references(() => organisations.id),
    /** how it was matched: 'company number', 'charity number', 'name', 'decision' */
    matchedBy: text('matched_by'),
    /** for review: the organisation with the most similar name, and how similar (0 to 100) */
    candidateId: uuid('candidate_id').references(() => organisations.id),
    candidateScore: integer('candidate_score'),
    decidedBy: uuid('decided_by').references(() => users.id, { onDelete: 'set null' }),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    /** the import that first named it: undone with it if that import fails */
    firstImportId: uuid('first_import_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('spend_suppliers_name_key').on(t.publisherId, t.nameKey),
    index('spend_suppliers_organisation_idx').on(t.organisationId),
    index('spend_suppliers_status_idx').on(t.status),
  ],
);

/**
 * One payment or grant. Not audited row by row (a file has tens of thousands): each import is an audit event. The
 * row key is a hash of what the row says (and its occurrence among identical rows of its file), unique per publisher,
 * so a row already imported from any file of the publisher is not imported twice.
 */
export const spendPayments = pgTable(
  'spend_payments',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    importId: uuid('import_id').notNull(),
    publisherId: uuid('publisher_id').notNull(),
    kind: text('kind', { enum: spendKinds }).notNull(),
    supplierId: uuid('supplier_id').notNull(),
    rowKey: uuid('row_key').notNull(),
    paidOn: date('paid_on', { mode: 'string' }).notNull(),
    directorate: text('directorate').notNull(),
    amountPence: bigint('amount_pence', { mode: 'number' }).notNull(),
    reference: text('reference').notNull(),
  },
  (t) => [uniqueIndex('spend_payments_row_key').on(t.publisherId, t.rowKey), index('spend_payments_import_idx').on(t.importId)],
);

const amounts = () => ({
  pence: bigint('pence', { mode: 'number' }).notNull().default(0),
  payments: integer('payments').notNull().default(0),
});

/** Imported payments by supplier, month and directorate: what a supplier's match moves from one figure to another. */
export const spendSupplierMonths = pgTable(
  'spend_supplier_months',
  {
    supplierId: uuid('supplier_id').notNull(),
    kind: text('kind', { enum: spendKinds }).notNull(),
    month: date('month', { mode: 'string' }).notNull(),
    directorate: text('directorate').notNull(),
    ...amounts(),
  },
  (t) => [primaryKey({ name: 'spend_supplier_months_pkey', columns: [t.supplierId, t.kind, t.month, t.directorate] })],
);

/** A supplier's size as the figures count it: its size, or 'unknown' (unmatched, or no size given). */
export const spendSizes = ['micro', 'small', 'medium', 'large', 'unknown'] as const;

/**
 * The spend figures: imported payments by kind x publisher x month x directorate x the supplier's district, size,
 * VCSE and local flags and match. Kept by triggers (migration "spend_maintenance") as imports commit, as matches are
 * decided and as organisations change; the spend page and the dashboard read only this.
 */
export const spendFigures = pgTable(
  'spend_figures',
  {
    kind: text('kind', { enum: spendKinds }).notNull(),
    publisherId: uuid('publisher_id').notNull(),
    month: date('month', { mode: 'string' }).notNull(),
    directorate: text('directorate').notNull(),
    district: text('district').notNull(),
    size: text('size', { enum: spendSizes }).notNull(),
    vcse: boolean('vcse').notNull(),
    local: boolean('local').notNull(),
    match: text('match', { enum: spendMatchStatuses }).notNull(),
    ...amounts(),
  },
  (t) => [
    primaryKey({
      name: 'spend_figures_pkey',
      columns: [t.kind, t.publisherId, t.month, t.directorate, t.district, t.size, t.vcse, t.local, t.match],
    }),
  ],
);
