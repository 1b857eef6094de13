import { sql } from 'drizzle-orm';
import type { Db, Tx } from '../db/client.js';
import { auditEvents } from '../db/schema/index.js';

/** Who is acting: a signed-in user, or the system (seeding, jobs). */
export interface Actor {
  id: string | null;
  label: string;
  requestId?: string | undefined;
}

export const systemActor: Actor = { id: null, label: 'system' };

/**
 * Runs `work` in one transaction whose every row change is written to the audit trail by the
 * database's triggers, labelled with the actor and a plain-English action ("Activated framework version 2").
 */
export async function withAudit<T>(db: Db, actor: Actor, action: string, work: (tx: Tx) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.execute(
      sql`select set_config('sv.actor_id', ${actor.id ?? ''}, true), set_config('sv.actor_label', ${actor.label}, true),
                 set_config('sv.action', ${action}, true), set_config('sv.request_id', ${actor.requestId ?? ''}, true)`,
    );
    return work(tx);
  });
}

/** An event that changes no row but belongs in the trail: sign-in, sign-out, refused access, exports. */
export async function recordEvent(
  db: Db | Tx,
  actor: Actor,
  action: string,
  detail: { entityTable?: string; entityId?: string; after?: unknown } = {},
): Promise<void> {
  await db.insert(auditEvents).values({
    actorId: actor.id,
    actorLabel: actor.label,
    action,
    operation: 'event',
    entityTable: detail.entityTable ?? null,
    entityId: detail.entityId ?? null,
    after: detail.after ?? null,
    requestId: actor.requestId ?? null,
  });
}
