import { sql } from 'drizzle-orm';
import { bigint, boolean, check, date, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from './people.js';

import { thresholdKinds } from '../../domain/applicability.js';

export { thresholdKinds, type ThresholdKind } from '../../domain/applicability.js';

export const thresholds = pgTable(
  'thresholds',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind', { enum: thresholdKinds }).notNull(),
    amountPence: bigint('amount_pence', { mode: 'number' }).notNull(),
    includesVat: boolean('includes_vat').notNull(),
    effectiveFrom: date('effective_from', { mode: 'string' }).notNull(),
    source: text('source').notNull().default(''),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('thresholds_kind_date_key').on(t.kind, t.effectiveFrom), check('thresholds_amount_positive', sql`${t.amountPence} > 0`)],
);
