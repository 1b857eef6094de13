import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contracts, lineMessages, reportLines, users } from '../../src/db/schema/index.js';
import { formatPounds } from '../../src/domain/money.js';
import { Client, createTestApp, signedInClient, type TestApp } from '../helpers/app.js';
import { databaseKinds } from '../helpers/databases.js';
import { userId } from './contracts-fixtures.js';
import { databaseData } from './database-fixtures.js';
import { insertEvidence } from './verification-fixtures.js';

type Data = Awaited<ReturnType<typeof databaseData>>;

const PAGES = ['/transparency', '/transparency/contracts', '/transparency/data'];
const DOWNLOADS = [
  '/transparency/data/commitments.csv',
  '/transparency/data/commitments.json',
  '/transparency/data/delivery.csv',
  '/transparency/data/delivery.json',
];
/** Field names that must never be in a public download: people, free text, evidence, the conversation, drafts. */
const FORBIDDEN_FIELDS = [
  'email',
  'phone',
  'name of',
  'manager',
  'officer',
  'publishedby',
  'published by',
  'narrative',
  'evidence',
  'filename',
  'query',
  'message',
  'decided',
  'status',
  'description',
];

describe.each(databaseKinds)('the public transparency site on %s', (kind) => {
  let t: TestApp;
  let data: Data;
  let anonymous: Client;
  const forbiddenValues: string[] = [];

  beforeAll(async () => {
    t = await createTestApp(kind);
    const db = t.services.database.db;
    data = await databaseData(db, { publishFirst: true });
    anonymous = new Client(t.app);
    // Personal and unpublished things that must never show: a contact in the description, the conversation on a
    // line, its evidence file, every narrative, and the unpublished contract.
    await db.update(contracts).set({ description: 'Contact Jo Bloggs on 0116 496 0123' }).where(eq(contracts.id, data.first.id));
    const [line] = await db.select({ id: reportLines.id }).from(reportLines).where(eq(reportLines.narrative, 'Queried line narrative'));
    await db.insert(lineMessages).values({ lineId: line!.id, authorId: await userId(db, 'manager@council.example'), body: 'Which payroll shows these hours?' });
    await insertEvidence(db, line!.id, await userId(db, 'supplier@supplier.example'));
    const people = await db.select({ name: users.name, email: users.email }).from(users);
    expect(people.length).toBeGreaterThanOrEqual(10);
    forbiddenValues.push(...people.flatMap((p) => [p.name, p.email]));
    forbiddenValues.push('Jo Bloggs', '0116 496 0123', 'Which payroll shows these hours?', 'payroll-extract.pdf');
    forbiddenValues.push('Fifteen local people hired', 'Queried line narrative', 'Rejected line narrative', 'Pending line narrative', 'Draft line narrative');
    forbiddenValues.push(data.second.reference, data.second.id, 'Database facilities', data.pendingLineId);
  });
  afterAll(async () => t?.close());

  async function everyPublicResponse() {
    const urls = [...PAGES, `/transparency/contracts/${data.first.id}`, ...DOWNLOADS];
    return Promise.all(urls.map(async (url) => ({ url, response: await anonymous.get(url) })));
  }

  it('works signed out, and shows nothing personal, nothing unpublished and nothing unverified on any page or download', async () => {
    for (const { url, response } of await everyPublicResponse()) {
      expect(response.statusCode, url).toBe(200);
      expect(response.headers['set-cookie'], url).toBeUndefined();
      for (const value of forbiddenValues) expect(response.body.includes(value), `${url} contains ${value}`).toBe(false);
      if (url.endsWith('.csv')) {
        const header = response.body
          .replace(/^\uFEFF/, '')
          .split('\r\n')[0]!
          .split('\n')[0]!
          .toLowerCase();
        for (const name of FORBIDDEN_FIELDS) expect(header.includes(name), `${url} has a column like ${name}`).toBe(false);
      }
      if (url.endsWith('.json')) {
        const document = JSON.parse(response.body) as Record<string, Record<string, unknown>[]>;
        const records = document[url.includes('commitments') ? 'commitments' : 'delivery']!;
        expect(records.length).toBeGreaterThan(0);
        for (const record of records) {
          expect(record.contractReference).toBe(data.first.reference);
          for (const key of Object.keys(record))
            for (const name of FORBIDDEN_FIELDS) expect(key.toLowerCase().includes(name.replace(/ /g, '')), `${url}: ${key}`).toBe(false);
        }
      }
    }
  });

  it('shows the headline figures, outcomes and districts of published contracts only, from the summaries', async () => {
    const page = await anonymous.get('/transparency');
    expect(page.statusCode).toBe(200);
    // one published contract: the first; its verified value is its two lines against the commitment and the additional line
    expect(page.body).toMatch(/Published contracts\s*<\/dt>\s*<dd class="govuk-summary-list__value">\s*1 worth £250,000/);
    const verified = data.expected.firstDeliveredPence + data.expected.additionalPence;
    expect(page.body).toContain(`${formatPounds(verified)}, of which ${formatPounds(data.expected.additionalPence)} beyond the commitments`);
    expect(page.body).toContain('By strategic outcome');
    expect(page.body).toContain('Charnwood');
    expect(page.body).toContain('Melton');
  });

  it("shows a published contract's commitments and its verified delivery only", async () => {
    const page = await anonymous.get(`/transparency/contracts/${data.first.id}`);
    expect(page.body).toContain('Database home care');
    expect(page.body).toContain('Charnwood Care Services Ltd');
    expect(page.body).toMatch(/>200<span class="govuk-!-display-block">/);
    expect(page.body).toContain(formatPounds(data.expected.firstDeliveredPence));
    expect(page.body).toContain(formatPounds(data.expected.additionalPence));
    // delivery by period: April to June 2025 holds 150 against the commitment (the queried 7 is not verified)
    expect(page.body).toMatch(
      /April to June 2025<\/th>\s*<td class="govuk-table__cell">[^<]+<\/td>\s*<td class="govuk-table__cell govuk-table__cell--numeric">150 </,
    );
    expect(page.body).toMatch(
      /July to September 2025<\/th>\s*<td class="govuk-table__cell">[^<]+<\/td>\s*<td class="govuk-table__cell govuk-table__cell--numeric">50 </,
    );
    const list = await anonymous.get('/transparency/contracts');
    expect(list.body).toContain(`href="/transparency/contracts/${data.first.id}"`);
    expect(list.body).toContain(formatPounds(data.expected.firstDeliveredPence + data.expected.additionalPence));
    const json = JSON.parse((await anonymous.get('/transparency/data/delivery.json')).body) as { delivery: { quantity: number; valuePence: number | null }[] };
    // the three verified lines: 150, 2.5 (additional) and 50
    expect(json.delivery.map((l) => l.quantity).sort((a, b) => a - b)).toEqual([2.5, 50, 150]);
  });

  it('links to the OCDS package only when the service serves it', async () => {
    const page = await anonymous.get('/transparency/data');
    expect(page.body.includes('href="/transparency/ocds.json"')).toBe(t.app.hasRoute({ method: 'GET', url: '/transparency/ocds.json' }));
  });

  it("answers 404 for an unpublished contract's page, an unknown one and a malformed address", async () => {
    for (const url of [
      `/transparency/contracts/${data.second.id}`,
      '/transparency/contracts/00000000-0000-4000-8000-000000000000',
      '/transparency/contracts/nonsense',
      '/transparency/contracts?after=x',
    ]) {
      const response = await anonymous.get(url);
      expect(response.statusCode, url).toBe(404);
      expect(response.body).toContain('Page not found');
      expect(response.body).not.toContain('Database facilities');
    }
  });

  it('sends ETag and Cache-Control, answers a matching If-None-Match with 304, and a new ETag once the figures change', async () => {
    const url = `/transparency/contracts/${data.first.id}`;
    const overviewTag = (await anonymous.get('/transparency')).headers.etag as string;
    expect((await anonymous.get('/transparency', { 'if-none-match': overviewTag })).statusCode).toBe(304);
    const first = await anonymous.get(url);
    const etag = first.headers.etag as string;
    expect(etag).toMatch(/^"[\w-]+"$/);
    expect(first.headers['cache-control']).toBe('public, max-age=300, stale-while-revalidate=60');
    const again = await anonymous.get(url, { 'if-none-match': etag });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');

    const download = await anonymous.get('/transparency/data/commitments.csv');
    const downloadTag = download.headers.etag as string;
    expect(downloadTag).toMatch(/^W\/"[\w-]+"$/);
    expect((await anonymous.get('/transparency/data/commitments.csv', { 'if-none-match': downloadTag })).statusCode).toBe(304);

    // the queried line of the published contract is verified: its page changes
    await t.services.database.db.update(reportLines).set({ status: 'verified' }).where(eq(reportLines.narrative, 'Queried line narrative'));
    const changed = await anonymous.get(url, { 'if-none-match': etag });
    expect(changed.statusCode).toBe(200);
    expect(changed.headers.etag).not.toBe(etag);
    // an officer publishes the other contract: the list and the downloads change
    const officer = await signedInClient(t.app, 'officer@council.example');
    await officer.post(`/contracts/${data.second.id}/publish`);
    const list = await anonymous.get('/transparency/contracts');
    expect(list.body).toContain('Database facilities');
    // the overview, rendered once for as long as its figures are kept, is made again
    const overview = await anonymous.get('/transparency', { 'if-none-match': overviewTag });
    expect(overview.statusCode).toBe(200);
    expect(overview.headers.etag).not.toBe(overviewTag);
    expect((await anonymous.get('/transparency/data/commitments.csv', { 'if-none-match': downloadTag })).statusCode).toBe(200);
  });
});
