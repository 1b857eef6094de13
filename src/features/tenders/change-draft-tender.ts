import type { Db, Tx } from '../../db/client.js';
import { withAudit, type Actor } from '../../platform/audit.js';
import { isFrozenRefusal } from '../framework/database-errors.js';
import { lockTender, type TenderRow } from './repository.js';

export type DraftTenderChange<T> = { status: 'done'; value: T } | { status: 'frozen' } | { status: 'missing' };

/**
 * Runs a change to a draft tender's set-up in one audited transaction. The tender row is locked first, so that it
 * cannot be published half-way through the change; once it is no longer a draft nothing is changed. The database's
 * freeze trigger on measures and questions is the last line of defence, and its refusal is reported the same way.
 */
export async function changeDraftTender<T>(
  db: Db,
  actor: Actor,
  tenderId: string,
  action: string,
  work: (tx: Tx, tender: TenderRow) => Promise<T>,
): Promise<DraftTenderChange<T>> {
  try {
    return await withAudit(db, actor, action, async (tx): Promise<DraftTenderChange<T>> => {
      const tender = await lockTender(tx, tenderId);
      if (!tender) return { status: 'missing' };
      if (tender.status !== 'draft') return { status: 'frozen' };
      return { status: 'done', value: await work(tx, tender) };
    });
  } catch (error) {
    if (isFrozenRefusal(error)) return { status: 'frozen' };
    throw error;
  }
}
