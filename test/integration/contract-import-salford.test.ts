import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, contractImports, contracts, organisations } from '../../src/db/schema/index.js';
import { createTestApp, signedInClient, type Client, type TestApp } from '../helpers/app.js';
import { databaseKinds } from '../helpers/databases.js';
import { COLUMNS_FORM, counts, csvOf, problemsListed, selectedColumns, uploadAccepted, uploadAndMap } from './contract-import-fixtures.js';

/** The real register, byte for byte: 360 contracts, a mojibake byte-order mark, and rows that cannot be imported as they are. */
const salford = readFileSync(new URL('../fixtures/contracts-register/salford-contracts-register-2022-07.csv', import.meta.url));

describe.each(databaseKinds)('importing the Salford contracts register on %s', (kind) => {
  let t: TestApp;
  let officer: Client;
  let badRows: number[];

  beforeAll(async () => {
    t = await createTestApp(kind);
    officer = await signedInClient(t.app, 'officer@council.example');
  });
  afterAll(async () => t?.close());

  it('matches the columns by their names, the first despite its mojibake byte-order mark', async () => {
    const id = await uploadAccepted(officer, 'salford-contracts-register-2022-07.csv', salford);
    const page = await officer.get(`/contracts/import/${id}/columns`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('The file has 360 rows of contracts');
    expect(page.body).toContain('matched by their names');
    const { valueIncludesVat: _vat, description: _d, directorate: _r, ...needed } = COLUMNS_FORM;
    expect(selectedColumns(page.body)).toEqual({ ...needed, description: 'Contract Description', directorate: 'Directorate Name' });
    expect(page.body).toContain('<th scope="row" class="govuk-table__header">Directorate Name</th>');
    expect(page.body).not.toContain('ï»¿');
  });

  it('lists every bad row of the real file by row and column, and imports nothing', async () => {
    const before = await counts(t);
    const { id, check } = await uploadAndMap(officer, 'salford.csv', salford, {
      ...COLUMNS_FORM,
      description: 'Contract Description',
      directorate: 'Directorate Name',
    });
    expect(check.statusCode).toBe(200);
    const problems = problemsListed(check.body);
    badRows = [...new Set(problems.map((p) => p.row))];
    // What the register really holds: extensions and lots listed under their contract's reference, rows with no
    // reference, "TBC" and "X" for dates, "-" for values, "Various" suppliers, and numbers that are not Companies House numbers.
    expect(problems).toHaveLength(172);
    expect(badRows).toHaveLength(123);
    expect(check.body).toContain('123 of the 360 rows have problems');
    expect(problems).toContainEqual({ row: 4, column: 'Contract Reference', message: 'Give this contract a reference of its own: S1465 is also on row 3' });
    expect(problems).toContainEqual({ row: 27, column: 'Contract Reference', message: 'Enter the contract reference' });
    expect(problems).toContainEqual({ row: 27, column: 'Start Date', message: 'Enter the start date as a real date, like 31/03/2026' });
    expect(problems).toContainEqual({ row: 44, column: 'Total Contract Value (including extensions)', message: 'Enter the contract value' });
    expect(problems).toContainEqual({
      row: 48,
      column: 'Current Expiry Date',
      message: 'Enter an end date that is the same as or after the start date, 1 June 2022',
    });
    expect(problems).toContainEqual({ row: 37, column: 'Supplier Postcode', message: 'Enter a full UK postcode, like LE11 3AB, or leave the cell empty' });
    expect(problems).toContainEqual({
      row: 5,
      column: 'Company Number',
      message: 'Enter a Companies House number, like 01234567 or SC123456, or leave the cell empty',
    });
    expect(problems).toContainEqual({ row: 296, column: 'SME Supplier?', message: 'Enter Yes or No, or leave the cell empty' });
    expect(check.body).toContain('Row 4, Reference: give this contract a reference of its own: S1465 is also on row 3');
    expect(check.body).toContain('162 more problems are listed in the table below');
    expect(check.body).not.toContain('>Import ');

    const refused = await officer.post(`/contracts/import/${id}/check`);
    expect(refused.statusCode).toBe(409);
    expect(problemsListed(refused.body)).toHaveLength(172);
    expect(await counts(t)).toEqual(before);
  });

  it('imports the rest of the register once the bad rows are taken out, with the columns remembered', async () => {
    const records = parse(salford, { relax_column_count: true }) as string[][];
    const cleaned = records.filter((_, i) => !badRows.includes(i + 1));
    expect(cleaned).toHaveLength(1 + 237);
    const before = await counts(t);

    const id = await uploadAccepted(officer, 'salford-cleaned.csv', csvOf(cleaned));
    const columns = await officer.get(`/contracts/import/${id}/columns`);
    expect(columns.body).toContain('chosen last time for a file with the same header row');
    const remembered = selectedColumns(columns.body);
    expect(remembered.description).toBe('Contract Description');
    expect(remembered.value).toBe('Total Contract Value (including extensions)');
    expect(columns.body).toMatch(/id="valueIncludesVat-2" name="valueIncludesVat" type="radio" value="no" checked/);
    expect((await officer.post(`/contracts/import/${id}/columns`, { ...remembered, valueIncludesVat: 'no' })).statusCode).toBe(303);

    const check = await officer.get(`/contracts/import/${id}/check`);
    expect(problemsListed(check.body)).toEqual([]);
    expect(check.body).toContain('Import 237 contracts');
    const imported = await officer.post(`/contracts/import/${id}/check`);
    expect(imported.statusCode).toBe(303);
    expect(imported.headers.location).toBe(`/contracts/import/${id}`);

    const { db } = t.services.database;
    const rows = await db.select().from(contracts).where(eq(contracts.source, 'import'));
    expect(rows).toHaveLength(237);
    expect((await counts(t)).contracts).toBe(before.contracts + 237);
    const first = rows.find((c) => c.reference === 'S1417')!;
    expect(first).toMatchObject({
      title: '3No. Underwater Dive Surveys for Principal Inspections',
      directorate: 'Place',
      valuePence: 501_520,
      valueIncludesVat: false,
      startDate: '2022-03-07',
      endDate: '2022-03-07',
      applicability: 'out_of_scope',
      contractManagerId: null,
      reportingFrequency: 'quarterly',
    });
    const [supplier] = await db.select().from(organisations).where(eq(organisations.id, first.supplierId));
    expect(supplier).toMatchObject({
      name: 'Underwater Diving Services Ltd',
      kind: 'supplier',
      companiesHouseNumber: '02535986',
      postcode: 'LA14 2TB',
      size: 'small',
      isLocal: false,
    });

    const result = await officer.get(`/contracts/import/${id}`);
    expect(result.statusCode).toBe(200);
    expect(result.body).toContain('237 contracts imported');
    expect(result.body).toContain(`<a class="govuk-link" href="/contracts/${first.id}">S1417</a>`);
    expect(result.body.match(/<a class="govuk-link" href="\/contracts\/[0-9a-f-]{36}">/g)).toHaveLength(237);

    const trail = await db
      .select({ table: auditEvents.entityTable })
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'Imported contracts from salford-cleaned.csv'), inArray(auditEvents.entityTable, ['contracts', 'organisations'])));
    expect(trail.filter((e) => e.table === 'contracts')).toHaveLength(237);
    expect(trail.filter((e) => e.table === 'organisations').length).toBe((await counts(t)).organisations - before.organisations);
    const [kept] = await db.select().from(contractImports).where(eq(contractImports.id, id));
    expect(kept).toMatchObject({ rows: [] });
    expect(kept!.contractIds).toHaveLength(237);
  });
});
