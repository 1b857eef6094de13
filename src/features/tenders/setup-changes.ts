import { and, eq, notInArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { tenderEvaluators, tenderMeasures, tenderSuppliers, tenders } from '../../db/schema/index.js';
import type { Actor } from '../../platform/audit.js';
import { changeDraftTender, type DraftTenderChange } from './change-draft-tender.js';
import type { MeasureChoice } from './forms.js';
import type { TenderRow } from './repository.js';

/** Saving each set-up page of a draft tender. Each change is one audited transaction, refused once the tender is published. */

type TenderFields = Partial<
  Pick<TenderRow, 'title' | 'svWeightBps' | 'lowWeightReason' | 'quantitativeShareBps' | 'quantitativeMethod' | 'scale' | 'closingAt' | 'riskShareBps'>
>;

export async function saveTenderFields(db: Db, actor: Actor, tender: TenderRow, action: string, fields: TenderFields): Promise<DraftTenderChange<void>> {
  return changeDraftTender(db, actor, tender.id, `${action} of tender ${tender.number}`, async (tx) => {
    await tx
      .update(tenders)
      .set({ ...fields, updatedAt: sql`now()` })
      .where(eq(tenders.id, tender.id));
  });
}

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

/** The suppliers invited: those no longer chosen are removed; those still chosen keep the date they were first added. */
export async function saveSuppliers(db: Db, actor: Actor, tender: TenderRow, organisationIds: string[]): Promise<DraftTenderChange<void>> {
  return changeDraftTender(db, actor, tender.id, `Changed the suppliers invited to tender ${tender.number}`, async (tx) => {
    await tx.delete(tenderSuppliers).where(and(eq(tenderSuppliers.tenderId, tender.id), notInArray(tenderSuppliers.organisationId, organisationIds)));
    await tx
      .insert(tenderSuppliers)
      .values(organisationIds.map((organisationId) => ({ tenderId: tender.id, organisationId })))
      .onConflictDoNothing({ target: [tenderSuppliers.tenderId, tenderSuppliers.organisationId] });
  });
}

export async function saveEvaluators(db: Db, actor: Actor, tender: TenderRow, userIds: string[]): Promise<DraftTenderChange<void>> {
  return changeDraftTender(db, actor, tender.id, `Changed the evaluators of tender ${tender.number}`, async (tx) => {
    await tx.delete(tenderEvaluators).where(and(eq(tenderEvaluators.tenderId, tender.id), notInArray(tenderEvaluators.userId, userIds)));
    await tx
      .insert(tenderEvaluators)
      .values(userIds.map((userId) => ({ tenderId: tender.id, userId })))
      .onConflictDoNothing({ target: [tenderEvaluators.tenderId, tenderEvaluators.userId] });
  });
}
