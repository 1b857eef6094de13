import { eq } from 'drizzle-orm';
import type { DbOrTx, Tx } from '../../db/client.js';
import { hiaScreenings, users } from '../../db/schema/index.js';

export type ScreeningRow = typeof hiaScreenings.$inferSelect;

/** A requirement's screening, with the name of whoever completed it; null before it starts. */
export async function findScreening(db: DbOrTx, requirementId: string) {
  const [row] = await db
    .select({ screening: hiaScreenings, completedByName: users.name })
    .from(hiaScreenings)
    .leftJoin(users, eq(users.id, hiaScreenings.completedBy))
    .where(eq(hiaScreenings.requirementId, requirementId))
    .limit(1);
  return row ? { ...row.screening, completedByName: row.completedByName } : null;
}

export async function lockScreening(tx: Tx, requirementId: string): Promise<ScreeningRow | null> {
  const [row] = await tx.select().from(hiaScreenings).where(eq(hiaScreenings.requirementId, requirementId)).for('update');
  return row ?? null;
}
