import { sql } from 'drizzle-orm';
import { index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from './people.js';

/** The reports a list or partner body can be sent: the quarter's (once it has ended) or the financial year's. */
export const reportKinds = ['quarterly', 'annual'] as const;
export type ReportKind = (typeof reportKinds)[number];

/** How the report goes: as a PDF attached to the email, or as a link (signed, expiring) to the PDF. */
export const reportDeliveries = ['attached', 'linked'] as const;
export type ReportDelivery = (typeof reportDeliveries)[number];

/** paused: kept, but nothing is sent; unsubscribed: the recipient stopped it; removed: an officer took it away. */
export const subscriptionStatuses = ['active', 'paused', 'unsubscribed', 'removed'] as const;
export type SubscriptionStatus = (typeof subscriptionStatuses)[number];

/**
 * Internal lists and external recipients (partner bodies) that are sent a social value report each period. Audited
 * row by row. A removed subscription is kept (with its send log) and no longer listed.
 */
export const reportSubscriptions = pgTable(
  'report_subscriptions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** the list's or recipient's name: "Cabinet members", "Leicester City Council social value team" */
    name: text('name').notNull(),
    emails: text('emails').array().notNull(),
    kind: text('kind', { enum: reportKinds }).notNull(),
    delivery: text('delivery', { enum: reportDeliveries }).notNull(),
    status: text('status', { enum: subscriptionStatuses }).notNull().default('active'),
    /** the first period sent: the latest one ended when it was added (or resumed); quarter's first day, or the year */
    firstPeriod: text('first_period').notNull(),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    statusChangedAt: timestamp('status_changed_at', { withTimezone: true }),
  },
  (t) => [index('report_subscriptions_status_idx').on(t.status)],
);

/** queued: waiting to go (or to be tried again); sent; failed: gave up after the last attempt; cancelled: stopped first. */
export const reportSendStates = ['queued', 'sent', 'failed', 'cancelled'] as const;
export type ReportSendState = (typeof reportSendStates)[number];

/**
 * One row per subscription and period: the unique key is what makes each report go exactly once, however many
 * instances queue it and however often. A send is claimed with FOR UPDATE SKIP LOCKED and a lease before the email
 * goes; a failure leaves it queued for its next attempt. Operational, like mail_outbox: not audited row by row.
 */
export const reportSends = pgTable(
  'report_sends',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    subscriptionId: uuid('subscription_id')
      .notNull()
      .references(() => reportSubscriptions.id, { onDelete: 'cascade' }),
    /** the quarter's first day ("2026-07-01") or the financial year's first calendar year ("2026") */
    period: text('period').notNull(),
    state: text('state', { enum: reportSendStates }).notNull().default('queued'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    lastError: text('last_error'),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('report_sends_once_key').on(t.subscriptionId, t.period),
    index('report_sends_due_idx')
      .on(t.nextAttemptAt)
      .where(sql`${t.state} = 'queued'`),
    index('report_sends_created_idx').on(t.createdAt),
  ],
);
