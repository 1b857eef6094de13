import { and, asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { engagementEntries, users } from '../../db/schema/index.js';

export type EntryRow = typeof engagementEntries.$inferSelect;

/** A requirement's engagement log, oldest first, with the name of whoever added each entry. */
export async function listEntries(db: DbOrTx, requirementId: string) {
  return db
    .select({
      id: engagementEntries.id,
      who: engagementEntries.who,
      engagedOn: engagementEntries.engagedOn,
      method: engagementEntries.method,
      learned: engagementEntries.learned,
      createdBy: engagementEntries.createdBy,
      authorName: users.name,
    })
    .from(engagementEntries)
    .leftJoin(users, eq(users.id, engagementEntries.createdBy))
    .where(eq(engagementEntries.requirementId, requirementId))
    .orderBy(asc(engagementEntries.engagedOn), asc(engagementEntries.createdAt));
}

/** An entry of the requirement's log, or null when the id belongs to no entry of this requirement. */
export async function findEntry(db: DbOrTx, requirementId: string, entryId: string): Promise<EntryRow | null> {
  const [row] = await db
    .select()
    .from(engagementEntries)
    .where(and(eq(engagementEntries.requirementId, requirementId), eq(engagementEntries.id, entryId)))
    .limit(1);
  return row ?? null;
}
