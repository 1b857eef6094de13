import { sql } from 'drizzle-orm';
import { bigint, boolean, check, date, index, pgTable, serial, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { contractCommitments, contracts, reportLines } from './contracts.js';
import { measures } from './framework.js';
import { organisations, users } from './people.js';

export const needTypes = ['volunteers', 'skills', 'goods', 'space', 'money', 'work_placements', 'other'] as const;
export type NeedType = (typeof needTypes)[number];
export const needStatuses = ['open', 'closed'] as const;
export type NeedStatus = (typeof needStatuses)[number];

/**
 * A community organisation's need on the needs board: what it needs, where, for which strategic outcome (by code, so
 * it reads across framework versions), by when and how it will be used. Contact details are shown to the public only
 * when the organisation ticks `publish_contact`.
 */
export const communityNeeds = pgTable(
  'community_needs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    number: serial('number').notNull(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    title: text('title').notNull(),
    needType: text('need_type', { enum: needTypes }).notNull(),
    description: text('description').notNull(),
    district: text('district').notNull(),
    postcode: text('postcode'),
    outcomeCode: text('outcome_code').notNull(),
    neededBy: date('needed_by', { mode: 'string' }).notNull(),
    howUsed: text('how_used').notNull(),
    contactName: text('contact_name').notNull().default(''),
    contactEmail: text('contact_email').notNull().default(''),
    contactPhone: text('contact_phone').notNull().default(''),
    /** the organisation's explicit choice to show its contact details on the public board */
    publishContact: boolean('publish_contact').notNull().default(false),
    status: text('status', { enum: needStatuses }).notNull().default('open'),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('community_needs_number_key').on(t.number),
    index('community_needs_organisation_idx').on(t.organisationId, t.status),
    // the board: open needs, soonest first
    index('community_needs_open_idx')
      .on(t.neededBy)
      .where(sql`${t.status} = 'open'`),
  ],
);

export const pledgeStatuses = ['pledged', 'met', 'withdrawn'] as const;
export type PledgeStatus = (typeof pledgeStatuses)[number];

/**
 * A supplier's pledge to meet a need, counted on one of its own contracts: against a commitment of that contract, or as
 * additional social value (commitment null) against a measure. When the organisation confirms it was met, the pledge
 * becomes one line of the contract's next delivery report (`report_line_id`, unique: a pledge is reported once); the
 * line counts only when the contract manager verifies it, like any other.
 */
export const needPledges = pgTable(
  'need_pledges',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    needId: uuid('need_id')
      .notNull()
      .references(() => communityNeeds.id),
    supplierId: uuid('supplier_id')
      .notNull()
      .references(() => organisations.id),
    contractId: uuid('contract_id')
      .notNull()
      .references(() => contracts.id),
    commitmentId: uuid('commitment_id').references(() => contractCommitments.id),
    measureId: uuid('measure_id')
      .notNull()
      .references(() => measures.id),
    quantityHundredths: bigint('quantity_hundredths', { mode: 'number' }).notNull(),
    offer: text('offer').notNull(),
    status: text('status', { enum: pledgeStatuses }).notNull().default('pledged'),
    pledgedBy: uuid('pledged_by')
      .notNull()
      .references(() => users.id),
    metQuantityHundredths: bigint('met_quantity_hundredths', { mode: 'number' }),
    metDescription: text('met_description'),
    metOn: date('met_on', { mode: 'string' }),
    confirmedBy: uuid('confirmed_by').references(() => users.id),
    confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
    reportLineId: uuid('report_line_id').references(() => reportLines.id, { onDelete: 'set null' }),
    /** set when it was confirmed met after every report that could carry it was handed in: it is in no report */
    tooLateAt: timestamp('too_late_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('need_pledges_need_idx').on(t.needId),
    index('need_pledges_supplier_idx').on(t.supplierId, t.status),
    // met pledges waiting for a line of their contract's next report
    index('need_pledges_unreported_idx')
      .on(t.contractId, t.metOn)
      .where(sql`${t.status} = 'met' and ${t.reportLineId} is null`),
    uniqueIndex('need_pledges_report_line_key').on(t.reportLineId),
    check('need_pledges_quantity', sql`${t.quantityHundredths} > 0`),
    check('need_pledges_met', sql`${t.status} <> 'met' or (${t.metQuantityHundredths} is not null and ${t.metOn} is not null)`),
  ],
);
