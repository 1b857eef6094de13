import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { frameworkVersions } from '../../db/schema/index.js';
import type { Actor } from '../../platform/audit.js';
import { changeDraft } from './change-draft.js';
import { countMeasures, type VersionRow } from './repository.js';

export type ActivateResult = 'activated' | 'no-measures' | 'frozen' | 'missing';

/**
 * Makes a draft the active version, used for new tenders, and retires the version that was active, in one
 * transaction. From then on the database refuses any change to the version's outcomes and measures.
 */
export async function activateDraft(db: Db, actor: Actor, version: VersionRow): Promise<ActivateResult> {
  const result = await changeDraft(db, actor, version.id, `Activated framework version ${version.number}`, async (tx) => {
    if ((await countMeasures(tx, { versionId: version.id })) === 0) return 'no-measures' as const;
    const now = new Date();
    await tx.update(frameworkVersions).set({ status: 'retired', retiredAt: now }).where(eq(frameworkVersions.status, 'active'));
    await tx.update(frameworkVersions).set({ status: 'active', activatedAt: now, activatedBy: actor.id }).where(eq(frameworkVersions.id, version.id));
    return 'activated' as const;
  });
  return result.status === 'done' ? result.value : result.status;
}
