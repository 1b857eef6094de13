import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { organisations, spendPublishers, users } from '../../src/db/schema/index.js';
import { formatPounds } from '../../src/domain/money.js';
import { noSpendFilter, spendBy, spendTotals } from '../../src/features/spend/figures.js';
import { readLayout } from '../../src/features/spend/read-file.js';
import { createTestApp, signedInClient, type Client, type TestApp } from '../helpers/app.js';
import { databaseKinds } from '../helpers/databases.js';
import { importFile, importStatus, paymentCount } from './spend-fixtures.js';

type Cell = Date | string | number | { formula: string; result: number };

/** A workbook as councils save them: a title above the header, a blank row, real dates and numbers, a formula. */
async function workbook(rows: Cell[][]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.addWorksheet('Notes', { state: 'hidden' }).addRow(['Hidden sheet: not the payments']);
  const sheet = book.addWorksheet('Payments over £500');
  sheet.addRow(['Payments over £500, April 2024']);
  sheet.addRow([]);
  sheet.addRow(['Payment Date', 'Supplier Name', 'Service Area', 'Amount', 'Transaction Ref']);
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await book.xlsx.writeBuffer());
}

const APRIL: Cell[][] = [
  [new Date(Date.UTC(2024, 3, 2)), 'Wigston Woodworks Ltd', 'Highways', 1234.56, 'T1'],
  [new Date(Date.UTC(2024, 3, 3)), 'Wigston Woodworks Ltd', 'Highways', -200, 'T2'],
  ['15/04/2024', 'Braunstone Bikes', 'Transport "Fleet" \\ Depot, {North}', { formula: '100+23.45', result: 123.45 }, 'T3'],
  [new Date(Date.UTC(2024, 3, 20)), 'REDACTED PERSONAL DATA', 'Social Care', 999.99, 'T4'],
];
// 1234.56 - 200 + 123.45 + 999.99
const APRIL_PENCE = 215800;

describe.each(databaseKinds)('importing spend from an Excel workbook on %s', (kind) => {
  let t: TestApp;
  let officer: Client;
  const db = () => t.services.database.db;

  beforeAll(async () => {
    t = await createTestApp(kind);
    officer = await signedInClient(t.app, 'officer@council.example');
    await db().insert(organisations).values({ name: 'Wigston Woodworks', kind: 'supplier', size: 'micro', isLocal: true, district: 'Oadby and Wigston' });
  });
  afterAll(async () => t?.close());

  it('uploads a workbook, offers its columns from the header below the title, and imports its rows', async () => {
    const uploaded = await officer.upload(
      '/spend/imports/new',
      { publisher: 'Workbook Council', kind: 'spend' },
      { field: 'file', name: 'april.xlsx', type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', content: await workbook(APRIL) },
    );
    expect(uploaded.statusCode).toBe(303);
    const columnsUrl = String(uploaded.headers.location);
    const columns = await officer.get(columnsUrl);
    expect(columns.statusCode).toBe(200);
    expect(columns.body).toMatch(/<option value="Supplier Name" selected>/);
    expect(columns.body).toContain('2024-04-02');
    expect(columns.body).toContain('1234.56');

    const started = await officer.post(columnsUrl, {
      paidOn: 'Payment Date',
      amount: 'Amount',
      supplierName: 'Supplier Name',
      directorate: 'Service Area',
      reference: 'Transaction Ref',
    });
    expect(started.statusCode).toBe(303);
    const statusUrl = String(started.headers.location);
    await vi.waitFor(async () => expect((await officer.get(statusUrl)).body).toContain('Imported 4 rows'), { timeout: 120_000, interval: 300 });

    const [publisher] = await db().select().from(spendPublishers).where(eq(spendPublishers.name, 'Workbook Council'));
    const totals = await spendTotals(db(), { ...noSpendFilter, publisherId: publisher!.id });
    expect(totals).toMatchObject({ pence: APRIL_PENCE, payments: 4, localPence: 103456, redactedPence: 99999 });
    // Quotes, backslashes, commas and braces in a value are kept as they are.
    const byDirectorate = await spendBy(db(), { ...noSpendFilter, publisherId: publisher!.id }, 'directorate');
    expect(byDirectorate.find((d) => d.key.startsWith('Transport'))).toMatchObject({ key: 'Transport "Fleet" \\ Depot, {North}', pence: 12345 });
    const figures = await officer.get(`/spend?publisher=${publisher!.id}`);
    expect(figures.body).toContain(formatPounds(APRIL_PENCE));
    expect(figures.body).toContain('April 2024');
  });

  it('names the sheet’s row of a value it cannot read, and imports nothing from that workbook', async () => {
    const [officerRow] = await db().select({ id: users.id }).from(users).where(eq(users.email, 'officer@council.example'));
    const actor = { id: officerRow!.id, label: 'officer@council.example' };
    const data = await workbook([...APRIL.slice(0, 2), ['31/02/2024', 'Braunstone Bikes', 'Transport', 10, 'T9']]);
    const before = await paymentCount(db());
    const { id, result } = await importFile(db(), actor, 'bad.xlsx', 'Workbook Council', 'spend', { source: () => Readable.from([data]), rowsPerBatch: 1 });
    // The title is row 1, the blank row 2, the header row 3: the bad date is on the sheet's row 6.
    expect(result).toEqual({ status: 'failed', problem: expect.stringMatching(/^Row 6, Payment date: enter the date as a real date/) });
    expect(await importStatus(db(), id)).toMatchObject({ status: 'failed' });
    expect(await paymentCount(db())).toBe(before);
  });

  it('refuses a file that is neither a CSV file nor a workbook, saying so', async () => {
    const pdf = await readLayout(() => Readable.from([Buffer.from('%PDF-1.7\n\u0000\u0002\u0003')]));
    expect(pdf).toEqual({
      ok: false,
      message: expect.stringContaining('The selected file must be a CSV file (values separated by commas) or an Excel workbook (.xlsx)'),
    });
    const page = await officer.upload(
      '/spend/imports/new',
      { publisher: 'Workbook Council', kind: 'spend' },
      { field: 'file', name: 'report.pdf', type: 'application/pdf', content: Buffer.from('%PDF-1.7\n\u0000\u0002\u0003') },
    );
    expect(page.statusCode).toBe(400);
    expect(page.body).toContain('must be a CSV file (values separated by commas) or an Excel workbook (.xlsx)');
    expect(page.body).toContain('value="Workbook Council"');
  });
});
