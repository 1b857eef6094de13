import type { Db } from '../../db/client.js';
import { frameworkVersions } from '../../db/schema/index.js';
import { withAudit, type Actor } from '../../platform/audit.js';
import { writeContent, type FrameworkContent } from './content.js';
import { isUniqueViolation } from './database-errors.js';
import { findVersionByStatus, nextVersionNumber } from './repository.js';

export interface ImportedFramework {
  name: string;
  notes: string | null;
  content: FrameworkContent;
}

export type ImportDraftResult = { status: 'imported'; id: string } | { status: 'draft-exists'; draftId: string };

/** Creates a new draft holding a checked file's outcomes and measures, all in one transaction, unless a draft exists. */
export async function importDraft(db: Db, actor: Actor, framework: ImportedFramework, fileName: string): Promise<ImportDraftResult> {
  const existing = await findVersionByStatus(db, 'draft');
  if (existing) return { status: 'draft-exists', draftId: existing.id };
  const number = await nextVersionNumber(db);
  try {
    const id = await withAudit(db, actor, `Imported framework version ${number} from ${fileName}`, async (tx) => {
      const [draft] = await tx
        .insert(frameworkVersions)
        .values({ number, name: framework.name, notes: framework.notes, createdBy: actor.id })
        .returning({ id: frameworkVersions.id });
      await writeContent(tx, draft!.id, framework.content);
      return draft!.id;
    });
    return { status: 'imported', id };
  } catch (error) {
    const draft = isUniqueViolation(error) ? await findVersionByStatus(db, 'draft') : null;
    if (draft) return { status: 'draft-exists', draftId: draft.id };
    throw error;
  }
}
