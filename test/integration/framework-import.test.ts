import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { frameworkVersions, measures, outcomes } from '../../src/db/schema/index.js';
import { CSV_COLUMNS } from '../../src/features/framework/csv-format.js';
import { createTestApp, signedInClient, type Client, type TestApp } from '../helpers/app.js';
import { databaseKinds } from '../helpers/databases.js';

const header = CSV_COLUMNS.join(',');
const good =
  'SE,A strong economy,Jobs,SE01,Local people employed,people,Count each person once.,A staff list.,1271,GOV.UK wage rates,https://www.gov.uk/national-minimum-wage-rates,2026,Open Government Licence v3.0,12.5,0';

function jsonFile(measureChanges: Record<string, unknown> = {}): string {
  return JSON.stringify({
    format: 'sv-framework',
    formatVersion: 1,
    version: { name: 'From JSON', notes: null },
    outcomes: [{ code: 'SE', title: 'A strong economy', description: '' }],
    measures: [
      {
        code: 'SE01',
        outcomeCode: 'SE',
        title: 'Local people employed',
        unit: 'people',
        countingGuidance: 'Count once.',
        evidenceExpected: 'A list.',
        proxyPencePerUnit: null,
        proxySource: null,
        proxySourceUrl: null,
        proxyYear: null,
        proxyLicence: null,
        deadweightBps: 0,
        attributionBps: 0,
        ...measureChanges,
      },
    ],
  });
}

describe.each(databaseKinds)('framework import checks on %s', (kind) => {
  let t: TestApp;
  let admin: Client;

  beforeAll(async () => {
    t = await createTestApp(kind);
    admin = await signedInClient(t.app, 'admin@council.example');
  });
  afterAll(async () => t?.close());

  const counts = async () => {
    const { db } = t.services.database;
    const [v] = await db.select({ n: count() }).from(frameworkVersions);
    const [o] = await db.select({ n: count() }).from(outcomes);
    const [m] = await db.select({ n: count() }).from(measures);
    return [v?.n, o?.n, m?.n];
  };

  async function expectRejected(name: string, content: string | Buffer, messages: string[]) {
    const before = await counts();
    const response = await admin.upload('/framework/import', {}, { field: 'file', name, type: 'application/octet-stream', content });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('govuk-error-summary');
    for (const message of messages) expect(response.body).toContain(message);
    expect(await counts()).toEqual(before);
    return response;
  }

  it('shows the import form with the CSV columns explained', async () => {
    const response = await admin.get('/framework/import');
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('enctype="multipart/form-data"');
    for (const column of CSV_COLUMNS) expect(response.body).toContain(`>${column}</dt>`);
  });

  it('asks for a file when none is chosen', async () => {
    const before = await counts();
    const none = await admin.upload('/framework/import', {}, { field: 'file', name: '', type: 'application/octet-stream', content: '' });
    expect(none.statusCode).toBe(400);
    expect(none.body).toContain('Select a CSV or JSON file to import');
    const plainForm = await admin.post('/framework/import', {});
    expect(plainForm.statusCode).toBe(400);
    expect(plainForm.body).toContain('Select a CSV or JSON file to import');
    expect(await counts()).toEqual(before);
  });

  it('rejects the wrong type of file, and empty files', async () => {
    await expectRejected('framework.xlsx', 'PK', ['The selected file must be a CSV or JSON file']);
    await expectRejected('framework.csv', '', ['The selected file is empty']);
    await expectRejected('framework.json', '\uFEFF', ['The selected file is empty']);
  });

  it('rejects malformed CSV and JSON', async () => {
    await expectRejected('framework.csv', `${header}\n${good}\nSE,"never closed`, ['The file is not a valid CSV file: a quoted value is not closed']);
    await expectRejected('framework.json', '{"format": "sv-framework", ', ['The file is not valid JSON']);
  });

  it('lists missing and unknown columns', async () => {
    const csv = `${header.replace('proxy_year,', '')},colour\n${good},red`;
    await expectRejected('framework.csv', csv, [
      'Row 1, column colour: remove this column or correct its name',
      'Row 1, column proxy_year: add this column: it is missing from the header row',
    ]);
  });

  it('lists every problem in the rows, by row and column, in a table', async () => {
    const rows = [
      good,
      good.replace('SE01', 'SE02').replace(',1271,', ',12.71,'),
      good.replace('SE01', 'SE03').replace(',12.5,0', ',101,0'),
      good.replace('SE01', 'se01'),
      good.replace('SE01', 'SE05').replace(',GOV.UK wage rates,', ',,'),
    ];
    const response = await expectRejected('framework.csv', `\uFEFF${[header, ...rows].join('\r\n')}`, [
      'Row 3, column proxy_pence_per_unit: enter a whole number of pence, like 1271',
      'Row 4, column deadweight_percent: enter a percentage from 0 to 100, like 12.5',
      'Row 5, column measure_code: use a different code: row 2 already uses SE01',
      'Row 6, column proxy_source: enter the source of the proxy value',
    ]);
    expect(response.body).toContain('<caption class="govuk-table__caption govuk-table__caption--m">Problems in framework.csv</caption>');
    expect(response.body).toMatch(/<td class="govuk-table__cell app-nowrap">Row 3<\/td>\s*<td class="govuk-table__cell">proxy_pence_per_unit<\/td>/);
  });

  it('lists problems in a JSON file by measure and field, including measures naming unknown outcomes', async () => {
    await expectRejected('framework.json', jsonFile({ outcomeCode: 'XX', unit: '', deadweightBps: -5 }), [
      'Measure 1 (SE01), field deadweightBps: enter a whole number of basis points from 0 to 10000',
      'Measure 1 (SE01), field unit: enter the unit the measure is counted in',
      'Measure 1 (SE01), field outcomeCode: use the code of an outcome in the file: there is no outcome XX',
    ]);
  });

  it('imports a good file as a new draft, and refuses another while that draft exists', async () => {
    const before = await counts();
    const imported = await admin.upload('/framework/import', {}, { field: 'file', name: 'framework.json', type: 'application/json', content: jsonFile() });
    expect(imported.statusCode).toBe(303);
    const [draft] = await t.services.database.db.select().from(frameworkVersions).where(eq(frameworkVersions.status, 'draft'));
    expect(draft).toMatchObject({ name: 'From JSON', number: 2 });
    expect(await counts()).toEqual([before[0]! + 1, before[1]! + 1, before[2]! + 1]);

    const page = await admin.get('/framework/import');
    expect(page.body).toContain('There is already a draft');
    expect(page.body).not.toContain('type="file"');
    const second = await admin.upload('/framework/import', {}, { field: 'file', name: 'framework.csv', type: 'text/csv', content: `${header}\n${good}` });
    expect(second.statusCode).toBe(409);
    expect(await counts()).toEqual([before[0]! + 1, before[1]! + 1, before[2]! + 1]);
  });
});
