import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { formatPounds } from '../../src/domain/money.js';
import { createTestApp, signedInClient, type Client, type TestApp } from '../helpers/app.js';
import { databaseKinds } from '../helpers/databases.js';
import { fileRecords, pence, spendFile } from './spend-fixtures.js';

const SALFORD = spendFile('salford-spend-2022-06.csv');

describe.each(databaseKinds)('importing spend through the web on %s', (kind) => {
  let t: TestApp;
  let officer: Client;

  beforeAll(async () => {
    t = await createTestApp(kind);
    officer = await signedInClient(t.app, 'officer@council.example');
  });
  afterAll(async () => t?.close());

  const upload = (publisher: string, name: string, content: Buffer | string, kindOfFile = 'spend') =>
    officer.upload('/spend/imports/new', { publisher, kind: kindOfFile }, { field: 'file', name, type: 'text/csv', content });

  it('refuses a file that is not a CSV or a workbook, or has no amounts, keeping what was typed', async () => {
    const workbook = await upload('Salford City Council', 'spend.xlsx', Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4]));
    expect(workbook.statusCode).toBe(400);
    expect(workbook.body).toContain('The selected file is not an Excel workbook that can be read');
    expect(workbook.body).toContain('value="Salford City Council"');
    const noAmounts = await upload('Salford City Council', 'names.csv', 'Supplier,Service\nAcme Ltd,Parks\n');
    expect(noAmounts.statusCode).toBe(400);
    expect(noAmounts.body).toContain('The selected file has no column of amounts');
    const nothing = await officer.upload('/spend/imports/new', { publisher: '', kind: 'spend' }, []);
    expect(nothing.statusCode).toBe(400);
    expect(nothing.body).toContain('Enter the name of the council or body that published the file');
    expect(nothing.body).toContain('Select a CSV file or an Excel workbook to import');
  });

  it('uploads, offers the columns, imports in the background with a status page, and shows and downloads the figures', async () => {
    const uploaded = await upload('Salford City Council', 'salford-spend-2022-06.csv', readFileSync(SALFORD));
    expect(uploaded.statusCode).toBe(303);
    const columnsUrl = String(uploaded.headers.location);
    const columns = await officer.get(columnsUrl);
    expect(columns.statusCode).toBe(200);
    expect(columns.body).toContain('The columns have been matched by their names');
    expect(columns.body).toMatch(/<option value="Vendor Name" selected>/);

    const missing = await officer.post(columnsUrl, { paidOn: 'Date of Payment', amount: '', supplierName: 'Vendor Name' });
    expect(missing.statusCode).toBe(400);
    expect(missing.body).toContain('Choose the column that holds the amount');

    const started = await officer.post(columnsUrl, {
      paidOn: 'Date of Payment',
      amount: 'Net',
      supplierName: 'Vendor Name',
      directorate: 'Service Area',
      reference: 'DocumentNo',
    });
    expect(started.statusCode).toBe(303);
    const statusUrl = String(started.headers.location);
    await vi.waitFor(
      async () => {
        const page = await officer.get(statusUrl);
        expect(page.body).toContain('Imported 1,809 rows');
      },
      { timeout: 300_000, interval: 500 },
    );

    const total = fileRecords(SALFORD).reduce((sum, r) => sum + pence(r.Net!), 0);
    const figures = await officer.get('/spend');
    expect(figures.statusCode).toBe(200);
    expect(figures.body).toContain(`Share of ${formatPounds(total)} paid in 1,809 payments`);
    expect(figures.body).toContain('June 2022');
    const csv = await officer.get('/spend/download.csv?by=month');
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body.split('\n')[1]).toMatch(new RegExp(`^June 2022,"${formatPounds(total).replace(/[£.]/g, (c) => `\\${c}`)}"`));

    const dashboard = await officer.get('/dashboard');
    expect(dashboard.body).toContain('Local spend');
    expect(dashboard.body).toContain(`Payments to suppliers (spend over £500): ${formatPounds(total)}`);

    // The next file from the publisher is offered the columns chosen this time.
    const second = await upload(
      'salford city council',
      'salford-copy.csv',
      readFileSync(SALFORD).toString().replace('Salford City Council,2022-06-01,601414480', 'Salford City Council,2022-06-01,999'),
    );
    const remembered = await officer.get(String(second.headers.location));
    expect(remembered.body).toContain('These are the columns chosen last time for a file from Salford City Council');
  });

  it('lets staff see the figures, and only officers and administrators import and review', async () => {
    const viewer = await signedInClient(t.app, 'viewer@council.example');
    expect((await viewer.get('/spend')).statusCode).toBe(200);
    expect((await viewer.get('/spend/imports')).statusCode).toBe(403);
    expect((await viewer.get('/spend/review')).statusCode).toBe(403);
    const supplier = await signedInClient(t.app, 'supplier@supplier.example');
    expect((await supplier.get('/spend')).statusCode).toBe(403);
    expect((await supplier.get('/spend/download.csv?by=month')).statusCode).toBe(403);
    expect((await officer.get('/spend?from=1999-01-01')).statusCode).toBe(400);
  });
});
