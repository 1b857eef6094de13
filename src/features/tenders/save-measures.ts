import { and, eq, notInArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { tenderMeasures, tenders } from '../../db/schema/index.js';
import type { Actor } from '../../platform/audit.js';
import { changeDraftTender, type DraftTenderChange } from './change-draft-tender.js';
import type { MeasureChoice } from './forms.js';
import type { TenderRow } from './repository.js';

/**
 * The measures bidders may commit to, all from one framework version (the active one, which the tender then uses):
 * those not chosen any more are removed, the others added or their minimum changed.
 */
export async function saveMeasures(db: Db, actor: Actor, tender: TenderRow, versionId: string, chosen: MeasureChoice[]): Promise<DraftTenderChange<void>> {
  return changeDraftTender(db, actor, tender.id, `Changed the measures of tender ${tender.number}`, async (tx) => {
    const ids = chosen.map((c) => c.measureId);
    await tx.delete(tenderMeasures).where(and(eq(tenderMeasures.tenderId, tender.id), ids.length ? notInArray(tenderMeasures.measureId, ids) : undefined));
    for (const choice of chosen) {
      await tx
        .insert(tenderMeasures)
        .values({ tenderId: tender.id, measureId: choice.measureId, minimumHundredths: choice.minimumHundredths })
        .onConflictDoUpdate({ target: [tenderMeasures.tenderId, tenderMeasures.measureId], set: { minimumHundredths: choice.minimumHundredths } });
    }
    await tx
      .update(tenders)
      .set({ frameworkVersionId: versionId, updatedAt: sql`now()` })
      .where(eq(tenders.id, tender.id));
  });
}
