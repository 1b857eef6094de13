import { eq } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.js';
import { frameworkVersions } from '../../db/schema/index.js';
import { withAudit, type Actor } from '../../platform/audit.js';
import { isFrozenRefusal } from './database-errors.js';

export type DraftChange<T> = { status: 'done'; value: T } | { status: 'frozen' } | { status: 'missing' };

/**
 * Runs a change to a draft version in one audited transaction. The version row is locked first, so an
 * activation cannot happen half-way through; if the version is no longer a draft nothing is changed.
 * The database's freeze trigger is the last line of defence, and its refusal is reported the same way.
 */
export async function changeDraft<T>(db: Db, actor: Actor, versionId: string, action: string, work: (tx: Tx) => Promise<T>): Promise<DraftChange<T>> {
  try {
    return await withAudit(db, actor, action, async (tx): Promise<DraftChange<T>> => {
      const [version] = await tx.select({ status: frameworkVersions.status }).from(frameworkVersions).where(eq(frameworkVersions.id, versionId)).for('update');
      if (!version) return { status: 'missing' };
      if (version.status !== 'draft') return { status: 'frozen' };
      return { status: 'done', value: await work(tx) };
    });
  } catch (error) {
    if (isFrozenRefusal(error)) return { status: 'frozen' };
    throw error;
  }
}
