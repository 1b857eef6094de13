import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { auditEvents, bidCommitments, bids, organisations, tenderMeasures } from '../../src/db/schema/index.js';
import { formatPounds } from '../../src/domain/money.js';
import { formatScore } from '../../src/features/evaluation/route-support.js';
import { tenderResults } from '../../src/features/evaluation/tender-results.js';
import { createTestApp, signedInClient, type TestApp } from '../helpers/app.js';
import { databaseKinds } from '../helpers/databases.js';
import { agreeWorkedExample, closeNow, createWorkedExample, enterWorkedPriceAndQuality, people, type People } from './evaluation-fixtures.js';

describe.each(databaseKinds)('evaluation results on %s', (kind) => {
  let t: TestApp;
  let who: People;
  beforeAll(async () => {
    t = await createTestApp(kind);
    who = await people(t.services.database.db);
  });
  afterAll(async () => t?.close());

  const byName = (results: NonNullable<Awaited<ReturnType<typeof tenderResults>>>) => Object.fromEntries(results.bids.map((b) => [b.supplierName, b]));

  it('works out the worked example relative to the highest offer, step by step', async () => {
    const { db } = t.services.database;
    const fixture = await createWorkedExample(db, who);

    const before = (await tenderResults(db, fixture.tenderId))!;
    expect(before.tender).toMatchObject({ svWeightBps: 2000, quantitativeBps: 1200, qualitativeBps: 800, priceAndQualityBps: 8000, contractEnd: '2029-03-31' });
    expect(before.tender.formula).toBe("Score = bid's social value ÷ highest social value offered × 12%");
    const bid = byName(before);
    expect(bid['Charnwood Care Services Ltd']).toMatchObject({
      svPence: 1_200_000,
      pricePence: 10_000_000,
      quantitative: { scoreBps: 600, working: '£12,000 ÷ £24,000 × 12% = 6%' },
    });
    expect(bid['Midlands Facilities Group plc']).toMatchObject({ svPence: 2_400_000, quantitative: { scoreBps: 1200 } });
    expect(bid['Midlands Facilities Group plc']!.consortiumMembers).toEqual([
      { name: 'Hinckley Youth Trust', organisationId: null, role: 'youth employment partner' },
    ]);
    expect(bid['Soar Valley Community Enterprise CIC']).toMatchObject({
      svPence: 1_700_000,
      quantitative: { scoreBps: 850, working: '£17,000 ÷ £24,000 × 12% = 8.5%' },
    });
    // Valued and counted commitments kept apart: sessions have no proxy and count in their own unit.
    expect(bid['Charnwood Care Services Ltd']!.valuedCommitments.map((c) => [c.code, c.svPence])).toEqual([
      ['TE01', 1_000_000],
      ['TE02', 200_000],
    ]);
    expect(bid['Charnwood Care Services Ltd']!.countedCommitments).toEqual([
      expect.objectContaining({ code: 'TE03', quantityHundredths: 1200, unit: 'sessions', svPence: null }),
    ]);
    // Not moderated yet: no qualitative or social value score, ranked by the quantitative score.
    expect(before.rankedBy).toBe('quantitative');
    expect(before.bids.map((b) => [b.supplierName, b.qualitativeBps, b.svScoreBps, b.totalBps, b.rank])).toEqual([
      ['Midlands Facilities Group plc', null, null, null, 1],
      ['Soar Valley Community Enterprise CIC', null, null, null, 2],
      ['Charnwood Care Services Ltd', null, null, null, 3],
    ]);

    await agreeWorkedExample(db, fixture, who.officer);
    const moderated = (await tenderResults(db, fixture.tenderId))!;
    expect(moderated.rankedBy).toBe('social_value');
    // (75 x 60% + 50 x 40%) x 8% = 5.2%; 50 x 8% = 4%; (100 x 60% + 75 x 40%) x 8% = 7.2%
    expect(moderated.bids.map((b) => [b.supplierName, b.qualitativeBps, b.svScoreBps, b.rank])).toEqual([
      ['Midlands Facilities Group plc', 400, 1600, 1],
      ['Soar Valley Community Enterprise CIC', 720, 1570, 2],
      ['Charnwood Care Services Ltd', 520, 1120, 3],
    ]);

    await enterWorkedPriceAndQuality(db, fixture);
    const totals = (await tenderResults(db, fixture.tenderId))!;
    expect(totals.rankedBy).toBe('total');
    expect(totals.bids.map((b) => [b.supplierName, b.priceScoreBps, b.qualityScoreBps, b.totalBps, b.rank])).toEqual([
      ['Charnwood Care Services Ltd', 5000, 2500, 8620, 1],
      ['Midlands Facilities Group plc', 4000, 2800, 8400, 2],
      ['Soar Valley Community Enterprise CIC', 4500, 2000, 8070, 3],
    ]);
  });

  it('works out the worked example relative to the highest social value per pound of bid price', async () => {
    const { db } = t.services.database;
    const fixture = await createWorkedExample(db, who, { method: 'value_per_pound' });
    await agreeWorkedExample(db, fixture, who.officer);
    await enterWorkedPriceAndQuality(db, fixture);
    const results = (await tenderResults(db, fixture.tenderId))!;
    expect(results.tender.formula).toBe("Score = (bid's social value ÷ bid price) ÷ highest (social value ÷ price) of all bids × 12%");
    // ratios 0.12, 0.16 and 0.2125 (the best): 0.12 / 0.2125 x 12% = 6.78%, 0.16 / 0.2125 x 12% = 9.04%
    expect(results.bids.map((b) => [b.supplierName, b.quantitative.scoreBps, b.svScoreBps, b.totalBps, b.rank])).toEqual([
      ['Charnwood Care Services Ltd', 678, 1198, 8698, 1],
      ['Soar Valley Community Enterprise CIC', 1200, 1920, 8420, 2],
      ['Midlands Facilities Group plc', 904, 1304, 8104, 3],
    ]);
    expect(byName(results)['Charnwood Care Services Ltd']!.quantitative.working).toBe('(£12,000 ÷ £100,000 = 0.12) ÷ 0.2125 × 12% = 6.78%');
  });

  it('flags the risks of each bid in words', async () => {
    const { db } = t.services.database;
    const fixture = await createWorkedExample(db, who);
    const bid = byName((await tenderResults(db, fixture.tenderId))!);
    expect(bid['Charnwood Care Services Ltd']!.riskFlags).toEqual([]);
    expect(bid['Midlands Facilities Group plc']!.riskFlags.map((f) => f.text)).toEqual([
      'The delivery profile for “Volunteering hours” puts 200 hours in the period ending 31 March 2030, after the contract ends on 31 March 2029',
    ]);
    expect(bid['Soar Valley Community Enterprise CIC']!.riskFlags.map((f) => f.text)).toEqual([
      'The commitments are worth £17,000, which is 21.25% of the bid price of £80,000; more than 20% may not be deliverable',
      'The offer of 60 weeks for “Apprenticeship weeks” is 4 times the median of the 2 other bids that offered it (15 weeks); more than 3 times may not be deliverable',
      'The commitment of 30 sessions for “Community sessions” has no delivery narrative: the bid does not say how it will be delivered',
    ]);

    const page = await (await signedInClient(t.app, 'officer@council.example')).get(`/tenders/${fixture.tenderId}/results`);
    expect(page.statusCode).toBe(200);
    for (const flag of [...bid['Midlands Facilities Group plc']!.riskFlags, ...bid['Soar Valley Community Enterprise CIC']!.riskFlags]) {
      expect(page.body).toContain(flag.text);
    }
  });

  it('shows on the results page the same figures as tenderResults, with the formula once and every working', async () => {
    const { db } = t.services.database;
    const fixture = await createWorkedExample(db, who);
    await agreeWorkedExample(db, fixture, who.officer);
    await enterWorkedPriceAndQuality(db, fixture);
    const results = (await tenderResults(db, fixture.tenderId))!;
    const page = await (await signedInClient(t.app, 'officer@council.example')).get(`/tenders/${fixture.tenderId}/results`);
    expect(page.statusCode).toBe(200);
    expect(page.body.split(results.tender.formula.replace("'", '&#39;')).length - 1).toBe(1);
    expect(page.body).toContain('Bids ranked by total score');
    for (const bid of results.bids) {
      expect(page.body).toContain(`${bid.rank}. ${bid.supplierName}`);
      expect(page.body).toContain(bid.quantitative.working);
      for (const score of [bid.svScoreBps, bid.qualitativeBps, bid.priceScoreBps, bid.qualityScoreBps, bid.totalBps, bid.quantitative.scoreBps]) {
        expect(page.body).toContain(formatScore(score));
      }
      expect(page.body).toContain(formatPounds(bid.svPence));
      expect(page.body).toContain(formatPounds(bid.pricePence!));
    }
    expect(page.body).toContain('86.20%');
    expect(page.body).toContain('Hinckley Youth Trust (youth employment partner)');
    expect(page.body).toContain('30 sessions of “Community sessions” (TE03)');
  });

  it('says which score the ranking is by until price and quality are entered for every bid', async () => {
    const { db } = t.services.database;
    const fixture = await createWorkedExample(db, who);
    const officer = await signedInClient(t.app, 'officer@council.example');
    expect((await officer.get(`/tenders/${fixture.tenderId}/results`)).body).toContain(
      'Bids ranked by the quantitative social value score only, because not every answer has an agreed score yet',
    );
    await agreeWorkedExample(db, fixture, who.officer);
    expect((await officer.get(`/tenders/${fixture.tenderId}/results`)).body).toContain(
      'Bids ranked by social value score, because price and quality scores have not been entered for every bid',
    );
  });

  it('lets an officer enter price and quality scores, checked against the weight left after social value', async () => {
    const { db } = t.services.database;
    const fixture = await createWorkedExample(db, who);
    const officer = await signedInClient(t.app, 'officer@council.example');
    await officer.get(`/tenders/${fixture.tenderId}/results`);
    const { charnwood, midlands, soarValley } = fixture.bidIds;

    const bad = await officer.post(`/tenders/${fixture.tenderId}/results/scores`, {
      [`price-${charnwood}`]: '60',
      [`quality-${charnwood}`]: '20.5',
      [`price-${midlands}`]: 'forty',
      [`quality-${midlands}`]: '10',
      [`price-${soarValley}`]: '30',
      [`quality-${soarValley}`]: '',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('govuk-error-summary');
    expect(bad.body).toContain('The price and quality scores for Charnwood Care Services Ltd add up to 80.5%: together they must be 80% or less');
    expect(bad.body).toContain('Enter the price score for Midlands Facilities Group plc as a percentage, like 32.5');
    expect(bad.body).toContain('Enter a quality score for Soar Valley Community Enterprise CIC, or leave both of its scores empty');
    expect(bad.body).toContain('value="forty"');
    expect((await db.select({ p: bids.priceScoreBps }).from(bids).where(eq(bids.id, charnwood)))[0]!.p).toBeNull();

    const good = await officer.post(`/tenders/${fixture.tenderId}/results/scores`, {
      [`price-${charnwood}`]: '50',
      [`quality-${charnwood}`]: '25',
      [`price-${midlands}`]: '40',
      [`quality-${midlands}`]: '28%',
      [`price-${soarValley}`]: '',
      [`quality-${soarValley}`]: '',
    });
    expect(good.statusCode).toBe(303);
    const saved = await db.select({ id: bids.id, p: bids.priceScoreBps, q: bids.qualityScoreBps }).from(bids).where(eq(bids.tenderId, fixture.tenderId));
    expect(Object.fromEntries(saved.map((b) => [b.id, [b.p, b.q]]))).toEqual({
      [charnwood]: [5000, 2500],
      [midlands]: [4000, 2800],
      [soarValley]: [null, null],
    });
    const page = await officer.get(good.headers.location as string);
    expect(page.body).toContain('Price and quality scores saved');
    expect(page.body).toMatch(new RegExp(`name="price-${charnwood}"[^>]*value="50"`));

    const [audit] = await db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, `Entered price and quality scores for tender ${fixture.tenderNumber}`));
    expect(audit).toMatchObject({ actorLabel: 'officer@council.example', entityTable: 'bids', operation: 'update' });
  });

  it('reads the results in the same few queries however many bids there are', async () => {
    const { db } = t.services.database;
    const client = (db as unknown as { $client: { query: (...args: unknown[]) => unknown } }).$client;
    const count = async (tenderId: string): Promise<number> => {
      const spy = vi.spyOn(client, 'query');
      try {
        await tenderResults(db, tenderId);
        return spy.mock.calls.length;
      } finally {
        spy.mockRestore();
      }
    };
    const small = await createWorkedExample(db, who);
    const large = await createWorkedExample(db, who, { closed: false });
    const measures = await db.select({ id: tenderMeasures.measureId }).from(tenderMeasures).where(eq(tenderMeasures.tenderId, large.tenderId));
    for (let i = 0; i < 6; i++) {
      const [org] = await db
        .insert(organisations)
        .values({ name: `Extra bidder ${kind} ${i}`, kind: 'supplier' })
        .returning({ id: organisations.id });
      const [bid] = await db
        .insert(bids)
        .values({ tenderId: large.tenderId, organisationId: org!.id, status: 'submitted', pricePence: 9_000_000 })
        .returning({ id: bids.id });
      await db.insert(bidCommitments).values(measures.map((m) => ({ bidId: bid!.id, measureId: m.id, quantityHundredths: 100 * (i + 1), narrative: 'How' })));
    }
    await closeNow(db, large.tenderId);
    expect((await tenderResults(db, large.tenderId))!.bids).toHaveLength(9);
    const queries = await count(small.tenderId);
    expect(queries).toBeLessThanOrEqual(2);
    expect(await count(large.tenderId)).toBe(queries);
  });
});
