import { and, eq, notInArray } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { tenderSuppliers } from '../../db/schema/index.js';
import type { Actor } from '../../platform/audit.js';
import { changeDraftTender, type DraftTenderChange } from './change-draft-tender.js';
import type { TenderRow } from './repository.js';

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
