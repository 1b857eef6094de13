import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/client.js';
import { contractCommitments, contracts, deliveryReports, frameworkVersions, measures, reportLines, requirements, tenders } from '../../src/db/schema/index.js';
import { defaultScale } from '../../src/features/tenders/defaults.js';
import { createTestApp, signedInClient, type TestApp } from '../helpers/app.js';
import { databaseKinds } from '../helpers/databases.js';
import { supplierNamed, userId } from './contracts-fixtures.js';

/** The rows of the table with this caption, each as the text of its cells. */
function table(html: string, caption: string): string[][] {
  const start = html.indexOf(`>${caption}</caption>`);
  if (start < 0) return [];
  const body = html.slice(start, html.indexOf('</table>', start));
  return [...body.matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/g)].map((row) =>
    [...row[1]!.matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((cell) =>
      cell[1]!
        .replace(/<[^>]+>/g, '')
        .replace(/\s+/g, ' ')
        .trim(),
    ),
  );
}

/** The headline figures: label -> value. */
function headlines(html: string): Record<string, string> {
  const text = (s: string) =>
    s
      .replace(/<[^>]+>/g, '')
      .replace(/&#39;|&rsquo;/g, '’')
      .replace(/\s+/g, ' ')
      .trim();
  return Object.fromEntries([...html.matchAll(/<dt[^>]*>([\s\S]*?)<\/dt>\s*<dd[^>]*>([\s\S]*?)<\/dd>/g)].map((m) => [text(m[1]!), text(m[2]!)]));
}

const quarter = (start: string, end: string, quantityHundredths: number) => ({ periodStart: start, periodEnd: end, quantityHundredths });

/**
 * The data counted by hand below. Measures of the Leicestershire framework: GC01 and GC02 (hours, £12.71 an hour),
 * GC08 (tonnes CO2e, £264 a tonne), all without deadweight or attribution; SE03 (hours of training) has no proxy.
 *
 * Contract A, Adults and Communities, Charnwood Care Services (small, local), £250,000, policy, April 2025 to March 2026:
 *   GC01 1,000 hours over the four quarters of 2025 to 2026 (250 each)      committed £12,710
 *   GC08 10 tonnes, no profile: due when the contract ends (2026 Q1 quarter) committed  £2,640
 *   SE03 500 hours (no proxy)                                                committed     £0
 *   Report April to June 2025: GC01 200 hours in Charnwood and Melton, verified     £2,542
 *                              GC02 10 hours in Blaby, additional, verified         £127.10
 *                              SE03 40 hours, verified (no £)
 *                              GC01 999 hours pending, GC01 50 hours rejected: not counted
 * Contract B, Environment and Transport, Midlands Facilities Group (large, not local), £1,000,000, statutory,
 *   April 2025 to March 2026: GC08 20 tonnes, 10 in July to September 2025 and 10 in January to March 2026
 *                                                                         committed £5,280
 *   Report July to September 2025: GC08 5 tonnes in Melton, verified          £1,320
 * Contract C, Adults and Communities, Melton Community Larder (micro, VCSE, local), £20,000, out of scope, no commitments.
 *
 * Committed £12,710 + £2,640 + £5,280 = £20,630; verified £2,542 + £127.10 + £1,320 = £3,989.10, of which £127.10
 * additional; everything was due by now, so the delivery rate is (£2,542 + £1,320) / £20,630 = 18.72%.
 * Contracts: 3, of which 2 in scope; value £1,270,000; local A + C = £270,000 (21.26%); SME A + C = £270,000 of
 * £1,270,000 known (21.26%); VCSE C = £20,000 (1.57%).
 * Districts: Melton £2,542 + £1,320 = £3,862; Charnwood £2,542; Blaby £127.10 (the GC01 line counts in both).
 *
 * Compliance (Environment and Transport requirements): R1 policy, tender published at 10%; R2 statutory, awarded at
 * 15%; R3 policy, published at 0% with a reason; R4 out of scope at 0% (not counted); R5 policy, tender still a
 * draft (not counted). 2 of 3 with criteria (66.67%), average weighting 12.5%.
 */
async function setUp(db: Db) {
  const code = async (c: string) => {
    const [row] = await db
      .select({ id: measures.id })
      .from(measures)
      .innerJoin(frameworkVersions, eq(frameworkVersions.id, measures.versionId))
      .where(and(eq(frameworkVersions.status, 'active'), eq(measures.code, c)));
    return row!.id;
  };
  const [gc01, gc02, gc08, se03] = [await code('GC01'), await code('GC02'), await code('GC08'), await code('SE03')];
  const contract = async (values: Partial<typeof contracts.$inferInsert> & { supplierId: string }) => {
    const [row] = await db
      .insert(contracts)
      .values({
        reference: `DASH-${values.title}`,
        title: 'x',
        valuePence: 0,
        startDate: '2025-04-01',
        endDate: '2026-03-31',
        applicability: 'policy',
        source: 'manual',
        ...values,
      })
      .returning({ id: contracts.id });
    return row!.id;
  };
  const commitment = async (contractId: string, measureId: string, quantityHundredths: number, profile: ReturnType<typeof quarter>[] = []) => {
    const [row] = await db
      .insert(contractCommitments)
      .values({
        contractId,
        measureId,
        quantityHundredths,
        profile,
        originalMeasureId: measureId,
        originalQuantityHundredths: quantityHundredths,
        originalProfile: profile,
      })
      .returning({ id: contractCommitments.id });
    return row!.id;
  };
  const report = async (contractId: string, periodStart: string, periodEnd: string, lines: Omit<typeof reportLines.$inferInsert, 'reportId'>[]) => {
    const [row] = await db
      .insert(deliveryReports)
      .values({ contractId, periodStart, periodEnd, dueDate: periodEnd, status: 'verified' })
      .returning({ id: deliveryReports.id });
    await db.insert(reportLines).values(lines.map((l) => ({ reportId: row!.id, ...l })));
  };

  const a = await contract({
    title: 'A',
    directorate: 'Adults and Communities',
    supplierId: await supplierNamed(db, 'Charnwood Care Services Ltd'),
    valuePence: 25_000_000,
  });
  const aGc01 = await commitment(a, gc01, 100_000, [
    quarter('2025-04-01', '2025-06-30', 25_000),
    quarter('2025-07-01', '2025-09-30', 25_000),
    quarter('2025-10-01', '2025-12-31', 25_000),
    quarter('2026-01-01', '2026-03-31', 25_000),
  ]);
  await commitment(a, gc08, 1_000);
  const aSe03 = await commitment(a, se03, 50_000);
  await report(a, '2025-04-01', '2025-06-30', [
    { commitmentId: aGc01, measureId: gc01, quantityHundredths: 20_000, districts: ['Charnwood', 'Melton'], status: 'verified' },
    { commitmentId: null, measureId: gc02, quantityHundredths: 1_000, districts: ['Blaby'], status: 'verified' },
    { commitmentId: aSe03, measureId: se03, quantityHundredths: 4_000, status: 'verified' },
    { commitmentId: aGc01, measureId: gc01, quantityHundredths: 99_900, status: 'pending' },
    { commitmentId: aGc01, measureId: gc01, quantityHundredths: 5_000, status: 'rejected' },
  ]);
  const b = await contract({
    title: 'B',
    directorate: 'Environment and Transport',
    supplierId: await supplierNamed(db, 'Midlands Facilities Group plc'),
    valuePence: 100_000_000,
    applicability: 'statutory',
  });
  const bGc08 = await commitment(b, gc08, 2_000, [quarter('2025-07-01', '2025-09-30', 1_000), quarter('2026-01-01', '2026-03-31', 1_000)]);
  await report(b, '2025-07-01', '2025-09-30', [{ commitmentId: bGc08, measureId: gc08, quantityHundredths: 500, districts: ['Melton'], status: 'verified' }]);
  await contract({
    title: 'C',
    directorate: 'Adults and Communities',
    supplierId: await supplierNamed(db, 'Melton Community Larder'),
    valuePence: 2_000_000,
    applicability: 'out_of_scope',
  });

  const owner = await userId(db, 'officer@council.example');
  const [version] = await db.select({ id: frameworkVersions.id }).from(frameworkVersions).where(eq(frameworkVersions.status, 'active'));
  const requirement = async (title: string, applicability: 'out_of_scope' | 'policy' | 'statutory', tender: Partial<typeof tenders.$inferInsert>) => {
    const [r] = await db
      .insert(requirements)
      .values({
        title,
        directorate: 'Environment and Transport',
        cpvCode: '90910000',
        categoryLabel: 'Cleaning services',
        estimatedValuePence: 50_000_000,
        expectedStart: '2025-04-01',
        durationMonths: 12,
        ownerId: owner,
        stage: 'tendering',
        applicability,
        applicabilityExplanation: 'Set by the test',
      })
      .returning({ id: requirements.id });
    await db
      .insert(tenders)
      .values({ requirementId: r!.id, title, scale: defaultScale, frameworkVersionId: version!.id, publishedAt: new Date('2025-05-01T09:00:00Z'), ...tender });
  };
  await requirement('R1 Road gritting', 'policy', { status: 'published', svWeightBps: 1000 });
  await requirement('R2 Bus shelters', 'statutory', { status: 'awarded', svWeightBps: 1500 });
  await requirement('R3 Salt supply call-off', 'policy', {
    status: 'published',
    svWeightBps: 0,
    lowWeightReason: 'A call-off from a national framework with fixed terms',
  });
  await requirement('R4 Small repairs', 'out_of_scope', { status: 'published', svWeightBps: 0 });
  await requirement('R5 Street lighting', 'policy', { status: 'draft', svWeightBps: 1000, publishedAt: null });
}

describe.each(databaseKinds)('the dashboard on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(kind);
    await setUp(t.testDb.database.db);
  }, 120_000);
  afterAll(async () => t?.close());

  it('shows the figures counted by hand', async () => {
    const officer = await signedInClient(t.app, 'officer@council.example');
    const response = await officer.get('/dashboard');
    expect(response.statusCode).toBe(200);
    const html = response.body;
    expect(headlines(html)).toMatchObject({
      'Social value committed': '£20,630',
      'Social value verified delivered': '£3,989.10',
      'Contracts in scope': '2',
      'Local suppliers': '21.26%',
      'Small and medium-sized suppliers': '21.26%',
      'Voluntary, community and social enterprise suppliers': '1.57%',
      'With social value criteria': '66.67%',
      'Average social value weighting': '12.5%',
    });
    expect(html).toMatch(/Delivery rate to [^<]*<\/dt>\s*<dd[^>]*>18.72%<\/dd>/);
    expect(html).toContain('£3,862 verified of £20,630 due');
    expect(html).toContain('Promised at tender: £20,630. Of what was verified, £127.10 was additional value');

    expect(table(html, 'Social value by district')).toEqual([
      ['District', 'Promised at tender', 'Committed', 'Verified delivered'],
      ['Melton', '£0', '£0', '£3,862'],
      ['Charnwood', '£0', '£0', '£2,542'],
      ['Blaby', '£0', '£0', '£127.10'],
      ['No district named', '£20,630', '£20,630', '£0'],
    ]);
    expect(table(html, 'Social value by directorate')).toEqual([
      ['Directorate', 'Promised at tender', 'Committed', 'Verified delivered'],
      ['Adults and Communities', '£15,350', '£15,350', '£2,669.10'],
      ['Environment and Transport', '£5,280', '£5,280', '£1,320'],
    ]);
    const outcomes = table(html, 'Social value by strategic outcome');
    expect(outcomes.find((row) => row[0]!.startsWith('GC '))?.slice(1)).toEqual(['£20,630', '£20,630', '£3,989.10']);
    expect(table(html, 'Social value by quarter')).toEqual([
      ['Quarter', 'Promised at tender', 'Committed', 'Verified delivered'],
      ['2025 to 2026 Q1', '£3,177.50', '£3,177.50', '£2,669.10'],
      ['2025 to 2026 Q2', '£5,817.50', '£5,817.50', '£1,320'],
      ['2025 to 2026 Q3', '£3,177.50', '£3,177.50', '£0'],
      ['2025 to 2026 Q4', '£8,457.50', '£8,457.50', '£0'],
    ]);
    expect(table(html, 'Measures without a proxy value')).toContainEqual([expect.stringMatching(/^SE03 /), 'hours', '500', '500', '40']);
    expect(table(html, 'Contracts most behind on delivery')).toEqual([]);
    expect(table(html, 'Requirements that went ahead without social value criteria')).toEqual([
      ['Requirement', 'Directorate', 'Reason recorded'],
      ['R3 Salt supply call-off', 'Environment and Transport', 'A call-off from a national framework with fixed terms'],
    ]);
    // one chart per breakdown, drawn on the server
    expect(html.match(/<svg class="sv-chart"/g)).toHaveLength(4);
  });

  it('filters by district, outcome, directorate and period without JavaScript', async () => {
    const officer = await signedInClient(t.app, 'officer@council.example');
    const melton = headlines((await officer.get('/dashboard?district=Melton')).body);
    expect(melton['Social value verified delivered']).toBe('£3,862');
    const adults = await officer.get('/dashboard?directorate=Adults+and+Communities');
    expect(headlines(adults.body)).toMatchObject({ 'Social value committed': '£15,350', 'Contracts in scope': '1' });
    const quarter2 = headlines((await officer.get('/dashboard?from=2025-07-01&to=2025-07-01')).body);
    expect(quarter2['Social value verified delivered']).toBe('£1,320');
    expect(quarter2['Social value committed']).toBe('£5,817.50');
    // to the end of 2025 to 2026 Q4, both contracts were running and behind: A £15,350 due, £2,542 verified;
    // B £5,280 due, £1,320 verified
    const behind = table((await officer.get('/dashboard?to=2026-01-01')).body, 'Contracts most behind on delivery');
    expect(behind.map((row) => row.slice(3))).toEqual([
      ['Due', 'Verified', 'Behind by'],
      ['£15,350', '£2,542', '£12,808'],
      ['£5,280', '£1,320', '£3,960'],
    ]);
    expect(behind[1]![0]).toBe('DASH-A');
    const se = headlines((await officer.get('/dashboard?outcome=SE')).body);
    expect(se['Social value committed']).toBe('£0');
  });

  it('answers nonsense filters with a message naming the filter, not an error page', async () => {
    const officer = await signedInClient(t.app, 'officer@council.example');
    const district = await officer.get('/dashboard?district=Atlantis&from=2025-13-01');
    expect(district.statusCode).toBe(400);
    expect(district.body).toContain('There is a problem');
    expect(district.body).toContain('Choose a district from the list');
    expect(district.body).toContain('Choose the first quarter of the period from the list');
    const backwards = await officer.get('/dashboard?from=2026-01-01&to=2025-04-01');
    expect(backwards.statusCode).toBe(400);
    expect(backwards.body).toContain('Choose a last quarter that is the same as or after the first');
    const array = await officer.get('/dashboard?outcome=GC&outcome=SE');
    expect(array.statusCode).toBeLessThan(500);
  });

  it('is for staff only', async () => {
    const supplier = await signedInClient(t.app, 'supplier@supplier.example');
    expect((await supplier.get('/dashboard')).statusCode).toBe(403);
    const anonymous = await t.app.inject('/dashboard');
    expect(anonymous.statusCode).toBe(302);
  });
});
