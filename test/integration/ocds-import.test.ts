import { readFileSync } from 'node:fs';
import { count, eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, contractAwards, contracts, ocdsImports, organisations } from '../../src/db/schema/index.js';
import { createTestApp, signedInClient, type Client, type TestApp } from '../helpers/app.js';
import { databaseKinds } from '../helpers/databases.js';

/** The real Contracts Finder package: 100 releases, 56 award notices and 3 award updates, two of them to awards in the file. */
const contractsFinder = readFileSync(new URL('../fixtures/ocds/contracts-finder-release-package.json', import.meta.url));
const MARSTON_OCID = 'ocds-b5fd17-e3b5f385-5989-4cf1-8849-01c247fc9c30';

function upload(officer: Client, name: string, content: string | Buffer) {
  return officer.upload('/contracts/import-ocds', {}, { field: 'file', name, type: 'application/json', content });
}

/** A small package in Find a Tender's shape, for updates and supplier matching. */
function packageOf(releases: object[]): string {
  return JSON.stringify({ uri: 'https://example.org/p.json', version: '1.1', publishedDate: '2025-03-01T00:00:00Z', publisher: { name: 'Test' }, releases });
}

describe.each(databaseKinds)('importing contracts from an OCDS release package on %s', (kind) => {
  let t: TestApp;
  let officer: Client;

  beforeAll(async () => {
    t = await createTestApp(kind);
    officer = await signedInClient(t.app, 'officer@council.example');
  });
  afterAll(async () => t?.close());

  const contractCount = async () => (await t.services.database.db.select({ n: count() }).from(contracts))[0]!.n;

  it('refuses a broken or foreign file, lists its problems and imports nothing', async () => {
    const before = await contractCount();
    const notJson = await upload(officer, 'notes.json', '{ "releases": [');
    expect(notJson.statusCode).toBe(400);
    expect(notJson.body).toContain('The file is not JSON');
    expect(notJson.body).toContain('govuk-error-summary');
    const records = await upload(officer, 'records.json', JSON.stringify({ version: '1.1', records: [] }));
    expect(records.statusCode).toBe(400);
    expect(records.body).toContain('record package');
    const broken = await upload(
      officer,
      'broken.json',
      packageOf([
        { id: 'r1', date: 'yesterday', tag: ['award'] },
        { ocid: 'ocds-x-1', id: 'r2', date: '2025-01-01T00:00:00Z', tag: [] },
      ]),
    );
    expect(broken.statusCode).toBe(400);
    expect(broken.body).toContain('Release 1, ocid');
    expect(broken.body).toContain('Release 1, date');
    expect(broken.body).toContain('Release 2, tag');
    expect(broken.body).toContain('Nothing was imported');
    const csv = await upload(officer, 'register.csv', 'Reference,Title\nA,B\n');
    expect(csv.statusCode).toBe(400);
    expect(await contractCount()).toBe(before);
    expect((await t.services.database.db.select({ n: count() }).from(ocdsImports))[0]!.n).toBe(0);
  });

  it('imports the Contracts Finder package after a review: awards become contracts with supplier, value, dates, SME and VCSE flags and applicability', async () => {
    const db = t.services.database.db;
    const uploaded = await upload(officer, 'contracts-finder.json', contractsFinder);
    expect(uploaded.statusCode).toBe(303);
    const reviewUrl = uploaded.headers.location as string;
    const review = await officer.get(reviewUrl);
    expect(review.statusCode).toBe(200);
    expect(review.body).toContain('Check the contracts before importing');
    expect(review.body).toContain('Import 55 contracts');
    expect(review.body).toContain('The award has 12 suppliers (a framework or a consortium)');
    expect(review.body).toContain('A tender notice: only award notices become contracts');
    const [upload1] = await db.select().from(ocdsImports);
    expect(upload1!.plan.awards).toHaveLength(55);
    expect(upload1!.plan.skipped).toHaveLength(43);
    expect(upload1!.plan.awards.length + upload1!.plan.skipped.length + 2).toBe(100);
    expect(await contractCount()).toBe(0);

    const imported = await officer.post(reviewUrl);
    expect(imported.statusCode).toBe(303);
    const result = await officer.get(reviewUrl);
    expect(result.body).toContain('Contracts imported');
    expect(result.body).toContain('55 contracts added or updated');
    expect(await contractCount()).toBe(55);

    const [marston] = await db
      .select({
        value: contracts.valuePence,
        start: contracts.startDate,
        end: contracts.endDate,
        applicability: contracts.applicability,
        size: organisations.size,
        vcse: organisations.isVcse,
        supplier: organisations.name,
      })
      .from(contracts)
      .innerJoin(contractAwards, eq(contractAwards.contractId, contracts.id))
      .innerJoin(organisations, eq(organisations.id, contracts.supplierId))
      .where(eq(contractAwards.ocid, MARSTON_OCID));
    expect(marston).toEqual({
      value: 9_300_700,
      start: '2025-01-23',
      end: '2025-04-23',
      applicability: 'policy',
      size: 'large',
      vcse: false,
      supplier: 'Marstons holdings plc',
    });
    const [vcse] = await db.select({ n: count() }).from(organisations).where(eq(organisations.isVcse, true));
    expect(vcse!.n).toBeGreaterThanOrEqual(2); // one from the package, one from the demo data
    const smes = await db.select({ n: count() }).from(organisations).where(eq(organisations.size, 'small'));
    expect(smes[0]!.n).toBeGreaterThan(5);
    const statutory = await db.select({ n: count() }).from(contracts).where(eq(contracts.applicability, 'statutory'));
    expect(statutory[0]!.n).toBeGreaterThan(0);
    // the award update in the same file applied to its award: one contract, with the update's release
    const rosa = await db.select().from(contractAwards).where(like(contractAwards.ocid, '%2eb477826ef3'));
    expect(rosa).toHaveLength(1);
    expect(rosa[0]!.releaseId).toBe('a77c7639-a95c-4324-8973-f613a9bad5a8-819899');

    const [audit] = await db.select({ n: count() }).from(auditEvents).where(eq(auditEvents.action, 'Imported contracts from an OCDS release package'));
    expect(audit!.n).toBeGreaterThanOrEqual(55 * 2);
    const [uploadEvent] = await db
      .select({ n: count() })
      .from(auditEvents)
      .where(like(auditEvents.action, 'Uploaded the OCDS release package contracts-finder.json%'));
    expect(uploadEvent!.n).toBe(1);
    expect((await officer.post(reviewUrl)).statusCode).toBe(303);
    expect(await contractCount()).toBe(55);
  });

  it('matches duplicates and award updates by OCID: the same file again adds nothing, a newer update changes its contract', async () => {
    const db = t.services.database.db;
    const again = await upload(officer, 'contracts-finder.json', contractsFinder);
    const review = await officer.get(again.headers.location as string);
    expect(review.body).toContain('Already imported: the service has this notice or a newer one');
    expect(review.body).toContain('Nothing in this file can be imported');

    const update = packageOf([
      {
        ocid: MARSTON_OCID,
        id: 'later-update',
        date: '2025-03-01T10:00:00Z',
        tag: ['awardUpdate'],
        awards: [
          {
            id: `${MARSTON_OCID}-1`,
            status: 'active',
            value: { amount: 372032, currency: 'GBP' },
            suppliers: [{ id: 'GB-CFS-307567', name: 'Marstons holdings plc' }],
            contractPeriod: { startDate: '2025-01-23T00:00:00Z', endDate: '2026-01-22T23:59:59Z' },
          },
        ],
      },
      {
        ocid: 'ocds-b5fd17-unknown',
        id: 'orphan',
        date: '2025-03-01T10:00:00Z',
        tag: ['awardUpdate'],
        awards: [{ id: 'x-1', value: { amount: 1, currency: 'GBP' } }],
      },
    ]);
    const uploaded = await upload(officer, 'update.json', update);
    const reviewUrl = uploaded.headers.location as string;
    const page = await officer.get(reviewUrl);
    expect(page.body).toContain('Import 1 contract');
    expect(page.body).toContain('An update to an award that is not in the service');
    await officer.post(reviewUrl);
    expect(await contractCount()).toBe(55);
    const [marston] = await db
      .select({ value: contracts.valuePence, end: contracts.endDate, applicability: contracts.applicability })
      .from(contracts)
      .innerJoin(contractAwards, eq(contractAwards.contractId, contracts.id))
      .where(eq(contractAwards.ocid, MARSTON_OCID));
    expect(marston).toEqual({ value: 37_203_200, end: '2026-01-22', applicability: 'statutory' });
  });

  it('matches a supplier already in the service by its Companies House number', async () => {
    const db = t.services.database.db;
    const suppliersBefore = (await db.select({ n: count() }).from(organisations))[0]!.n;
    const known = packageOf([
      {
        ocid: 'ocds-b5fd17-known-supplier',
        id: 'award-1',
        date: '2025-03-02T10:00:00Z',
        tag: ['award'],
        tender: { title: 'Facilities management for County Hall' },
        parties: [
          {
            id: 'GB-COH-01234567',
            name: 'MIDLANDS FACILITIES GROUP PLC',
            identifier: { scheme: 'GB-COH', id: '01234567' },
            details: { scale: 'large', vcse: false },
            roles: ['supplier'],
          },
        ],
        awards: [
          {
            id: 'known-1',
            status: 'active',
            value: { amount: 50000, currency: 'GBP' },
            suppliers: [{ id: 'GB-COH-01234567' }],
            contractPeriod: { startDate: '2025-04-01T00:00:00+01:00', endDate: '2026-03-31T23:59:59+01:00' },
          },
        ],
      },
    ]);
    const uploaded = await upload(officer, 'known.json', known);
    await officer.post(uploaded.headers.location as string);
    expect((await db.select({ n: count() }).from(organisations))[0]!.n).toBe(suppliersBefore);
    const [row] = await db
      .select({ supplier: organisations.name, start: contracts.startDate })
      .from(contracts)
      .innerJoin(organisations, eq(organisations.id, contracts.supplierId))
      .where(eq(contracts.reference, 'known-1'));
    expect(row).toEqual({ supplier: 'Midlands Facilities Group plc', start: '2025-04-01' });
  });

  it('is for officers and administrators, and each upload only for the person who made it', async () => {
    const supplier = await signedInClient(t.app, 'supplier@supplier.example');
    expect((await supplier.get('/contracts/import-ocds')).statusCode).toBe(403);
    const [any] = await t.services.database.db.select({ id: ocdsImports.id }).from(ocdsImports).limit(1);
    const admin = await signedInClient(t.app, 'admin@council.example');
    expect((await admin.get(`/contracts/import-ocds/${any!.id}`)).statusCode).toBe(404);
  });
});
