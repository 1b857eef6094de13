import { randomUUID } from 'node:crypto';
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { Db } from '../../db/client.js';
import { contracts, organisations } from '../../db/schema/index.js';
import { applicability } from '../../domain/applicability.js';
import { withAudit, type Actor } from '../../platform/audit.js';
import { rematchSpendSuppliers } from '../spend/rematch-suppliers.js';
import { loadThresholds } from '../thresholds/repository.js';
import { mappingFrom } from './mapping.js';
import { planImport, type ImportPlan } from './plan-import.js';
import { findUpload, inGroups, insertMany, lockUpload, markImported, markImporting, renewImporting, type Upload } from './repository.js';
import { undoImport, undoUnfinishedImports } from './undo-import.js';

export type ImportResult =
  | { status: 'imported'; contractIds: string[] }
  | { status: 'already-imported' }
  | { status: 'in-progress' }
  | { status: 'not-ready' }
  | { status: 'problems'; plan: ImportPlan }
  | { status: 'not-found' };

/** Rows written per transaction: short enough that other requests are served between batches. */
export const ROWS_PER_BATCH = 500;

export interface ImportOptions {
  rowsPerBatch?: number;
  /** called after each batch is written, before the next: tests follow the order of events with it */
  afterBatch?: (batch: number) => Promise<void> | void;
}

type Claim = { status: 'claimed'; supplierRows: (typeof organisations.$inferInsert)[]; contractRows: (typeof contracts.$inferInsert)[] } | ImportResult;

/**
 * Checks the upload again against the service as it is now and, in one short transaction, claims it: the ids of the
 * contracts and new suppliers are chosen and recorded, so that an import cut short can be undone.
 */
async function claim(db: Db, actor: Actor, userId: string, upload: Pick<Upload, 'id' | 'fileName'>): Promise<Claim> {
  const found = await findUpload(db, upload.id, userId);
  if (!found) return { status: 'not-found' };
  if (found.importedAt) return { status: 'already-imported' };
  if (!found.mapping) return { status: 'not-ready' };
  const mapping = mappingFrom(found.mapping, found.columns);
  const plan = await planImport(db, found, mapping);
  if (plan.problems.length) return { status: 'problems', plan };
  const thresholds = await loadThresholds(db);

  const supplierIds = new Map(plan.newSuppliers.map((s) => [s.key, randomUUID()]));
  const supplierRows = plan.newSuppliers.map(({ key, ...supplier }) => ({ id: supplierIds.get(key)!, kind: 'supplier' as const, ...supplier }));
  const contractRows = plan.contracts.map((c) => ({
    id: randomUUID(),
    reference: c.reference,
    title: c.title,
    description: c.description,
    directorate: c.directorate,
    supplierId: 'existingId' in c.supplierChoice ? c.supplierChoice.existingId : supplierIds.get(c.supplierChoice.newKey)!,
    valuePence: c.valuePence,
    valueIncludesVat: mapping.valueIncludesVat,
    startDate: c.startDate,
    endDate: c.endDate,
    applicability: applicability(c.valuePence, mapping.valueIncludesVat, c.startDate, thresholds).level,
    source: 'import' as const,
    contractManagerId: null,
    reportingFrequency: 'quarterly' as const,
  }));

  return withAudit(db, actor, `Started importing contracts from ${upload.fileName}`, async (tx): Promise<Claim> => {
    const current = await lockUpload(tx, upload.id, userId);
    if (!current) return { status: 'not-found' };
    if (current.importedAt) return { status: 'already-imported' };
    if (current.importingAt) return { status: 'in-progress' };
    if (JSON.stringify(current.mapping) !== JSON.stringify(found.mapping)) return { status: 'not-ready' };
    await markImporting(
      tx,
      current.id,
      contractRows.map((r) => r.id),
      supplierRows.map((r) => r.id),
    );
    return { status: 'claimed', supplierRows, contractRows };
  });
}

/**
 * Imports an upload's contracts, all or nothing, in batches of short transactions so that the service goes on
 * answering other requests meanwhile (the embedded database has one connection, and a transaction holds it): the
 * upload is claimed, the new suppliers and then the contracts are written a batch at a time, and the upload is
 * marked imported. If a batch fails, what was written is deleted again and the error passed on; an import cut short
 * by the process stopping is undone when the service next starts (see undo-import.ts). Each contract's
 * applicability uses the thresholds in force on its start date; it has no contract manager yet and reports quarterly.
 */
export async function importContracts(
  db: Db,
  actor: Actor,
  userId: string,
  upload: Pick<Upload, 'id' | 'fileName'>,
  options: ImportOptions = {},
): Promise<ImportResult> {
  await undoUnfinishedImports(db);
  const claimed = await claim(db, actor, userId, upload);
  if (claimed.status !== 'claimed') return claimed;
  const size = options.rowsPerBatch ?? ROWS_PER_BATCH;
  const batches = [
    ...inGroups(claimed.supplierRows, size).map((rows) => ({ table: organisations, rows })),
    ...inGroups(claimed.contractRows, size).map((rows) => ({ table: contracts, rows })),
  ];
  const action = `Imported contracts from ${upload.fileName}`;
  try {
    for (const [i, batch] of batches.entries()) {
      await withAudit(db, actor, action, async (tx) => {
        await insertMany(tx, batch.table, batch.rows);
        await renewImporting(tx, upload.id);
      });
      await options.afterBatch?.(i + 1);
      // Requests that arrived while the batch was written get the database before the next batch.
      await nextTurn();
    }
    await withAudit(db, actor, action, async (tx) => {
      await markImported(tx, upload.id);
      // The new suppliers may be what spend files named and could not match.
      await rematchSpendSuppliers(
        tx,
        claimed.supplierRows.map((r) => r.id!),
      );
    });
  } catch (error) {
    // Should the undo fail too, the upload stays marked as importing and the next import or start-up undoes it.
    await undoImport(db, actor, upload).catch(() => undefined);
    throw error;
  }
  return { status: 'imported', contractIds: claimed.contractRows.map((r) => r.id!) };
}
