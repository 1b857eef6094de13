import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, bidAnswers, bidCommitments } from '../../src/db/schema/index.js';
import { socialValuePence } from '../../src/domain/social-value.js';
import { signedInClient, type Client, type TestApp, createTestApp } from '../helpers/app.js';
import { databaseKinds } from '../helpers/databases.js';
import { SUPPLIER, SUPPLIER2, SUPPLIER3, activeMeasures, closeTender, createTender, jsonPoster, storedBid, userIdOf } from './bids-fixtures.js';

/** The revision a page's form was opened with. */
function revisionOf(body: string): string {
  return /name="revision" value="(\d+)"/.exec(body)?.[1] ?? 'missing';
}

const yearly = (quantity: string, year1: string, year2: string, extra: Record<string, string | string[]> = {}) => ({
  quantity,
  profileBy: 'year',
  'profile-year-1': year1,
  'profile-year-2': year2,
  districts: ['Charnwood', 'Melton'],
  narrative: 'Staff volunteer with the Loughborough food bank one afternoon a month.',
  ...extra,
});

describe.each(databaseKinds)('supplier portal: tenders and drafting on %s', (kind) => {
  let t: TestApp;
  let supplier: Client;
  beforeAll(async () => {
    t = await createTestApp(kind);
    supplier = await signedInClient(t.app, SUPPLIER);
  });
  afterAll(async () => t?.close());

  const db = () => t.services.database.db;

  /** Opens a page of the bid and posts a form from it with the revision it was opened with. */
  async function postFrom(client: Client, page: string, url: string, form: Record<string, string | string[]>) {
    const opened = await client.get(page);
    return client.post(url, { revision: revisionOf(opened.body), ...form });
  }

  it('lists the tenders open to the organisation, with closed ones apart, and none of anyone else’s', async () => {
    const open = await createTender(db());
    const closed = await createTender(db());
    await closeTender(db(), closed.id);
    const draft = await createTender(db(), { draft: true });
    const elsewhere = await createTender(db(), { invited: [SUPPLIER2] });

    const page = await supplier.get('/supplier/tenders');
    expect(page.statusCode).toBe(200);
    const [openPart, closedPart] = page.body.split('<caption class="govuk-table__caption govuk-table__caption--m">Closed</caption>');
    expect(openPart).toContain(`/supplier/tenders/${open.id}`);
    expect(openPart).toContain('Not started');
    expect(closedPart).toContain(`/supplier/tenders/${closed.id}`);
    expect(closedPart).toContain('3:00pm on 22 November 2025');
    expect(page.body).not.toContain(draft.id);
    expect(page.body).not.toContain(elsewhere.id);
  });

  it('shows the tender’s requirements and the bid’s task list', async () => {
    const tender = await createTender(db());
    const page = await supplier.get(`/supplier/tenders/${tender.id}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Social value is 20% of the total score: 12% for what you commit to deliver and 8% for your answers to the questions.');
    expect(page.body).toContain('Score = bid&#39;s social value ÷ highest social value offered × 12%');
    expect(page.body).toContain('GC01: ');
    expect(page.body).toContain('£12.71');
    expect(page.body).toContain('100 hours'); // SE03's minimum
    expect(page.body).toContain('How will you recruit local people?');
    expect(page.body).toContain('Say where you will advertise and who you will work with.');
    expect(page.body).toContain('60%');
    expect(page.body).toContain('Excellent.'); // the scale's descriptors
    expect(page.body).toContain('The closing time is <strong>');
    expect(page.body).toContain(`href="/supplier/tenders/${tender.id}/commitments/${tender.measureIds.GC01}"`);
    expect(page.body).toContain(`href="/supplier/tenders/${tender.id}/answers/${tender.questionIds[0]}"`);
  });

  it('finds nothing for a tender the organisation is not invited to, a draft, an unknown or malformed id', async () => {
    const elsewhere = await createTender(db(), { invited: [SUPPLIER2] });
    const draft = await createTender(db(), { draft: true });
    for (const id of [elsewhere.id, draft.id, randomUUID(), 'not-a-uuid']) {
      expect((await supplier.get(`/supplier/tenders/${id}`)).statusCode, id).toBe(404);
      expect((await supplier.get(`/supplier/tenders/${id}/details`)).statusCode, id).toBe(404);
      expect((await supplier.post(`/supplier/tenders/${id}/details`, { revision: '0', price: '1000', consortium: 'no' })).statusCode, id).toBe(404);
    }
    const ids = elsewhere.measureIds;
    expect((await supplier.post(`/supplier/tenders/${elsewhere.id}/commitments/${ids.GC01}`, yearly('10', '5', '5'))).statusCode).toBe(404);
    expect((await supplier.post(`/supplier/tenders/${elsewhere.id}/answers/${elsewhere.questionIds[0]}`, { revision: '0', answer: 'x' })).statusCode).toBe(404);
    expect((await supplier.post(`/supplier/tenders/${elsewhere.id}/submit`, { revision: '0' })).statusCode).toBe(404);
    expect(await storedBid(db(), elsewhere.id, SUPPLIER)).toBeNull();
  });

  it('is for suppliers only: council staff are refused, and people not signed in are sent to sign in', async () => {
    const tender = await createTender(db());
    const officer = await signedInClient(t.app, 'officer@council.example');
    expect((await officer.get('/supplier/tenders')).statusCode).toBe(403);
    expect((await officer.get(`/supplier/tenders/${tender.id}`)).statusCode).toBe(403);
    const anonymous = await t.app.inject(`/supplier/tenders/${tender.id}`);
    expect(anonymous.statusCode).toBe(302);
    expect(anonymous.headers.location).toBe(`/sign-in?next=${encodeURIComponent(`/supplier/tenders/${tender.id}`)}`);
  });

  it('saves the price and a consortium with its members, led by the supplier’s organisation', async () => {
    const tender = await createTender(db());
    const base = `/supplier/tenders/${tender.id}`;
    const saved = await postFrom(supplier, `${base}/details`, `${base}/details`, {
      price: '£74,999.50',
      consortium: 'yes',
      'member-1-name': 'Hinckley Youth Trust',
      'member-1-role': 'Runs the apprenticeships',
      'member-2-name': 'Melton Green Transport CIC',
      'member-2-role': 'Low-carbon deliveries',
    });
    expect(saved.statusCode).toBe(303);
    expect(saved.headers.location).toBe(`${base}?done=details`);
    const bid = await storedBid(db(), tender.id, SUPPLIER);
    expect(bid).toMatchObject({ status: 'draft', pricePence: 7_499_950, revision: 1 });
    expect(bid!.consortiumMembers).toEqual([
      { name: 'Hinckley Youth Trust', organisationId: null, role: 'Runs the apprenticeships' },
      { name: 'Melton Green Transport CIC', organisationId: null, role: 'Low-carbon deliveries' },
    ]);
    const check = await supplier.get(`${base}/check`);
    expect(check.body).toContain('£74,999.50');
    expect(check.body).toContain('Charnwood Care Services Ltd');
    expect(check.body).toContain('Hinckley Youth Trust (Runs the apprenticeships)');

    const form = await supplier.get(`${base}/details`);
    expect(form.body).toContain('value="74999.50"');
    expect(form.body).toMatch(/value="yes" checked/);
    expect(form.body).toContain('value="Melton Green Transport CIC"');
  });

  it('refuses a price that is not money and an incomplete member, keeping what was typed and saving nothing', async () => {
    const tender = await createTender(db());
    const base = `/supplier/tenders/${tender.id}`;
    const response = await postFrom(supplier, `${base}/details`, `${base}/details`, {
      price: 'seventy thousand',
      consortium: 'yes',
      'member-2-name': 'Hinckley Youth Trust',
    });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('Enter the bid price in pounds, like 75000 or 74,999.50');
    expect(response.body).toContain('Enter the role of member 2');
    expect(response.body).toContain('href="#member-2-role"');
    expect(response.body).toContain('value="seventy thousand"');
    expect(response.body).toContain('value="Hinckley Youth Trust"');
    const none = await postFrom(supplier, `${base}/details`, `${base}/details`, { price: '1000', consortium: 'yes' });
    expect(none.body).toContain('Enter the name of at least one member of the consortium');
    const unanswered = await postFrom(supplier, `${base}/details`, `${base}/details`, { price: '0' });
    expect(unanswered.body).toContain('Enter a bid price of more than £0');
    expect(unanswered.body).toContain('Select yes if this is a consortium bid');
    expect(await storedBid(db(), tender.id, SUPPLIER)).toBeNull();
  });

  it('saves a commitment with its profile, districts and narrative, and shows its social value from the frozen proxy', async () => {
    const tender = await createTender(db());
    const base = `/supplier/tenders/${tender.id}`;
    const gc01 = `${base}/commitments/${tender.measureIds.GC01}`;
    const saved = await postFrom(supplier, gc01, gc01, yearly('120', '70', '50'));
    expect(saved.statusCode).toBe(303);
    expect(saved.headers.location).toBe(`${base}?done=commitment`);

    const bid = await storedBid(db(), tender.id, SUPPLIER);
    const [row] = await db().select().from(bidCommitments).where(eq(bidCommitments.bidId, bid!.id));
    expect(row).toMatchObject({
      measureId: tender.measureIds.GC01,
      quantityHundredths: 12_000,
      districts: ['Charnwood', 'Melton'],
      narrative: 'Staff volunteer with the Loughborough food bank one afternoon a month.',
    });
    expect(row!.profile).toEqual([
      { periodStart: '2027-04-01', periodEnd: '2028-03-31', quantityHundredths: 7000 },
      { periodStart: '2028-04-01', periodEnd: '2029-03-31', quantityHundredths: 5000 },
    ]);

    // 120 hours at £12.71 an hour, with no deadweight or attribution: £1,525.20, worked out by the domain rule.
    const measure = (await activeMeasures(db())).get('GC01')!;
    const pence = socialValuePence(12_000, measure);
    expect(pence).toBe(152_520);
    const page = await supplier.get(`${base}?done=commitment`);
    expect(page.body).toContain('Commitment saved');
    expect(page.body).toContain('Social value of your offer');
    expect(page.body).toContain('120 hours');
    expect(page.body).toMatch(/£1,525\.20<\/td>[\s\S]*Total social value in pounds[\s\S]*£1,525\.20/);

    // A measure without a proxy is shown in its unit, never in pounds, and leaves the total alone.
    const se02 = `${base}/commitments/${tender.measureIds.SE02}`;
    expect((await postFrom(supplier, se02, se02, yearly('26', '13', '13'))).statusCode).toBe(303);
    const after = await supplier.get(base);
    expect(after.body).toContain('26 weeks');
    expect(after.body).toContain('Counted in weeks, not valued in pounds');
    expect(after.body).toMatch(/Total social value in pounds[\s\S]*£1,525\.20/);

    const form = await supplier.get(gc01);
    expect(form.body).toContain('value="120"');
    expect(form.body).toContain('value="70"');
    expect(form.body).toMatch(/value="Melton" checked/);
    expect(form.body).toContain('data-bid-value="measure">£1,525.20');
  });

  it('takes a profile by quarter', async () => {
    const tender = await createTender(db(), { durationMonths: 6 });
    const gc01 = `/supplier/tenders/${tender.id}/commitments/${tender.measureIds.GC01}`;
    const saved = await postFrom(supplier, gc01, gc01, {
      quantity: '30',
      profileBy: 'quarter',
      'profile-quarter-1': '10',
      'profile-quarter-2': '20',
      districts: ['Countywide'],
      narrative: '',
    });
    expect(saved.statusCode).toBe(303);
    const bid = await storedBid(db(), tender.id, SUPPLIER);
    const [row] = await db().select().from(bidCommitments).where(eq(bidCommitments.bidId, bid!.id));
    expect(row!.profile).toEqual([
      { periodStart: '2027-04-01', periodEnd: '2027-06-30', quantityHundredths: 1000 },
      { periodStart: '2027-07-01', periodEnd: '2027-09-30', quantityHundredths: 2000 },
    ]);
    expect(row!.districts).toEqual(['Countywide']);
    const form = await supplier.get(gc01);
    expect(form.body).toMatch(/value="quarter" checked/);
    expect(form.body).toContain('value="20"');
  });

  it('refuses a negative or non-numeric quantity, a profile that does not add up, and unknown measures, saving nothing', async () => {
    const tender = await createTender(db());
    const base = `/supplier/tenders/${tender.id}`;
    const gc01 = `${base}/commitments/${tender.measureIds.GC01}`;
    for (const quantity of ['-5', 'ten']) {
      const response = await postFrom(supplier, gc01, gc01, yearly(quantity, '', ''));
      expect(response.statusCode).toBe(400);
      expect(response.body).toContain('Enter the number of hours as a number, like 120');
      expect(response.body).toContain('href="#quantity"');
      expect(response.body).toContain(`value="${quantity}"`);
    }
    const se02 = `${base}/commitments/${tender.measureIds.SE02}`;
    const mismatch = await postFrom(supplier, se02, se02, yearly('100', '50', '30'));
    expect(mismatch.statusCode).toBe(400);
    expect(mismatch.body).toContain('The delivery profile for SE02 adds up to 80 but the total is 100');
    expect(mismatch.body).toContain('value="30"');
    expect(mismatch.body).toContain('Staff volunteer with the Loughborough food bank');

    const both = await postFrom(supplier, se02, se02, yearly('100', '50', '50', { districts: ['Countywide', 'Blaby'] }));
    expect(both.body).toContain('Select Countywide or the districts where it will be delivered, not both');

    // A measure of the framework that this tender does not ask for, and one that does not exist.
    const notAsked = (await activeMeasures(db())).get('WO01')!.id;
    for (const id of [notAsked, randomUUID()]) {
      const response = await supplier.post(`${base}/commitments/${id}`, { revision: '0', ...yearly('10', '5', '5') });
      expect(response.statusCode).toBe(404);
    }
    const value = await (await jsonPoster(t.app, SUPPLIER))(`${base}/value`, { measureId: notAsked, quantity: '10' });
    expect(value.statusCode).toBe(400);
    expect(await storedBid(db(), tender.id, SUPPLIER)).toBeNull();
  });

  it('allows a draft below the tender’s minimum, and says it cannot be submitted like that', async () => {
    const tender = await createTender(db());
    const base = `/supplier/tenders/${tender.id}`;
    const se03 = `${base}/commitments/${tender.measureIds.SE03}`;
    expect((await postFrom(supplier, se03, se03, yearly('40', '20', '20'))).statusCode).toBe(303);
    const overview = await supplier.get(base);
    expect(overview.body).toContain('Below the minimum');
    const form = await supplier.get(se03);
    expect(form.body).toContain('Your commitment is below this tender’s minimum of 100 hours');
    const check = await supplier.get(`${base}/check`);
    expect(check.body).toContain('Commit to at least 100 hours for SE03, the minimum for this tender: you have committed to 40 hours');
    expect(check.body).not.toContain('Submit bid');
  });

  it('saves answers, keeps an over-long one as typed, and removes an answer saved empty', async () => {
    const tender = await createTender(db());
    const base = `/supplier/tenders/${tender.id}`;
    const q1 = `${base}/answers/${tender.questionIds[0]}`;
    expect((await postFrom(supplier, q1, q1, { answer: 'We advertise at the Loughborough jobcentre.\r\nAnd in the Melton Times.' })).statusCode).toBe(303);
    const bid = await storedBid(db(), tender.id, SUPPLIER);
    const answers = () => db().select().from(bidAnswers).where(eq(bidAnswers.bidId, bid!.id));
    expect((await answers())[0]!.answer).toBe('We advertise at the Loughborough jobcentre.\nAnd in the Melton Times.');

    const long = 'x'.repeat(6001);
    const tooLong = await postFrom(supplier, q1, q1, { answer: long });
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.body).toContain('Shorten your answer to 6,000 characters or fewer');
    expect(tooLong.body).toContain(long);

    expect((await postFrom(supplier, q1, q1, { answer: '  ' })).statusCode).toBe(303);
    expect(await answers()).toEqual([]);
  });

  it('removes a commitment', async () => {
    const tender = await createTender(db());
    const base = `/supplier/tenders/${tender.id}`;
    const gc01 = `${base}/commitments/${tender.measureIds.GC01}`;
    await postFrom(supplier, gc01, gc01, yearly('10', '5', '5'));
    const removed = await postFrom(supplier, gc01, `${gc01}/remove`, {});
    expect(removed.statusCode).toBe(303);
    expect(removed.headers.location).toBe(`${base}?done=removed`);
    const bid = await storedBid(db(), tender.id, SUPPLIER);
    expect(await db().select().from(bidCommitments).where(eq(bidCommitments.bidId, bid!.id))).toEqual([]);
    expect(bid!.revision).toBe(2);
  });

  it('saving what is already saved changes nothing', async () => {
    const tender = await createTender(db());
    const base = `/supplier/tenders/${tender.id}`;
    const gc01 = `${base}/commitments/${tender.measureIds.GC01}`;
    await postFrom(supplier, gc01, gc01, yearly('10', '5', '5'));
    const again = await postFrom(supplier, gc01, gc01, yearly('10', '5', '5'));
    expect(again.headers.location).toBe(`${base}?done=unchanged`);
    expect((await storedBid(db(), tender.id, SUPPLIER))!.revision).toBe(1);
  });

  it('works out the live value on the server as a quantity is typed', async () => {
    const tender = await createTender(db());
    const base = `/supplier/tenders/${tender.id}`;
    const se02 = `${base}/commitments/${tender.measureIds.SE02}`;
    await postFrom(supplier, se02, se02, yearly('26', '13', '13'));
    const gc08Tender = await createTender(db(), { measures: [{ code: 'GC01' }, { code: 'GC08' }] });
    const gc08 = `/supplier/tenders/${gc08Tender.id}/commitments/${gc08Tender.measureIds.GC08}`;
    await postFrom(supplier, gc08, gc08, yearly('2.5', '1.25', '1.25'));

    const post = await jsonPoster(t.app, SUPPLIER);
    const measures = await activeMeasures(db());
    const typed = await post(`${base}/value`, { measureId: tender.measureIds.GC01, quantity: '1,000' });
    expect(typed.statusCode).toBe(200);
    const gc01Pence = socialValuePence(100_000, measures.get('GC01')!)!;
    expect(typed.json()).toEqual({ measure: { valuePence: gc01Pence, text: '£12,710' }, total: { valuePence: gc01Pence, text: '£12,710' } });

    // With another valued commitment saved, the total adds the one being typed to it.
    const other = await post(`/supplier/tenders/${gc08Tender.id}/value`, { measureId: gc08Tender.measureIds.GC01, quantity: '10' });
    const gc08Pence = socialValuePence(250, measures.get('GC08')!)!;
    const tenHours = socialValuePence(1000, measures.get('GC01')!)!;
    expect(other.json().total.valuePence).toBe(gc08Pence + tenHours);

    const unvalued = await post(`${base}/value`, { measureId: tender.measureIds.SE02, quantity: '30' });
    expect(unvalued.json().measure).toEqual({ valuePence: null, text: 'Counted in weeks, not valued in pounds' });
    const notNumber = await post(`${base}/value`, { measureId: tender.measureIds.GC01, quantity: '-3' });
    expect(notNumber.json().measure.text).toBe('Enter a number to see its value');

    expect((await post(`${base}/value`, { measureId: tender.measureIds.GC01, quantity: '1' }, 'forged')).statusCode).toBe(403);
    const elsewhere = await createTender(db(), { invited: [SUPPLIER2] });
    expect((await post(`/supplier/tenders/${elsewhere.id}/value`, { measureId: elsewhere.measureIds.GC01, quantity: '1' })).statusCode).toBe(404);
  });

  it('serves the live value script to the page, which names it', async () => {
    const script = await t.app.inject('/supplier/bid-form.mjs');
    expect(script.statusCode).toBe(200);
    expect(script.headers['content-type']).toContain('application/javascript');
    expect(script.body).toContain("'x-csrf-token'");
    const tender = await createTender(db());
    const form = await supplier.get(`/supplier/tenders/${tender.id}/commitments/${tender.measureIds.GC01}`);
    expect(form.body).toContain('<script type="module" src="/supplier/bid-form.mjs"></script>');
    expect(form.body).toContain('aria-live="polite"');
    expect(form.body).toContain(`data-value-url="/supplier/tenders/${tender.id}/value"`);
  });

  it('records every change in the audit trail with the supplier as the actor', async () => {
    const tender = await createTender(db());
    const base = `/supplier/tenders/${tender.id}`;
    const gc01 = `${base}/commitments/${tender.measureIds.GC01}`;
    await postFrom(supplier, gc01, gc01, yearly('10', '5', '5'));
    const actorId = await userIdOf(db(), SUPPLIER);
    const events = await db()
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, `Saved the commitment to GC01 in a bid for tender ${tender.number}`), eq(auditEvents.actorId, actorId)));
    const changes = events.map((e) => `${e.operation} ${e.entityTable}`);
    expect(changes).toContain('insert bids');
    expect(changes).toContain('insert bid_commitments');
    expect(events.find((e) => e.entityTable === 'bid_commitments')!.after).toMatchObject({ quantity_hundredths: 1000, districts: ['Charnwood', 'Melton'] });
  });

  it('shows each supplier only its own bid', async () => {
    const tender = await createTender(db(), { invited: [SUPPLIER, SUPPLIER3] });
    const base = `/supplier/tenders/${tender.id}`;
    await postFrom(supplier, `${base}/details`, `${base}/details`, { price: '61234', consortium: 'no' });
    const other = await signedInClient(t.app, SUPPLIER3);
    const page = await other.get(`${base}/check`);
    expect(page.statusCode).toBe(200);
    expect(page.body).not.toContain('£61,234');
    expect(page.body).toContain('Not entered');
    expect(await storedBid(db(), tender.id, SUPPLIER3)).toBeNull();
  });

  it('shows a closed tender’s bid read-only and sends its forms back to it', async () => {
    const tender = await createTender(db());
    const base = `/supplier/tenders/${tender.id}`;
    await postFrom(supplier, `${base}/details`, `${base}/details`, { price: '5000', consortium: 'no' });
    await closeTender(db(), tender.id);
    const page = await supplier.get(base);
    expect(page.body).toContain('The closing time for this tender was 3:00pm on 22 November 2025. You can no longer submit or change your bid');
    expect(page.body).toContain('Your bid as it stands');
    expect(page.body).not.toContain(`href="${base}/details"`);
    const form = await supplier.get(`${base}/details`);
    expect(form.statusCode).toBe(303);
    expect(form.headers.location).toBe(base);
  });
});
