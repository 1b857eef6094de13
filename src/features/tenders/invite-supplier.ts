import type { Db } from '../../db/client.js';
import { tenderSuppliers } from '../../db/schema/index.js';
import type { Actor } from '../../platform/audit.js';
import { changeDraftTender, type DraftTenderChange } from './change-draft-tender.js';

/**
 * Adds one supplier to a draft tender's invited suppliers (from the supplier directory), keeping the others. An
 * organisation already invited stays as it was. Returns whether it was newly invited.
 */
export async function inviteSupplier(db: Db, actor: Actor, tenderId: string, organisation: { id: string; name: string }): Promise<DraftTenderChange<boolean>> {
  return changeDraftTender(db, actor, tenderId, `Invited ${organisation.name} to a tender from the supplier directory`, async (tx) => {
    const added = await tx
      .insert(tenderSuppliers)
      .values({ tenderId, organisationId: organisation.id })
      .onConflictDoNothing({ target: [tenderSuppliers.tenderId, tenderSuppliers.organisationId] })
      .returning({ id: tenderSuppliers.organisationId });
    return added.length > 0;
  });
}
