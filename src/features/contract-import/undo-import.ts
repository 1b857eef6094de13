import { eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { contractImports, contracts, organisations } from '../../db/schema/index.js';
import { systemActor, withAudit, type Actor } from '../../platform/audit.js';
import { clearImporting, inGroups, unfinishedImports } from './repository.js';

/** Rows deleted per transaction when undoing, so that other requests are served in between. */
const ROWS_PER_DELETE = 1000;

/**
 * Undoes an import that did not finish: deletes the contracts and the new suppliers it wrote (a batch at a time,
 * each audited) and forgets that it started, so the upload can be imported again. Does nothing to a finished import.
 */
export async function undoImport(db: Db, actor: Actor, upload: { id: string; fileName: string }): Promise<void> {
  const [row] = await db
    .select({ contractIds: contractImports.contractIds, supplierIds: contractImports.supplierIds, importedAt: contractImports.importedAt })
    .from(contractImports)
    .where(eq(contractImports.id, upload.id));
  if (!row || row.importedAt) return;
  const action = `Undid the unfinished import of contracts from ${upload.fileName}`;
  for (const group of inGroups(row.contractIds ?? [], ROWS_PER_DELETE)) {
    await withAudit(db, actor, action, (tx) => tx.delete(contracts).where(inArray(contracts.id, group)));
  }
  for (const group of inGroups(row.supplierIds ?? [], ROWS_PER_DELETE)) {
    await withAudit(db, actor, action, (tx) => tx.delete(organisations).where(inArray(organisations.id, group)));
  }
  await withAudit(db, actor, action, (tx) => clearImporting(tx, upload.id));
}

/** How long an import may go without writing a batch before it is taken to have been cut short. */
export const IMPORT_LEASE_MS = 5 * 60_000;

/**
 * Undoes every import cut short (its process stopped part way): those whose last batch is older than `leaseMs`.
 * At start-up on the embedded database every unfinished import was cut short (only one process may use the data
 * folder), so `leaseMs` is 0 there. Returns how many were undone.
 */
export async function undoUnfinishedImports(db: Db, { leaseMs = IMPORT_LEASE_MS, now = new Date() } = {}): Promise<number> {
  const unfinished = await unfinishedImports(db, new Date(now.getTime() - leaseMs));
  for (const upload of unfinished) await undoImport(db, systemActor, upload);
  return unfinished.length;
}
