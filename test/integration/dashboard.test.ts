import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signedInClient, type TestApp } from '../helpers/app.js';
import { databaseKinds } from '../helpers/databases.js';
import { headlines, table } from '../helpers/html.js';
import { setUpDashboardData } from './dashboard-fixtures.js';

describe.each(databaseKinds)('the dashboard on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(kind);
    await setUpDashboardData(t.testDb.database.db);
  }, 120_000);
  afterAll(async () => t?.close());

  it('shows the figures counted by hand', async () => {
    // the figures below are counted by hand in dashboard-fixtures.ts
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
