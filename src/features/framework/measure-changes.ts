import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { measures } from '../../db/schema/index.js';
import type { Actor } from '../../platform/audit.js';
import { changeDraft, type DraftChange } from './change-draft.js';
import type { MeasureFields } from './forms.js';
import { codeInUse, type MeasureRow, type VersionRow } from './repository.js';

/** Adds a measure to a draft, unless another measure in the version has its code. Returns the new measure's id. */
export async function addMeasure(db: Db, actor: Actor, version: VersionRow, measure: MeasureFields): Promise<DraftChange<{ id: string } | 'code-in-use'>> {
  return changeDraft(db, actor, version.id, `Added measure ${measure.code} to framework version ${version.number}`, async (tx) => {
    if (await codeInUse(tx, 'measures', version.id, measure.code)) return 'code-in-use';
    const [row] = await tx
      .insert(measures)
      .values({ ...measure, versionId: version.id })
      .returning({ id: measures.id });
    return { id: row!.id };
  });
}

export async function changeMeasure(
  db: Db,
  actor: Actor,
  version: VersionRow,
  measureId: string,
  measure: MeasureFields,
): Promise<DraftChange<'saved' | 'code-in-use'>> {
  return changeDraft(db, actor, version.id, `Changed measure ${measure.code} in framework version ${version.number}`, async (tx) => {
    if (await codeInUse(tx, 'measures', version.id, measure.code, measureId)) return 'code-in-use';
    await tx.update(measures).set(measure).where(eq(measures.id, measureId));
    return 'saved';
  });
}

export async function deleteMeasure(db: Db, actor: Actor, version: VersionRow, measure: MeasureRow): Promise<DraftChange<void>> {
  return changeDraft(db, actor, version.id, `Deleted measure ${measure.code} from framework version ${version.number}`, async (tx) => {
    await tx.delete(measures).where(eq(measures.id, measure.id));
  });
}
