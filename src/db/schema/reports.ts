import { sql } from 'drizzle-orm';
import { date, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { bytea } from './contracts.js';
import { users } from './people.js';

export const reportFileKinds = ['quarterly', 'annual'] as const;
export const reportFileStatuses = ['queued', 'running', 'ready', 'failed'] as const;
export type ReportFileStatus = (typeof reportFileStatuses)[number];

/**
 * A social value report's PDF, made in the background: asked for (queued), claimed by one instance with FOR UPDATE
 * SKIP LOCKED and a lease (running, with the step it is on and how far through it is), then ready with the file, or
 * failed. Operational, like the mail outbox: asking for it and downloading it are audit events.
 */
export const reportFiles = pgTable(
  'report_files',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind', { enum: reportFileKinds }).notNull(),
    /** as in the report's address: a quarter's first day, or a financial year's first calendar year */
    period: text('period').notNull(),
    status: text('status', { enum: reportFileStatuses }).notNull().default('queued'),
    step: text('step').notNull().default('Waiting to start'),
    percent: integer('percent').notNull().default(0),
    requestedBy: uuid('requested_by').references(() => users.id, { onDelete: 'set null' }),
    requestedAt: timestamp('requested_at', { withTimezone: true }).notNull().defaultNow(),
    /** the day the report is produced on: its figures are as they stood then */
    producedOn: date('produced_on', { mode: 'string' }).notNull(),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    attempts: integer('attempts').notNull().default(0),
    error: text('error'),
    pdf: bytea('pdf'),
    byteSize: integer('byte_size'),
    /**
     * A hash of everything the finished PDF shows but the day it was made (figures, contracts, words, case studies):
     * a PDF of the same report with the same key says the same, so a link to the report is served it again.
     */
    figuresKey: text('figures_key'),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [
    // the worker's look for work: only the few files waiting or running
    index('report_files_waiting_idx')
      .on(t.requestedAt)
      .where(sql`${t.status} in ('queued', 'running')`),
    index('report_files_finished_idx').on(t.finishedAt),
    // a finished PDF of a report whose figures have not changed since
    index('report_files_ready_idx')
      .on(t.kind, t.period, t.figuresKey)
      .where(sql`${t.status} = 'ready'`),
  ],
);
