import { and, asc, desc, eq, gt, gte, ilike, lt, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { auditEvents } from '../../db/schema/index.js';

export interface AuditFilters {
  actor: string;
  action: string;
  entityTable: string;
  operation: string;
  from: string | null; // YYYY-MM-DD, inclusive
  to: string | null; // YYYY-MM-DD, inclusive
  before: number | null; // keyset paging: only actions that opened with a smaller id
}

export const PAGE_SIZE = 50;
export const CHANGES_PAGE_SIZE = 50;
const operations = ['insert', 'update', 'delete', 'event'] as const;

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/**
 * The tables whose every row change is written to the trail: those with the audit trigger, read from the database
 * itself, so a table audited by a later migration can be filtered without a change here.
 */
export async function listAuditedTables(db: Db): Promise<string[]> {
  const result = await db.execute(
    sql`select distinct c.relname as name from pg_trigger g join pg_class c on c.oid = g.tgrelid
         where g.tgfoid = 'sv_audit_row'::regproc order by 1`,
  );
  return (result as unknown as { rows: { name: string }[] }).rows.map((row) => row.name);
}

/**
 * One page of the audit trail, newest first: one entry per action (all the rows one withAudit() call wrote, or one
 * recorded event), with how many rows it changed, and whether there is an older page. The record and kind-of-change
 * filters match an action when any of its rows matches.
 */
export async function searchAudit(db: Db, filters: AuditFilters) {
  const conditions: SQL[] = [sql`${auditEvents.actionId} = ${auditEvents.id}`];
  if (filters.actor) conditions.push(ilike(auditEvents.actorLabel, `%${escapeLike(filters.actor)}%`));
  if (filters.action) conditions.push(ilike(auditEvents.action, `%${escapeLike(filters.action)}%`));
  const rowConditions: SQL[] = [];
  if (filters.entityTable) rowConditions.push(sql`r.entity_table = ${filters.entityTable}`);
  if ((operations as readonly string[]).includes(filters.operation)) rowConditions.push(sql`r.operation = ${filters.operation}`);
  if (rowConditions.length) {
    conditions.push(sql`exists (select 1 from audit_events r where r.action_id = ${auditEvents.id} and ${sql.join(rowConditions, sql` and `)})`);
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
      rowsChanged: sql<number>`(select count(*) from audit_events r where r.action_id = ${auditEvents.id} and r.operation <> 'event')`.mapWith(Number),
    })
    .from(auditEvents)
    .where(and(...conditions))
    .orderBy(desc(auditEvents.id))
    .limit(PAGE_SIZE + 1);
  return { events: rows.slice(0, PAGE_SIZE), hasOlder: rows.length > PAGE_SIZE };
}

/** The action that the event with this id belongs to: its first row, how many rows it has, and a page of them in order. */
export async function findAuditAction(db: Db, id: number, after: number | null) {
  const [event] = await db.select({ actionId: auditEvents.actionId }).from(auditEvents).where(eq(auditEvents.id, id)).limit(1);
  if (!event) return null;
  const actionId = event.actionId ?? id;
  const [first] = await db.select().from(auditEvents).where(eq(auditEvents.id, actionId)).limit(1);
  if (!first) return null;
  const [{ total } = { total: 0 }] = await db
    .select({ total: sql<number>`count(*)`.mapWith(Number) })
    .from(auditEvents)
    .where(eq(auditEvents.actionId, actionId));
  const rows = await db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.actionId, actionId), after === null ? undefined : gt(auditEvents.id, after)))
    .orderBy(asc(auditEvents.id))
    .limit(CHANGES_PAGE_SIZE + 1);
  return { first, total: Math.max(total, 1), rows: rows.slice(0, CHANGES_PAGE_SIZE), hasMore: rows.length > CHANGES_PAGE_SIZE };
}
