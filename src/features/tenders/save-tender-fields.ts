import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { tenders } from '../../db/schema/index.js';
import type { Actor } from '../../platform/audit.js';
import { changeDraftTender, type DraftTenderChange } from './change-draft-tender.js';
import type { TenderRow } from './repository.js';

/** The fields of a draft tender that its set-up pages change (title, weighting, method, scale, closing time, risk share). */
export type TenderFields = Partial<
  Pick<TenderRow, 'title' | 'svWeightBps' | 'lowWeightReason' | 'quantitativeShareBps' | 'quantitativeMethod' | 'scale' | 'closingAt' | 'riskShareBps'>
>;

/** Saves one set-up page of a draft tender, in one audited transaction, refused once the tender is published. */
export async function saveTenderFields(db: Db, actor: Actor, tender: TenderRow, action: string, fields: TenderFields): Promise<DraftTenderChange<void>> {
  return changeDraftTender(db, actor, tender.id, `${action} of tender ${tender.number}`, async (tx) => {
    await tx
      .update(tenders)
      .set({ ...fields, updatedAt: sql`now()` })
      .where(eq(tenders.id, tender.id));
  });
}
