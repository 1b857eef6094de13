import { index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './people.js';

/** One row of an uploaded register: its row number in the file (the header row is 1) and its cells as text. */
export interface RegisterRow {
  row: number;
  cells: string[];
}

/**
 * A contracts register file uploaded for import, kept between the steps of the import (columns, check, import)
 * so that the file is read once and never travels back through the browser. Operational, like sessions: not
 * audited row by row. The upload is recorded as an audit event, and the contracts and suppliers it creates are
 * audited as usual. Its rows are emptied once imported; uploads are removed after a week.
 */
export const contractImports = pgTable(
  'contract_imports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    uploadedBy: uuid('uploaded_by')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    fileName: text('file_name').notNull(),
    headerSignature: text('header_signature').notNull(),
    columns: jsonb('columns').$type<string[]>().notNull(),
    rows: jsonb('rows').$type<RegisterRow[]>().notNull(),
    /** import field -> column name, and whether values include VAT, as chosen in the columns step */
    mapping: jsonb('mapping').$type<Record<string, string>>(),
    /** the contracts the import makes: chosen when it starts, so that an import that fails part way can be undone */
    contractIds: uuid('contract_ids').array(),
    /** the new suppliers the import makes, likewise */
    supplierIds: uuid('supplier_ids').array(),
    /**
     * Set while the import writes its batches, and renewed by each: an import whose last batch is older than its lease
     * was cut short (the process stopped) and is undone.
     */
    importingAt: timestamp('importing_at', { withTimezone: true }),
    importedAt: timestamp('imported_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('contract_imports_uploaded_by_idx').on(t.uploadedBy, t.createdAt)],
);
