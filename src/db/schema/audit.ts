import { sql } from 'drizzle-orm';
import { bigint, bigserial, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * Append-only. Rows are written by database triggers on every audited table and by
 * recordEvent(); one action (a withAudit() call) may write many rows, grouped by action_id. A trigger rejects UPDATE, DELETE and TRUNCATE (see the audit migration).
 */
export const auditEvents = pgTable(
  'audit_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    actorId: uuid('actor_id'),
    actorLabel: text('actor_label').notNull().default('system'),
    action: text('action').notNull(),
    operation: text('operation', { enum: ['insert', 'update', 'delete', 'event'] }).notNull(),
    entityTable: text('entity_table'),
    entityId: text('entity_id'),
    before: jsonb('before'),
    after: jsonb('after'),
    requestId: text('request_id'),
    /**
     * The event that opened this row's action: every row written by one withAudit() call (one transaction, one action
     * label) carries the id of the first, which carries its own. Null on rows written before actions were grouped.
     */
    actionId: bigint('action_id', { mode: 'number' }),
    /** The transaction that wrote the row (txid_current()), with which later rows of the same action find the first. */
    transactionId: bigint('transaction_id', { mode: 'number' }),
  },
  (t) => [
    index('audit_events_at_idx').on(t.at),
    index('audit_events_actor_idx').on(t.actorId, t.at),
    index('audit_events_entity_idx').on(t.entityTable, t.entityId),
    index('audit_events_action_idx').on(t.actionId),
    // The first row of each action, newest first: the audit trail's list.
    index('audit_events_action_first_idx')
      .on(t.id)
      .where(sql`action_id = id`),
    index('audit_events_transaction_idx').on(t.transactionId, t.action),
  ],
);
