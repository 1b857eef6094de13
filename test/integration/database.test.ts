import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, contractCommitments } from '../../src/db/schema/index.js';
import { formatPounds } from '../../src/domain/money.js';
import { Client, createTestApp, signedInClient, type TestApp } from '../helpers/app.js';
import { databaseKinds } from '../helpers/databases.js';
import { quarters } from './contracts-fixtures.js';
import { databaseData } from './database-fixtures.js';

type Data = Awaited<ReturnType<typeof databaseData>>;

describe.each(databaseKinds)('the social value database on %s', (kind) => {
  let t: TestApp;
  let data: Data;
  let viewer: Client;

  beforeAll(async () => {
    t = await createTestApp(kind);
    data = await databaseData(t.services.database.db);
    viewer = await signedInClient(t.app, 'viewer@council.example');
  });
  afterAll(async () => t?.close());

  it('shows each commitment with its promise, its commitment and its verified delivery in units and pounds, valuation and narrative', async () => {
    const page = await viewer.get(`/database?contract=${data.first.reference}`);
    expect(page.statusCode).toBe(200);
    const body = page.body;
    expect(body).toContain('Database home care');
    expect(body).not.toContain('Database facilities');
    expect(body).toContain(`${data.first.measures.valued.code} ${data.first.measures.valued.title}`);
    // 800 promised and committed, 200 verified (150 + 50): the rejected and queried lines do not count
    expect(body).toMatch(/>800<span class="govuk-!-display-block">/);
    expect(body).toMatch(/>200<span class="govuk-!-display-block">/);
    expect(body).toContain(formatPounds(data.expected.firstCommittedPence));
    expect(body).toContain(formatPounds(data.expected.firstDeliveredPence));
    expect(body).toContain('framework version 1');
    expect(body).toMatch(/a unit, less [\d.]+% deadweight and [\d.]+% attribution/);
  });

  it('lists delivered lines with their status, and filters by status, supplier, measure, district, directorate and period', async () => {
    const all = await viewer.get('/database/delivery');
    expect(all.statusCode).toBe(200);
    for (const text of [
      'Fifteen local people hired',
      'Queried line narrative',
      'Rejected line narrative',
      'Pending line narrative',
      'Additional volunteering',
    ]) {
      expect(all.body).toContain(text);
    }
    expect(all.body).not.toContain('Draft line narrative');
    const narratives = async (query: string) => {
      const page = await viewer.get(`/database/delivery?${query}`);
      expect(page.statusCode).toBe(200);
      return [...page.body.matchAll(/app-pre-wrap">([^<]+)</g)].map((m) => m[1]).sort();
    };
    expect(await narratives('status=verified')).toEqual(['Additional volunteering', 'Fifteen local people hired', 'Five more hired']);
    expect(await narratives('status=pending')).toEqual(['Pending line narrative']);
    expect(await narratives('supplier=midlands')).toEqual(['Pending line narrative']);
    expect(await narratives(`measure=${data.first.measures.valued2.code}`)).toEqual(['Additional volunteering', 'Queried line narrative']);
    expect(await narratives('district=Melton')).toEqual(['Additional volunteering']);
    expect(await narratives('directorate=Corporate+Resources')).toEqual(['Pending line narrative']);
    expect(await narratives('period=2025-07-01')).toEqual(['Five more hired', 'Rejected line narrative']);
    expect(await narratives('size=large&status=verified&local=no')).toHaveLength(0);
  });

  it('answers nonsense filters with an error summary naming each filter, status 400, keeping what was typed', async () => {
    const page = await viewer.get('/database/delivery?status=lost&period=2026-Q9&outcome=NOPE&size=giant&vcse=maybe&supplier=Acme');
    expect(page.statusCode).toBe(400);
    expect(page.body).toContain('There is a problem');
    for (const message of [
      'Choose a status: pending, verified, queried or rejected',
      'Choose a period from the list, like 2026 to 2027 Q1',
      'Choose a strategic outcome from the list',
      'Choose a supplier size: micro, small, medium or large',
    ]) {
      expect(page.body).toContain(message);
    }
    expect(page.body).toContain('href="#status"');
    expect(page.body).toContain('value="Acme"');
    expect((await viewer.get('/database?after=garbage')).statusCode).toBe(400);
    expect((await viewer.get('/database/commitments.csv?district=Atlantis')).statusCode).toBe(400);
    expect((await viewer.get('/database?outcome[]=x&period[a]=b')).statusCode).toBe(200);
  });

  it('pages through many rows with next-page links that keep the filters', async () => {
    const db = t.services.database.db;
    await db.insert(contractCommitments).values(
      Array.from({ length: 55 }, () => ({
        contractId: data.second.id,
        measureId: data.first.measures.valued.id,
        quantityHundredths: 100,
        profile: quarters(25),
        originalMeasureId: data.first.measures.valued.id,
        originalQuantityHundredths: 100,
        originalProfile: quarters(25),
      })),
    );
    const seen = new Set<string>();
    let url: string | null = `/database?contract=${data.second.reference}`;
    let pages = 0;
    while (url) {
      const page = await viewer.get(url);
      expect(page.statusCode).toBe(200);
      pages += 1;
      const rows = [...page.body.matchAll(/<tr class="govuk-table__row">\s*<th scope="row"/g)].length;
      for (let i = 0; i < rows; i++) seen.add(`${pages}-${i}`);
      const next = /href="([^"]+)" rel="next"/.exec(page.body)?.[1]?.replaceAll('&amp;', '&') ?? null;
      if (next) expect(next).toContain(`contract=${data.second.reference}`);
      url = next;
    }
    expect(pages).toBe(2);
    expect(seen.size).toBe(57);
  });

  it('downloads the same filtered table as CSV and XLSX, streamed, and records the download', async () => {
    const csv = await viewer.get('/database/delivery.csv?status=verified');
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.headers['content-disposition']).toBe('attachment; filename="social-value-delivery.csv"');
    const records = parse(csv.body, { columns: true, bom: true }) as Record<string, string>[];
    expect(records.map((r) => r.Narrative).sort()).toEqual(['Additional volunteering', 'Fifteen local people hired', 'Five more hired']);
    const fifteen = records.find((r) => r.Narrative === 'Fifteen local people hired')!;
    expect(fifteen.Quantity).toBe('150');
    expect(fifteen['Contract reference']).toBe(data.first.reference);
    expect(fifteen.Status).toBe('Verified');
    expect(fifteen.Districts).toBe('Charnwood');
    expect(records.find((r) => r.Narrative === 'Additional volunteering')!['Value (£)']).toBe((data.expected.additionalPence / 100).toFixed(2));

    const xlsx = await viewer.get(`/database/commitments.xlsx?contract=${data.first.reference}`);
    expect(xlsx.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Commitments')!;
    const headers = (sheet.getRow(1).values as unknown[]).slice(1);
    const column = (name: string) => headers.indexOf(name) + 1;
    expect(sheet.rowCount).toBe(3);
    // the contract's two commitments come in no set order: take the one committed at 800
    const first = [sheet.getRow(2), sheet.getRow(3)].find((row) => row.getCell(column('Committed now')).value === 800)!;
    expect(first).toBeDefined();
    expect(first.getCell(column('Verified delivered')).value).toBe(200);
    expect(first.getCell(column('Verified delivered value (£)')).value).toBe(data.expected.firstDeliveredPence / 100);

    const events = await t.services.database.db
      .select({ action: auditEvents.action })
      .from(auditEvents)
      .where(and(eq(auditEvents.operation, 'event'), eq(auditEvents.actorLabel, 'viewer@council.example')));
    expect(events.map((e) => e.action)).toEqual(
      expect.arrayContaining(['Downloaded the social value database: delivered outputs (CSV)', 'Downloaded the social value database: commitments (XLSX)']),
    );
  });

  it('is for council staff only', async () => {
    const supplier = await signedInClient(t.app, 'supplier@supplier.example');
    expect((await supplier.get('/database')).statusCode).toBe(403);
    expect((await supplier.get('/database/delivery.csv')).statusCode).toBe(403);
    expect((await new Client(t.app).get('/database')).statusCode).toBe(302);
  });
});
