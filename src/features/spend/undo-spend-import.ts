import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { spendImports, spendSuppliers } from '../../db/schema/index.js';
import { systemActor, withAudit, type Actor } from '../../platform/audit.js';
import { rowsOf, unfinishedImports } from './repository.js';

/** Payments deleted per transaction when undoing, so that other requests are served in between. */
const ROWS_PER_DELETE = 10_000;

/**
 * Undoes an import that did not finish: deletes its payments (a batch at a time) and the suppliers
 * it named first, and marks it failed with the reason. Its payments were never in the figures: those move only when an
 * import is marked imported. Does nothing to an import that finished.
 */
export async function undoSpendImport(db: Db, actor: Actor, spendImport: { id: string; fileName: string }, problem: string): Promise<void> {
  const [row] = await db.select({ status: spendImports.status }).from(spendImports).where(eq(spendImports.id, spendImport.id));
  if (!row || row.status === 'imported') return;
  const action = `Undid the unfinished import of ${spendImport.fileName}`;
  for (;;) {
    const deleted = await db.execute(
      sql`with d as (delete from spend_payments where id in (select id from spend_payments where import_id = ${spendImport.id} limit ${ROWS_PER_DELETE}) returning 1)
          select count(*)::int as n from d`,
    );
    if ((rowsOf<{ n: number }>(deleted)[0]?.n ?? 0) === 0) break;
  }
  await withAudit(db, actor, action, async (tx) => {
    await tx.delete(spendSuppliers).where(and(eq(spendSuppliers.firstImportId, spendImport.id)));
    await tx.update(spendImports).set({ status: 'failed', problem, importingAt: null }).where(eq(spendImports.id, spendImport.id));
  });
}

/** How long an import may go without writing a batch before it is taken to have been cut short. */
export const SPEND_IMPORT_LEASE_MS = 5 * 60_000;

export const CUT_SHORT = 'The import stopped part way (the service or the command stopped) and was undone: nothing from the file was imported. Start it again.';

/**
 * Undoes every import cut short: those whose last batch is older than `leaseMs` (0 on the embedded database, which
 * only one process can use: every unfinished import there was cut short). Returns how many were undone.
 */
export async function undoUnfinishedSpendImports(db: Db, { leaseMs = SPEND_IMPORT_LEASE_MS, now = new Date() } = {}): Promise<number> {
  const unfinished = await unfinishedImports(db, new Date(now.getTime() - leaseMs));
  for (const spendImport of unfinished) await undoSpendImport(db, systemActor, spendImport, CUT_SHORT);
  return unfinished.length;
}
