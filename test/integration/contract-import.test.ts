import { and, eq, inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, contractImports, contracts, importMappings, organisations } from '../../src/db/schema/index.js';
import { ROWS_PER_INSERT } from '../../src/features/contract-import/repository.js';
import { Client, createTestApp, signedInClient, type TestApp } from '../helpers/app.js';
import { databaseKinds } from '../helpers/databases.js';
import {
  COLUMNS_FORM,
  HEADER,
  counts,
  csvOf,
  goodRow,
  problemsListed,
  selectedColumns,
  upload,
  uploadAccepted,
  uploadAndMap,
  uploadCount,
  xlsxOf,
} from './contract-import-fixtures.js';

describe.each(databaseKinds)('contracts register import on %s', (kind) => {
  let t: TestApp;
  let officer: Client;

  beforeAll(async () => {
    t = await createTestApp(kind);
    officer = await signedInClient(t.app, 'officer@council.example');
  });
  afterAll(async () => t?.close());

  const db = () => t.services.database.db;
  const supplierId = async (name: string) => (await db().select().from(organisations).where(eq(organisations.name, name)))[0]!.id;
  const contractsWith = (references: string[]) => db().select().from(contracts).where(inArray(contracts.reference, references));

  /** A contract already in the service, added as an award would add it. */
  async function existingContract(reference: string) {
    await db()
      .insert(contracts)
      .values({
        reference,
        title: 'Home care',
        supplierId: await supplierId('Charnwood Care Services Ltd'),
        valuePence: 10_000_000,
        startDate: '2025-01-01',
        endDate: '2026-12-31',
        applicability: 'policy',
        source: 'award',
      });
  }

  it('lets only officers and admins use each step, each on their own uploads', async () => {
    const file = csvOf([HEADER, goodRow('ACCESS-1')]);
    const { id } = await uploadAndMap(officer, 'access.csv', file);
    const before = await counts(t);
    const uploads = await uploadCount(t);
    for (const email of ['viewer@council.example', 'supplier@supplier.example', 'manager@council.example']) {
      const other = await signedInClient(t.app, email);
      for (const url of ['/contracts/import', `/contracts/import/${id}/columns`, `/contracts/import/${id}/check`, `/contracts/import/${id}`]) {
        expect((await other.get(url)).statusCode, `${email} GET ${url}`).toBe(403);
      }
      expect((await upload(other, 'access.csv', file)).statusCode, `${email} uploads`).toBe(403);
      expect((await other.post(`/contracts/import/${id}/columns`, COLUMNS_FORM)).statusCode, `${email} chooses columns`).toBe(403);
      expect((await other.post(`/contracts/import/${id}/check`)).statusCode, `${email} imports`).toBe(403);
    }
    const admin = await signedInClient(t.app, 'admin@council.example');
    expect((await admin.get('/contracts/import')).statusCode).toBe(200);
    for (const url of [`/contracts/import/${id}/columns`, `/contracts/import/${id}/check`, `/contracts/import/${id}`])
      expect((await admin.get(url)).statusCode).toBe(404);
    expect((await admin.post(`/contracts/import/${id}/check`)).statusCode).toBe(404);
    expect((await admin.get('/contracts/import/not-an-id/columns')).statusCode).toBe(404);
    const signedOut = await new Client(t.app).get('/contracts/import');
    expect(signedOut.statusCode).toBe(302);
    expect(signedOut.headers.location).toBe('/sign-in?next=%2Fcontracts%2Fimport');
    expect(await counts(t)).toEqual(before);
    expect(await uploadCount(t)).toBe(uploads);
    expect(await contractsWith(['ACCESS-1'])).toHaveLength(0);
  });

  it('explains what is wrong with a file it cannot read, and keeps nothing', async () => {
    const uploads = await uploadCount(t);
    const refused = async (name: string, content: string | Buffer, message: string, status = 400) => {
      const response = await upload(officer, name, content);
      expect(response.statusCode, name).toBe(status);
      expect(response.body).toContain('govuk-error-summary');
      expect(response.body).toContain(message);
      expect(response.body).toContain('enctype="multipart/form-data"');
    };
    await refused('', '', 'Select a CSV file or an Excel workbook to import');
    await refused('empty.csv', '', 'The selected file is empty');
    await refused('blank.csv', '\uFEFF\r\n,,,\r\n\r\n', 'The selected file is empty');
    await refused('header.csv', `${HEADER.join(',')}\r\n,,\r\n`, 'The selected file has a header row but no contracts below it');
    await refused(
      'old.xls',
      Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(512)]),
      'Excel 97-2003 workbook (.xls)',
    );
    await refused('fake.xlsx', Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(200, 7)]), 'The selected file is not an Excel workbook that can be read');
    await refused(
      'program.csv',
      Buffer.from([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00]),
      'The selected file must be a CSV file or an Excel workbook (.xlsx)',
    );
    await refused('quote.csv', `${HEADER.join(',')}\r\nQ-1,"never closed,x\r\n`, 'The selected file cannot be read as CSV');
    await refused('large.csv', Buffer.alloc(5 * 1024 * 1024 + 10, 'a'), 'The selected file must be smaller than 5MB', 413);
    expect(await uploadCount(t)).toBe(uploads);
  });

  it('asks for every required column, refuses a column chosen twice, and keeps the choices made', async () => {
    const id = await uploadAccepted(
      officer,
      'columns.csv',
      csvOf([
        ['Ref', 'Name', 'Contractor', 'Amount', 'Begins', 'Ends'],
        ['C-1', 'Care', 'Acme Ltd', '100', '1/4/2025', '31/3/2026'],
      ]),
    );
    const [stored] = await db().select().from(contractImports).where(eq(contractImports.id, id));
    const page = await officer.get(`/contracts/import/${id}/columns`);
    expect(selectedColumns(page.body)).toMatchObject({ reference: 'Ref', supplierName: 'Contractor', title: '', value: '', startDate: '', endDate: '' });
    const response = await officer.post(`/contracts/import/${id}/columns`, {
      reference: 'Ref',
      title: 'Ref',
      supplierName: 'Contractor',
      value: 'Not a column',
      startDate: 'Begins',
    });
    expect(response.statusCode).toBe(400);
    for (const message of [
      'Choose a different column for the contract title: Ref is already chosen for the contract reference',
      'Choose one of the file’s columns for the contract value',
      'Choose the column that holds the end date',
      'Select whether the values include VAT',
    ]) {
      expect(response.body).toContain(message);
    }
    expect(response.body).toContain('href="#title"');
    expect(selectedColumns(response.body)).toMatchObject({ reference: 'Ref', supplierName: 'Contractor', startDate: 'Begins', endDate: '' });
    expect(await db().select().from(importMappings).where(eq(importMappings.headerSignature, stored!.headerSignature))).toEqual([]);
    expect((await officer.get(`/contracts/import/${id}/check`)).headers.location).toBe(`/contracts/import/${id}/columns`);
  });

  it('lists every bad row with its row number, column and what to correct, and imports nothing', async () => {
    await existingContract('TAKEN-1');
    const rows = [
      HEADER,
      goodRow('BAD-1'),
      goodRow('BAD-2', { 'Total Contract Value (including extensions)': '-£500.00' }),
      HEADER.map(() => ''),
      goodRow('BAD-4', { 'Supplier Company Name': 'REDACTED' }),
      goodRow('BAD-5', { 'Contract Title': '' }),
      goodRow('BAD-6', { 'Start Date': '01/04/2026', 'Current Expiry Date': '31/03/2026' }),
      goodRow('BAD-7', { 'Start Date': '31/02/2026' }),
      goodRow('BAD-8', { 'Start Date': '1/4/26' }),
      goodRow('BAD-1'),
      goodRow('TAKEN-1'),
      goodRow('BAD-11', { 'Total Contract Value (including extensions)': '12,34.5' }),
      goodRow('BAD-12', { 'Supplier Postcode': 'LE1', 'Company Number': 'Various', 'SME Supplier?': 'Maybe' }),
      goodRow('BAD-13', { 'Total Contract Value (including extensions)': '[Redacted]', 'Current Expiry Date': 'TBC' }),
    ];
    const before = await counts(t);
    const { id, check } = await uploadAndMap(officer, 'bad-rows.csv', csvOf(rows));
    expect(problemsListed(check.body)).toEqual([
      { row: 3, column: 'Total Contract Value (including extensions)', message: 'Enter an amount of money of £0 or more' },
      { row: 5, column: 'Supplier Company Name', message: 'Replace “REDACTED” with the supplier name, or take the row out of the file' },
      { row: 6, column: 'Contract Title', message: 'Enter the contract title' },
      { row: 7, column: 'Current Expiry Date', message: 'Enter an end date that is the same as or after the start date, 1 April 2026' },
      { row: 8, column: 'Start Date', message: 'Enter the start date as a real date, like 31/03/2026' },
      { row: 9, column: 'Start Date', message: 'Enter the start date with a 4-digit year, like 31/03/2026' },
      { row: 10, column: 'Contract Reference', message: 'Give this contract a reference of its own: BAD-1 is also on row 2' },
      {
        row: 11,
        column: 'Contract Reference',
        message: 'A contract with the reference TAKEN-1 is already in the service. Take the row out of the file, or give the contract a different reference',
      },
      { row: 12, column: 'Total Contract Value (including extensions)', message: 'Enter the contract value as an amount of money, like £1,234.50' },
      { row: 13, column: 'Supplier Postcode', message: 'Enter a full UK postcode, like LE11 3AB, or leave the cell empty' },
      { row: 13, column: 'Company Number', message: 'Enter a Companies House number, like 01234567 or SC123456, or leave the cell empty' },
      { row: 13, column: 'SME Supplier?', message: 'Enter Yes or No, or leave the cell empty' },
      {
        row: 14,
        column: 'Total Contract Value (including extensions)',
        message: 'Replace “[Redacted]” with the contract value, or take the row out of the file',
      },
      { row: 14, column: 'Current Expiry Date', message: 'Enter the end date as a real date, like 31/03/2026' },
    ]);
    expect(check.body).toContain('Row 3, Value: enter an amount of money of £0 or more');
    expect(check.body).toContain('href="#row-3"');
    expect(check.body).toContain('id="row-13"');
    expect(check.body).toContain('11 of the 12 rows have problems');
    expect(check.body).not.toContain('>Import ');
    const refused = await officer.post(`/contracts/import/${id}/check`);
    expect(refused.statusCode).toBe(409);
    expect(problemsListed(refused.body)).toHaveLength(14);
    expect(await counts(t)).toEqual(before);
  });

  it('matches suppliers already in the service by company number or exact name, and adds the others once each', async () => {
    const before = await counts(t);
    const rows = [
      HEADER,
      goodRow('SUP-1', { 'Supplier Company Name': 'CCS Trading Name', 'Company Number': '9876543' }),
      goodRow('SUP-2', { 'Supplier Company Name': '  midlands facilities group PLC ', 'Supplier Postcode': '', 'SME Supplier?': '' }),
      goodRow('SUP-3', { 'Supplier Company Name': 'Charnwood Care Services Ltd', 'Company Number': '12345678' }),
      goodRow('SUP-4', { 'Supplier Company Name': 'Loughborough Lanterns Ltd', 'Supplier Postcode': 'le11 1aa' }),
      goodRow('SUP-5', { 'Supplier Company Name': 'Loughborough Lanterns Ltd', 'Company Number': '07654321', 'Supplier Postcode': '' }),
      goodRow('SUP-6', { 'Supplier Company Name': 'Brum Builders Ltd', 'Supplier Postcode': 'B1 1BB', 'SME Supplier?': 'No' }),
    ];
    const { id, check } = await uploadAndMap(officer, 'suppliers.csv', csvOf(rows));
    expect(problemsListed(check.body)).toEqual([]);
    expect(check.body).toMatch(/New suppliers to add\s*<\/dt>\s*<dd class="govuk-summary-list__value">\s*3\s*</);
    expect(check.body).toMatch(/Suppliers already in the service\s*<\/dt>\s*<dd class="govuk-summary-list__value">\s*2\s*</);
    expect(check.body).toContain('Loughborough Lanterns Ltd (Charnwood)');
    expect((await officer.post(`/contracts/import/${id}/check`)).statusCode).toBe(303);

    const imported = new Map((await contractsWith(['SUP-1', 'SUP-2', 'SUP-3', 'SUP-4', 'SUP-5', 'SUP-6'])).map((c) => [c.reference, c.supplierId]));
    expect(imported.get('SUP-1')).toBe(await supplierId('Charnwood Care Services Ltd'));
    expect(imported.get('SUP-2')).toBe(await supplierId('Midlands Facilities Group plc'));
    expect(imported.get('SUP-4')).toBe(imported.get('SUP-5'));
    const added = await db()
      .select()
      .from(organisations)
      .where(inArray(organisations.id, [imported.get('SUP-3')!, imported.get('SUP-4')!, imported.get('SUP-6')!]));
    expect(
      added.map(({ name, kind, companiesHouseNumber, postcode, district, isLocal, size }) => ({
        name,
        kind,
        companiesHouseNumber,
        postcode,
        district,
        isLocal,
        size,
      })),
    ).toEqual(
      expect.arrayContaining([
        {
          name: 'Charnwood Care Services Ltd',
          kind: 'supplier',
          companiesHouseNumber: '12345678',
          postcode: 'LE12 8AA',
          district: 'Charnwood',
          isLocal: true,
          size: 'small',
        },
        {
          name: 'Loughborough Lanterns Ltd',
          kind: 'supplier',
          companiesHouseNumber: '07654321',
          postcode: 'LE11 1AA',
          district: 'Charnwood',
          isLocal: true,
          size: 'small',
        },
        { name: 'Brum Builders Ltd', kind: 'supplier', companiesHouseNumber: null, postcode: 'B1 1BB', district: null, isLocal: false, size: 'large' },
      ]),
    );
    expect(await counts(t)).toEqual({ contracts: before.contracts + 6, organisations: before.organisations + 3 });
  });

  it('imports an Excel workbook: a title above the header, date cells, serial dates, numbers and formulas', async () => {
    const header = [
      'Contract Reference',
      'Contract Title',
      'Supplier Company Name',
      'Supplier Postcode',
      'SME Supplier?',
      'Total Contract Value',
      'Start Date',
      'End Date',
      'Directorate',
    ];
    const workbook = await xlsxOf([
      ['Contracts register, March 2026'],
      header.map((h) => ` ${h.replace(' ', '  ')} `),
      [
        'XL-1',
        { richText: [{ text: 'Library ' }, { text: 'books' }] },
        'Hinckley Print Ltd',
        'LE10 1AA',
        true,
        185_000,
        new Date(Date.UTC(2019, 5, 1)),
        new Date(Date.UTC(2021, 4, 31)),
        'Adults and Communities',
      ],
      [],
      [
        'XL-2',
        'Library books, second lot',
        'Hinckley Print Ltd',
        'LE10 1AA',
        'Yes',
        { formula: '92500*2', result: 185_000 },
        44_348,
        '31/05/2023',
        'Adults and Communities',
      ],
      ['XL-3', 'Grounds', 'Oadby Outdoor Ltd', '', '', '£40,000.50', '2025-04-01', '31 March 2026', ''],
    ]);
    const before = await counts(t);
    const id = await uploadAccepted(officer, 'register.xlsx', workbook);
    const columns = await officer.get(`/contracts/import/${id}/columns`);
    expect(columns.body).toContain('The file has 3 rows of contracts');
    expect(selectedColumns(columns.body)).toMatchObject({
      reference: 'Contract Reference',
      value: 'Total Contract Value',
      endDate: 'End Date',
      directorate: 'Directorate',
      companyNumber: '',
    });
    const form = { ...selectedColumns(columns.body), valueIncludesVat: 'no' };
    expect((await officer.post(`/contracts/import/${id}/columns`, form)).statusCode).toBe(303);
    const check = await officer.get(`/contracts/import/${id}/check`);
    expect(problemsListed(check.body)).toEqual([]);
    expect(check.body).toContain('Import 3 contracts');
    expect(check.body).toContain('£410,000.50');
    expect((await officer.post(`/contracts/import/${id}/check`)).statusCode).toBe(303);

    const imported = new Map((await contractsWith(['XL-1', 'XL-2', 'XL-3'])).map((c) => [c.reference, c]));
    expect(imported.get('XL-1')).toMatchObject({
      title: 'Library books',
      valuePence: 18_500_000,
      startDate: '2019-06-01',
      endDate: '2021-05-31',
      directorate: 'Adults and Communities',
    });
    expect(imported.get('XL-2')).toMatchObject({ valuePence: 18_500_000, startDate: '2021-06-01', endDate: '2023-05-31' });
    expect(imported.get('XL-3')).toMatchObject({ valuePence: 4_000_050, startDate: '2025-04-01', endDate: '2026-03-31', directorate: '' });
    // The same value meets the statutory threshold in force in 2019 (£181,302) but not the one in force in 2021 (£189,330).
    expect(imported.get('XL-1')!.applicability).toBe('statutory');
    expect(imported.get('XL-2')!.applicability).toBe('policy');
    expect(imported.get('XL-3')!.applicability).toBe('out_of_scope');
    expect(imported.get('XL-1')!.supplierId).toBe(imported.get('XL-2')!.supplierId);
    expect(await counts(t)).toEqual({ contracts: before.contracts + 3, organisations: before.organisations + 2 });

    const again = await uploadAccepted(officer, 'register-april.xlsx', workbook);
    const remembered = await officer.get(`/contracts/import/${again}/columns`);
    expect(remembered.body).toContain('chosen last time for a file with the same header row');
    expect(selectedColumns(remembered.body)).toEqual(selectedColumns(columns.body));
  });

  it('remembers the columns chosen, in the audit trail too, and records each upload', async () => {
    const rows = csvOf([
      ['Our ref', 'What', 'Who', 'Worth', 'From', 'To'],
      ['MAP-1', 'Catering', 'Syston Suppers Ltd', '5000', '1/5/2025', '30/4/2026'],
    ]);
    const form = { reference: 'Our ref', title: 'What', supplierName: 'Who', value: 'Worth', startDate: 'From', endDate: 'To', valueIncludesVat: 'yes' };
    const first = await uploadAccepted(officer, 'own-layout.csv', rows);
    expect((await officer.post(`/contracts/import/${first}/columns`, form)).statusCode).toBe(303);
    const second = await uploadAccepted(officer, 'own-layout-2.csv', rows.replace('Our ref', ' our  REF'));
    const page = await officer.get(`/contracts/import/${second}/columns`);
    expect(page.body).toContain('chosen last time for a file with the same header row');
    expect(selectedColumns(page.body)).toMatchObject({ reference: 'our REF', title: 'What', supplierName: 'Who', value: 'Worth', sme: '' });
    expect(page.body).toMatch(/value="yes" checked/);

    const trail = await db().select().from(auditEvents).where(eq(auditEvents.entityTable, 'import_mappings'));
    expect(trail.some((e) => e.action === 'Chose the columns to import contracts from own-layout.csv' && e.actorLabel === 'officer@council.example')).toBe(
      true,
    );
    const uploads = await db()
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.operation, 'event'), eq(auditEvents.entityId, second)));
    expect(uploads.map((e) => e.action)).toEqual(['Uploaded own-layout-2.csv to import contracts (1 row)']);
  });

  it('keeps uploads for a week, then removes them when the next file is uploaded', async () => {
    const rows = csvOf([HEADER, goodRow('OLD-1')]);
    const old = await uploadAccepted(officer, 'old.csv', rows);
    const recent = await uploadAccepted(officer, 'recent.csv', rows);
    await db()
      .update(contractImports)
      .set({ createdAt: sql`now() - interval '8 days'` })
      .where(eq(contractImports.id, old));
    await db()
      .update(contractImports)
      .set({ createdAt: sql`now() - interval '6 days'` })
      .where(eq(contractImports.id, recent));
    await uploadAccepted(officer, 'new.csv', rows);
    expect((await officer.get(`/contracts/import/${old}/columns`)).statusCode).toBe(404);
    expect((await officer.get(`/contracts/import/${recent}/columns`)).statusCode).toBe(200);
  });

  it('checks the rows again when importing: a reference taken since the check stops the import', async () => {
    const { id, check } = await uploadAndMap(officer, 'race.csv', csvOf([HEADER, goodRow('RACE-1'), goodRow('RACE-2')]));
    expect(check.body).toContain('Import 2 contracts');
    await existingContract('RACE-2');
    const before = await counts(t);
    const response = await officer.post(`/contracts/import/${id}/check`);
    expect(response.statusCode).toBe(409);
    expect(problemsListed(response.body)).toEqual([
      {
        row: 3,
        column: 'Contract Reference',
        message: 'A contract with the reference RACE-2 is already in the service. Take the row out of the file, or give the contract a different reference',
      },
    ]);
    expect(await counts(t)).toEqual(before);
    expect(await contractsWith(['RACE-1'])).toHaveLength(0);
  });

  it('leaves nothing imported when the database fails part way through, and imports in full when tried again', async () => {
    const total = ROWS_PER_INSERT + 100;
    const rows = [HEADER, ...Array.from({ length: total }, (_, i) => goodRow(`BULK-${i + 1}`, { 'Supplier Company Name': `Bulk Supplier ${i % 40}` }))];
    const { id, check } = await uploadAndMap(officer, 'bulk.csv', csvOf(rows));
    expect(check.body).toContain(`Import ${total.toLocaleString('en-GB')} contracts`);
    const before = await counts(t);
    // A rule only the database knows, broken by the last contract: after the new suppliers and a first statement's worth of contracts are written.
    await db().execute(sql.raw(`alter table contracts add constraint test_refuse_last check (reference <> 'BULK-${total}')`));
    try {
      const crashed = await officer.post(`/contracts/import/${id}/check`);
      expect(crashed.statusCode).toBe(500);
      expect(crashed.body).toContain('Sorry, there is a problem with the service');
    } finally {
      await db().execute(sql`alter table contracts drop constraint test_refuse_last`);
    }
    expect(await counts(t)).toEqual(before);
    expect(await contractsWith(['BULK-1', `BULK-${ROWS_PER_INSERT}`])).toHaveLength(0);
    expect((await officer.get(`/contracts/import/${id}`)).headers.location).toBe(`/contracts/import/${id}/check`);

    const retried = await officer.post(`/contracts/import/${id}/check`);
    expect(retried.statusCode).toBe(303);
    expect(await counts(t)).toEqual({ contracts: before.contracts + total, organisations: before.organisations + 40 });
    const result = await officer.get(`/contracts/import/${id}`);
    expect(result.body).toContain(`${total.toLocaleString('en-GB')} contracts imported`);
    expect(result.body).toContain('The first 500 of the imported contracts');
    expect(result.body.match(/<a class="govuk-link" href="\/contracts\/[0-9a-f-]{36}">BULK-/g)).toHaveLength(500);
    expect(result.body).toContain('>BULK-1<');
    expect(result.body).not.toContain('>BULK-501<');
  });

  it('imports an upload once, however often the button is pressed', async () => {
    const { id } = await uploadAndMap(officer, 'twice.csv', csvOf([HEADER, goodRow('TWICE-1')]));
    const [first, second] = await Promise.all([officer.post(`/contracts/import/${id}/check`), officer.post(`/contracts/import/${id}/check`)]);
    expect([first.statusCode, second.statusCode]).toEqual([303, 303]);
    expect(await contractsWith(['TWICE-1'])).toHaveLength(1);
    const third = await officer.post(`/contracts/import/${id}/check`);
    expect(third.headers.location).toBe(`/contracts/import/${id}`);
    expect(await contractsWith(['TWICE-1'])).toHaveLength(1);
    for (const step of ['columns', 'check']) expect((await officer.get(`/contracts/import/${id}/${step}`)).headers.location).toBe(`/contracts/import/${id}`);
    expect((await officer.post(`/contracts/import/${id}/columns`, COLUMNS_FORM)).headers.location).toBe(`/contracts/import/${id}`);
  });
});
