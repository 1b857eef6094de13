import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { engagementEntries } from '../../db/schema/index.js';
import { withAudit, type Actor } from '../../platform/audit.js';
import type { RequirementRow } from '../assessment/requirement-pages.js';
import type { EntryInput } from './forms.js';

export async function addEntry(db: Db, actor: Actor, requirement: RequirementRow, entry: EntryInput): Promise<string> {
  return withAudit(db, actor, `Added an engagement with ${entry.who} to the log of ${requirement.title}`, async (tx) => {
    const [row] = await tx
      .insert(engagementEntries)
      .values({ ...entry, requirementId: requirement.id, createdBy: actor.id })
      .returning({ id: engagementEntries.id });
    return row!.id;
  });
}

/** Changes an entry; false when it no longer exists. */
export async function changeEntry(db: Db, actor: Actor, requirement: RequirementRow, entryId: string, entry: EntryInput): Promise<boolean> {
  return withAudit(db, actor, `Changed the engagement with ${entry.who} in the log of ${requirement.title}`, async (tx) => {
    const rows = await tx
      .update(engagementEntries)
      .set(entry)
      .where(and(eq(engagementEntries.requirementId, requirement.id), eq(engagementEntries.id, entryId)))
      .returning({ id: engagementEntries.id });
    return rows.length > 0;
  });
}
