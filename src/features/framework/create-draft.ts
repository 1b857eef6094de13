import type { Db } from '../../db/client.js';
import { frameworkVersions } from '../../db/schema/index.js';
import { withAudit, type Actor } from '../../platform/audit.js';
import { readContent, writeContent } from './content.js';
import { isUniqueViolation } from './database-errors.js';
import { findVersionByStatus, nextVersionNumber } from './repository.js';

export type CreateDraftResult = { created: boolean; id: string };

/**
 * Starts a new draft as a copy of the active version's outcomes and measures. There is at most one draft:
 * when one exists already (or another admin creates one at the same moment), that draft is returned instead.
 */
export async function createDraft(db: Db, actor: Actor): Promise<CreateDraftResult> {
  const existing = await findVersionByStatus(db, 'draft');
  if (existing) return { created: false, id: existing.id };
  const active = await findVersionByStatus(db, 'active');
  const number = await nextVersionNumber(db);
  const action = active ? `Created framework version ${number} as a copy of version ${active.number}` : `Created framework version ${number}`;
  try {
    const id = await withAudit(db, actor, action, async (tx) => {
      const [draft] = await tx
        .insert(frameworkVersions)
        .values({ number, name: active?.name ?? 'Social value framework', basedOnId: active?.id ?? null, createdBy: actor.id })
        .returning({ id: frameworkVersions.id });
      if (active) await writeContent(tx, draft!.id, await readContent(tx, active.id));
      return draft!.id;
    });
    return { created: true, id };
  } catch (error) {
    const draft = isUniqueViolation(error) ? await findVersionByStatus(db, 'draft') : null;
    if (draft) return { created: false, id: draft.id };
    throw error;
  }
}
