import { bigserial, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * Append-only. Rows are written by database triggers on every audited table and by
 * recordEvent(); a trigger rejects UPDATE, DELETE and TRUNCATE (see the audit migration).
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
  },
  (t) => [
    index('audit_events_at_idx').on(t.at),
    index('audit_events_actor_idx').on(t.actorId, t.at),
    index('audit_events_entity_idx').on(t.entityTable, t.entityId),
  ],
);
