import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { frameworkVersions, measures, outcomes } from '../../db/schema/index.js';
import type { Actor } from '../../platform/audit.js';
import { changeDraft, type DraftChange } from './change-draft.js';
import type { VersionRow } from './repository.js';

/** Deletes a draft version with its outcomes and measures. Active and retired versions are never deleted. */
export async function deleteDraft(db: Db, actor: Actor, version: VersionRow): Promise<DraftChange<void>> {
  return changeDraft(db, actor, version.id, `Deleted draft framework version ${version.number}`, async (tx) => {
    await tx.delete(measures).where(eq(measures.versionId, version.id));
    await tx.delete(outcomes).where(eq(outcomes.versionId, version.id));
    await tx.delete(frameworkVersions).where(eq(frameworkVersions.id, version.id));
  });
}
