import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { frameworkVersions } from '../../db/schema/index.js';
import type { Actor } from '../../platform/audit.js';
import { changeDraft, type DraftChange } from './change-draft.js';
import type { VersionDetails } from './forms.js';
import type { VersionRow } from './repository.js';

export async function editVersionDetails(db: Db, actor: Actor, version: VersionRow, details: VersionDetails): Promise<DraftChange<void>> {
  return changeDraft(db, actor, version.id, `Changed the name and notes of framework version ${version.number}`, async (tx) => {
    await tx.update(frameworkVersions).set(details).where(eq(frameworkVersions.id, version.id));
  });
}
