import { and, desc, eq, gte, ilike, lt, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { auditEvents } from '../../db/schema/index.js';

export interface AuditFilters {
  actor: string;
  action: string;
  entityTable: string;
  operation: string;
  from: string | null; // YYYY-MM-DD, inclusive
  to: string | null; // YYYY-MM-DD, inclusive
  before: number | null; // keyset paging: only events with a smaller id
}

export const PAGE_SIZE = 50;
const operations = ['insert', 'update', 'delete', 'event'] as const;

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** One page of the audit trail, newest first, and whether there is an older page. */
export async function searchAudit(db: Db, filters: AuditFilters) {
  const conditions: SQL[] = [];
  if (filters.actor) conditions.push(ilike(auditEvents.actorLabel, `%${escapeLike(filters.actor)}%`));
  if (filters.action) conditions.push(ilike(auditEvents.action, `%${escapeLike(filters.action)}%`));
  if (filters.entityTable) conditions.push(eq(auditEvents.entityTable, filters.entityTable));
  if ((operations as readonly string[]).includes(filters.operation)) {
    conditions.push(eq(auditEvents.operation, filters.operation as (typeof operations)[number]));
  }
  if (filters.from) conditions.push(gte(auditEvents.at, new Date(`${filters.from}T00:00:00Z`)));
  if (filters.to) conditions.push(lt(auditEvents.at, new Date(Date.parse(`${filters.to}T00:00:00Z`) + 86_400_000)));
  if (filters.before) conditions.push(lt(auditEvents.id, filters.before));
  const rows = await db
    .select({
      id: auditEvents.id,
      at: auditEvents.at,
      actorLabel: auditEvents.actorLabel,
      action: auditEvents.action,
      operation: auditEvents.operation,
      entityTable: auditEvents.entityTable,
      entityId: auditEvents.entityId,
    })
    .from(auditEvents)
    .where(and(...conditions))
    .orderBy(desc(auditEvents.id))
    .limit(PAGE_SIZE + 1);
  return { events: rows.slice(0, PAGE_SIZE), hasOlder: rows.length > PAGE_SIZE };
}

export async function findAuditEvent(db: Db, id: number) {
  const [event] = await db.select().from(auditEvents).where(eq(auditEvents.id, id)).limit(1);
  return event ?? null;
}
