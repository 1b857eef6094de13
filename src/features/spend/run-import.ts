import { hash, randomUUID } from 'node:crypto';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { and, eq, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.js';
import { spendImportFiles, spendImports, spendSuppliers, type SpendKind } from '../../db/schema/index.js';
import { recordEvent, withAudit, type Actor } from '../../platform/audit.js';
import { columnsFrom } from '../contract-import/mapping.js';
import { fieldLabelOf, fieldsOf } from './fields.js';
import { buildMatcher, matchColumns, type Matcher } from './matcher.js';
import { OccurrenceCounter } from './occurrences.js';
import { PaymentColumns } from './payment-columns.js';
import { columnIndexes, paymentReader, type PaymentRow } from './payment-row.js';
import { fileRows, type FileSource } from './read-file.js';
import { directoryOrganisations, findImport, importedTwin, organisationsChangedSince, publisherSuppliers, rowsOf, type SpendImport } from './repository.js';
import { rematchSpendSuppliers } from './rematch-suppliers.js';
import { undoSpendImport, undoUnfinishedSpendImports } from './undo-spend-import.js';

export type SpendImportResult =
  | { status: 'imported'; rowsImported: number; rowsDuplicate: number; rowsRedacted: number; totalPence: number }
  | { status: 'already-imported'; importedAt: Date | null }
  | { status: 'in-progress' }
  | { status: 'not-ready' }
  | { status: 'not-found' }
  | { status: 'failed'; problem: string };

/**
 * Rows written per transaction. The embedded database serves nothing else while a transaction runs, so its batches
 * are short enough for other requests to be served between them. On PostgreSQL, once a batch's commit no longer waits
 * for the disk, larger batches were no faster (bench/spend-import.js) and held more memory.
 */
export const SPEND_ROWS_PER_BATCH = { pglite: 5000, postgres: 5000 } as const;

export interface SpendImportOptions {
  rowsPerBatch?: number;
  /** which database: on PostgreSQL a batch's commit does not wait for the disk */
  databaseKind?: 'pglite' | 'postgres';
  /** after each batch is written, before the next: progress bars, and tests following the order of events */
  afterBatch?: (progress: { batch: number; rowsRead: number }) => Promise<void> | void;
}

/** A problem that stops the import: the file line and what is wrong, GOV.UK style. */
class RowProblem extends Error {}

/** The key of the redacted payments' supplier: an empty name. */
const REDACTED_KEY = '';

/** Claims an uploaded import with its columns chosen: refuses a file already imported, or a publisher already importing. */
async function claim(
  db: Db,
  actor: Actor,
  id: string,
): Promise<{ status: 'claimed'; spendImport: SpendImport & { publisherName: string } } | SpendImportResult> {
  return withAudit(db, actor, 'Started an import', async (tx) => {
    const [locked] = await tx.select().from(spendImports).where(eq(spendImports.id, id)).for('update');
    if (!locked) return { status: 'not-found' };
    if (locked.status === 'imported') return { status: 'already-imported', importedAt: locked.importedAt };
    if (locked.status === 'importing') return { status: 'in-progress' };
    if (!locked.mapping) return { status: 'not-ready' };
    const twin = await importedTwin(tx, locked);
    if (twin) {
      await tx.update(spendImports).set({ status: 'failed', problem: 'This file has already been imported for this publisher' }).where(eq(spendImports.id, id));
      return { status: 'already-imported', importedAt: twin.importedAt };
    }
    // One import at a time per publisher: its rows are checked against those already in.
    const [busy] = await tx
      .select({ id: spendImports.id })
      .from(spendImports)
      .where(and(eq(spendImports.publisherId, locked.publisherId), eq(spendImports.status, 'importing')))
      .for('update');
    if (busy) return { status: 'in-progress' };
    await tx
      .update(spendImports)
      .set({ status: 'importing', importingAt: sql`now()`, problem: null, rowsRead: 0, rowsImported: 0, rowsDuplicate: 0, rowsRedacted: 0, totalPence: 0 })
      .where(eq(spendImports.id, id));
    const spendImport = (await findImport(tx, id))!;
    await recordEvent(tx, actor, `Started importing ${spendImport.fileName} (${spendImport.kind}) for ${spendImport.publisherName}`, {
      entityTable: 'spend_imports',
      entityId: id,
    });
    return { status: 'claimed', spendImport };
  });
}

/** The key of a row among the publisher's rows: what it says, and how many identical rows came before it in the file. */
function rowKeyer(kind: SpendKind) {
  // Occurrences are counted by 28 bits of the row's hash, in a compact counter: two different rows sharing them only
  // number their occurrences together, which keeps keys unique and the same for the same file.
  const seen = new OccurrenceCounter();
  return (p: PaymentRow): string => {
    const content = [kind, p.paidOn, p.amountPence, p.supplier?.key ?? REDACTED_KEY, p.directorate, p.reference].join('\u001f');
    let hex = hash('md5', content);
    const bucket = parseInt(hex.slice(0, 7), 16);
    const occurrence = seen.next(bucket);
    if (occurrence > 0) hex = hash('md5', `${content}\u001f${occurrence}`);
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  };
}

type SupplierRow = typeof spendSuppliers.$inferInsert;

/** A supplier a file names for the first time, matched to the directory. */
function newSupplier(spendImport: SpendImport, matcher: Matcher, key: string, supplier: PaymentRow['supplier']): SupplierRow {
  const id = randomUUID();
  if (!supplier)
    return { id, publisherId: spendImport.publisherId, name: 'Redacted', nameKey: key, status: 'redacted' as const, firstImportId: spendImport.id };
  return {
    id,
    publisherId: spendImport.publisherId,
    name: supplier.name,
    nameKey: key,
    companyNumber: supplier.companyNumber,
    charityNumber: supplier.charityNumber,
    postcode: supplier.postcode,
    vcseInFile: supplier.vcse,
    firstImportId: spendImport.id,
    ...matchColumns(matcher.match(supplier)),
  };
}

async function addSuppliers(tx: Tx, rows: SupplierRow[]) {
  for (let i = 0; i < rows.length; i += 1000) await tx.insert(spendSuppliers).values(rows.slice(i, i + 1000));
}

/** A batch read from the file: its payments as columns, the suppliers it names first, and the rows read so far. */
interface Batch {
  columns: PaymentColumns;
  suppliers: SupplierRow[];
  rowsRead: number;
  /** the redacted payments' supplier, once there is one */
  redactedId: string | null;
}

/** Writes a batch: new suppliers, and the payments not already in (by row key), counting what it wrote. */
async function writeBatch(db: Db, actor: Actor, spendImport: SpendImport, batch: Batch, lazyCommit: boolean) {
  const { columns, suppliers } = batch;
  // Each column is one array literal ({a,b,...}), read back with unnest: far less for the database to parse than a
  // row of parameters each, or JSON. The literals are bytes, sent as text (::text, then cast to the column's array).
  const rowKeys = columns.rowKeys.literal();
  await withAudit(db, actor, `Imported ${spendImport.fileName}`, async (tx) => {
    // On PostgreSQL a batch does not wait for its commit to reach the disk: nothing counts until finish() commits,
    // which does wait, and with it everything written before it. Should the server stop first, the import is undone as
    // cut short. The embedded database lives in this process: what it said was written stays written.
    if (lazyCommit) await tx.execute(sql`set local synchronous_commit = off`);
    if (suppliers.length) await addSuppliers(tx, suppliers);
    // The sums by supplier and month are made once, from the import's payments, when it finishes.
    const written = await tx.execute(sql`
      with inserted as (
        insert into spend_payments (import_id, publisher_id, kind, supplier_id, row_key, paid_on, directorate, amount_pence, reference)
        select ${spendImport.id}::uuid, ${spendImport.publisherId}::uuid, ${spendImport.kind}, r.*
        from unnest(${columns.supplierIds.literal()}::text::uuid[], ${rowKeys}::text::uuid[], ${columns.paidOn.literal()}::text::date[],
                    ${columns.directorates.literal()}::text::text[], ${columns.amounts.literal()}::text::bigint[],
                    ${columns.references.literal()}::text::text[]) as r
        on conflict (publisher_id, row_key) do nothing
        returning 1
      )
      select count(*)::int as inserted from inserted`);
    const inserted = rowsOf<{ inserted: number }>(written)[0]!.inserted;
    // What the batch adds was summed as it was read, for the usual case of every row being new.
    const counts = { inserted, pence: columns.pence, redacted: columns.redacted };
    if (inserted < columns.rows) {
      // Some rows were in already (from another file of the publisher): what this import added is read back.
      const [added] = rowsOf<{ pence: string | number; redacted: number }>(
        await tx.execute(sql`
          select coalesce(sum(amount_pence), 0)::bigint as pence, count(*) filter (where supplier_id = ${batch.redactedId}::uuid)::int as redacted
          from spend_payments
          where publisher_id = ${spendImport.publisherId}::uuid and row_key = any(${rowKeys}::text::uuid[]) and import_id = ${spendImport.id}::uuid`),
      );
      counts.pence = Number(added!.pence);
      counts.redacted = added!.redacted;
    }
    await tx
      .update(spendImports)
      .set({
        importingAt: sql`now()`,
        rowsRead: batch.rowsRead,
        rowsImported: sql`${spendImports.rowsImported} + ${counts.inserted}`,
        rowsDuplicate: sql`${spendImports.rowsDuplicate} + ${columns.rows - counts.inserted}`,
        rowsRedacted: sql`${spendImports.rowsRedacted} + ${counts.redacted}`,
        totalPence: sql`${spendImports.totalPence} + ${counts.pence}`,
      })
      .where(eq(spendImports.id, spendImport.id));
  });
}

/** Counts the import in the figures, in one short transaction: its sums move to the suppliers' months (triggers do the rest). */
async function finish(db: Db, actor: Actor, spendImport: SpendImport, directoryAt: string): Promise<SpendImportResult> {
  return withAudit(db, actor, `Imported ${spendImport.fileName}`, async (tx) => {
    // Organisations added or changed while the file was read were not in its matcher.
    await rematchSpendSuppliers(tx, await organisationsChangedSince(tx, directoryAt));
    // The import's payments added up by supplier, month and directorate, in one pass over them (its index).
    await tx.execute(sql`
      insert into spend_supplier_months as s (supplier_id, kind, month, directorate, pence, payments)
      select supplier_id, kind, date_trunc('month', paid_on)::date, directorate, sum(amount_pence), count(*)
      from spend_payments where import_id = ${spendImport.id}
      group by supplier_id, kind, date_trunc('month', paid_on)::date, directorate
      on conflict (supplier_id, kind, month, directorate) do update set pence = s.pence + excluded.pence, payments = s.payments + excluded.payments`);
    await tx.delete(spendImportFiles).where(eq(spendImportFiles.importId, spendImport.id));
    const [done] = await tx
      .update(spendImports)
      .set({ status: 'imported', importingAt: null, importedAt: sql`now()` })
      .where(eq(spendImports.id, spendImport.id))
      .returning();
    await recordEvent(tx, actor, `Imported ${done!.rowsImported.toLocaleString('en-GB')} rows from ${spendImport.fileName}`, {
      entityTable: 'spend_imports',
      entityId: spendImport.id,
      after: { checksum: done!.checksum, rowsImported: done!.rowsImported, rowsDuplicate: done!.rowsDuplicate, totalPence: done!.totalPence },
    });
    return {
      status: 'imported',
      rowsImported: done!.rowsImported,
      rowsDuplicate: done!.rowsDuplicate,
      rowsRedacted: done!.rowsRedacted,
      totalPence: done!.totalPence,
    };
  });
}

/**
 * Imports a spend or grants file whose columns are chosen, all or nothing: the rows are read as they stream in and
 * written in batches of short transactions (other requests are served in between, even on the embedded database),
 * tagged with the import; the figures take them in only when the import is marked imported, in one transaction at the
 * end. A row that cannot be read, or any failure, undoes what was written; an import cut short by the process stopping
 * is undone when the service or the command next starts. Rows already imported for the publisher are not imported twice.
 */
export async function importSpend(db: Db, actor: Actor, id: string, source: FileSource, options: SpendImportOptions = {}): Promise<SpendImportResult> {
  const size = options.rowsPerBatch ?? SPEND_ROWS_PER_BATCH[options.databaseKind ?? 'pglite'];
  await undoUnfinishedSpendImports(db);
  const claimed = await claim(db, actor, id);
  if (claimed.status !== 'claimed') return claimed;
  const { spendImport } = claimed;
  const fields = fieldsOf(spendImport.kind);
  const at = columnIndexes(fields, columnsFrom(fields, spendImport.mapping ?? {}, spendImport.columns), spendImport.columns);
  // One batch is written while the next is read: the database and the parsing work at the same time.
  let writing: Promise<void> = Promise.resolve();
  try {
    const directoryAt = rowsOf<{ now: string }>(await db.execute(sql`select now()::text as now`))[0]!.now;
    const matcher = buildMatcher(await directoryOrganisations(db));
    const ids = await publisherSuppliers(db, spendImport.publisherId);
    const keyOf = rowKeyer(spendImport.kind);
    const readRow = paymentReader(at);
    // Two sets of columns: one is filled from the file while the other is written.
    const columns = [new PaymentColumns(), new PaymentColumns()] as const;
    let batch: Batch = { columns: columns[0], suppliers: [], rowsRead: 0, redactedId: null };
    let rowsRead = 0;
    let batches = 0;
    const flush = async () => {
      const written = { ...batch, rowsRead, redactedId: ids.get(REDACTED_KEY) ?? null };
      await writing;
      // The columns of the batch written before are free again.
      const next = written.columns === columns[0] ? columns[1] : columns[0];
      next.clear();
      batch = { columns: next, suppliers: [], rowsRead: 0, redactedId: null };
      writing = writeBatch(db, actor, spendImport, written, options.databaseKind === 'postgres').then(async () => {
        await options.afterBatch?.({ batch: ++batches, rowsRead: written.rowsRead });
        // Requests that arrived while the batch was written get the database before the next batch.
        await nextTurn();
      });
      // A failed write is seen when the next batch waits for it, or at the end.
      writing.catch(() => undefined);
    };
    for await (const row of fileRows(source, { encoding: spendImport.encoding, separator: spendImport.separator, headerIndex: spendImport.headerIndex })) {
      const reading = readRow(row.cells);
      if (!reading.ok)
        throw new RowProblem(`Row ${row.row}, ${fieldLabelOf(fields, reading.field)}: ${reading.message.charAt(0).toLowerCase()}${reading.message.slice(1)}`);
      rowsRead++;
      const { payment } = reading;
      // A supplier named for the first time is matched as it is read, so that the rows after it know it.
      const key = payment.supplier?.key ?? REDACTED_KEY;
      let supplierId = ids.get(key);
      if (supplierId === undefined) {
        const supplier = newSupplier(spendImport, matcher, key, payment.supplier);
        supplierId = supplier.id!;
        ids.set(key, supplierId);
        batch.suppliers.push(supplier);
      }
      batch.columns.add(supplierId, keyOf(payment), payment);
      if (batch.columns.rows >= size) await flush();
    }
    if (batch.columns.rows || rowsRead === 0) await flush();
    await writing;
    return await finish(db, actor, spendImport, directoryAt);
  } catch (error) {
    const problem =
      error instanceof RowProblem
        ? `${error.message}. Nothing from the file was imported: correct the file and import it again`
        : 'The import failed part way and was undone: nothing from the file was imported. Try again';
    // The batch being written ends before what was written is undone.
    await writing.catch(() => undefined);
    // Should the undo fail too, the import stays marked as importing and the next import or start-up undoes it.
    await undoSpendImport(db, actor, spendImport, problem).catch(() => undefined);
    if (error instanceof RowProblem) return { status: 'failed', problem };
    throw error;
  }
}
