import { createReadStream, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../src/db/client.js';
import { spendImports, type SpendKind } from '../../src/db/schema/index.js';
import type { Actor } from '../../src/platform/audit.js';
import type { SpendFieldKey } from '../../src/features/spend/fields.js';
import { prepareFileImport } from '../../src/features/spend/prepare-file-import.js';
import { readLayout, type FileSource } from '../../src/features/spend/read-file.js';
import { rowsOf } from '../../src/features/spend/repository.js';
import { importSpend, type SpendImportOptions, type SpendImportResult } from '../../src/features/spend/run-import.js';

export const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/spend');
export const spendFile = (name: string) => path.join(FIXTURES, name);
export const GRANTS_FILE = path.join(FIXTURES, 'trafford-vcse-grants-360giving.csv');

/** The real files, with the columns a person reading them would use, to work out the expected figures independently. */
export const realFiles = [
  { file: 'salford-spend-2022-06.csv', publisher: 'Salford City Council', date: 'Date of Payment', amount: 'Net', supplier: 'Vendor Name' },
  { file: 'harrogate-spend-2022-08.csv', publisher: 'Harrogate Borough Council', date: 'Payment Date', amount: 'Net Amount', supplier: 'Supplier Name' },
  { file: 'calderdale-spend-2022-08.csv', publisher: 'Calderdale Council', date: 'Date', amount: 'Net Amount', supplier: 'Supplier(Beneficiary) Name' },
  { file: 'leeds-spend-2020-06-raw.csv', publisher: 'Leeds City Council', date: 'Payment Date', amount: 'Amount', supplier: 'Beneficiary Name' },
  {
    file: 'trafford-supplier-spend-2026-27-first3000rows.csv',
    publisher: 'Trafford Council',
    date: 'PaymentDate',
    amount: 'Amount',
    supplier: 'BeneficiaryName',
  },
] as const;

/** Pounds as written in the files ("-438.80", "£1,234.5") in pence, without floating point. */
export function pence(text: string): number {
  const clean = text.replace(/[£,\s]/g, '');
  const negative = clean.startsWith('-');
  const [whole = '0', fraction = ''] = clean.replace(/^[-+]/, '').split('.');
  const value = Number(whole) * 100 + Number((fraction + '00').slice(0, 2));
  return negative ? -value : value;
}

/** A file's rows as objects by header, decoded as UTF-8 or else Windows-1252, blank rows left out. */
export function fileRecords(file: string): Record<string, string>[] {
  const bytes = readFileSync(file);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    text = new TextDecoder('windows-1252').decode(bytes);
  }
  const rows = parse(text.replace(/^(\uFEFF|ï»¿)/, ''), { columns: true, skip_empty_lines: true, relax_column_count: true }) as Record<string, string>[];
  return rows.filter((r) => Object.values(r).some((v) => v.trim() !== ''));
}

/** The test's own idea of a name for matching: letters and digits, without Ltd / Limited / PLC. */
export function plainName(name: string): string {
  return name
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, ' ')
    .split(' ')
    .filter((w) => w && !['ltd', 'limited', 'plc', 'the', 'company', 'co', 'llp', 'lp', 'cic', 'cio', 'inc', 'incorporated'].includes(w))
    .join(' ');
}

export const isRedacted = (name: string) => name.trim() === '' || /^\W*(redacted|withheld|personal data)/i.test(name.trim());

/** Imports a file the way the command does: its remembered or guessed columns (with any given), then the import. */
export async function importFile(
  db: Db,
  actor: Actor,
  file: string,
  publisher: string,
  kind: SpendKind = 'spend',
  options: SpendImportOptions & { columns?: Partial<Record<SpendFieldKey, string>>; source?: FileSource } = {},
): Promise<{ id: string; result: SpendImportResult }> {
  const source = options.source ?? (() => createReadStream(file));
  const layout = await readLayout(source);
  if (!layout.ok) throw new Error(layout.message);
  const prepared = await prepareFileImport(db, actor, {
    publisherName: publisher,
    kind,
    fileName: path.basename(file),
    layout: layout.layout,
    columns: options.columns ?? {},
  });
  if (!prepared.ok) throw new Error(JSON.stringify(prepared.problems));
  const id = prepared.spendImport.id;
  return { id, result: await importSpend(db, actor, id, source, options) };
}

export async function importStatus(db: Db, id: string) {
  const [row] = await db.select().from(spendImports).where(eq(spendImports.id, id));
  return row!;
}

/** The figures as the triggers keep them, and as a recount from the suppliers' months makes them: they must agree. */
export async function figuresAndRecount(db: Db): Promise<{ kept: unknown[]; recounted: unknown[] }> {
  const read = async () =>
    (await db.execute(sql`select kind, publisher_id, month::text, directorate, district, size, vcse, local, match, pence::text, payments
      from spend_figures where payments <> 0 or pence <> 0 order by 1, 2, 3, 4, 5, 6, 7, 8, 9`)) as unknown as { rows: unknown[] };
  const kept = (await read()).rows;
  await db.execute(sql`select spend_recount()`);
  return { kept, recounted: (await read()).rows };
}

/** How many payments there are, whatever import they came from (or are part of). */
export async function paymentCount(db: Db, importId?: string): Promise<number> {
  const result = await db.execute(
    sql`select count(*)::int as n from spend_payments where ${importId ?? null}::uuid is null or import_id = ${importId ?? null}::uuid`,
  );
  return rowsOf<{ n: number }>(result)[0]!.n;
}
