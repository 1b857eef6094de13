import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bidAnswers, bidCommitments, mailOutbox, tenders } from '../../src/db/schema/index.js';
import { isClosedRefusal } from '../../src/features/bids/database-errors.js';
import { signedInClient, type Client, type TestApp, createTestApp } from '../helpers/app.js';
import { failureOf } from '../helpers/assert.js';
import { databaseKinds } from '../helpers/databases.js';
import { SUPPLIER, auditCount, closeTender, createTender, storedBid, userIdOf, type TestTender } from './bids-fixtures.js';

function revisionOf(body: string): string {
  return /name="revision" value="(\d+)"/.exec(body)?.[1] ?? 'missing';
}

const CLOSED = 'The closing time for this tender was 3:00pm on 22 November 2025. You can no longer submit or change your bid';

describe.each(databaseKinds)('supplier portal: submitting on %s', (kind) => {
  let t: TestApp;
  let supplier: Client;
  beforeAll(async () => {
    t = await createTestApp(kind);
    supplier = await signedInClient(t.app, SUPPLIER);
  });
  afterAll(async () => t?.close());

  const db = () => t.services.database.db;

  async function postFrom(page: string, url: string, form: Record<string, string | string[]>, client = supplier) {
    const opened = await client.get(page);
    return client.post(url, { revision: revisionOf(opened.body), ...form });
  }

  const commitment = (quantity: string, year1: string, year2: string) => ({
    quantity,
    profileBy: 'year',
    'profile-year-1': year1,
    'profile-year-2': year2,
    districts: ['Harborough'],
    narrative: 'Two apprentices a year from Market Harborough.',
  });

  /** A bid ready to submit: price, every question answered, SE03 at its minimum and GC01. */
  async function completeBid(tender: TestTender) {
    const base = `/supplier/tenders/${tender.id}`;
    await postFrom(`${base}/details`, `${base}/details`, { price: '74000', consortium: 'no' });
    for (const [code, quantity] of [
      ['SE03', '100'],
      ['GC01', '40'],
    ] as const) {
      const page = `${base}/commitments/${tender.measureIds[code]}`;
      const half = String(Number(quantity) / 2);
      expect((await postFrom(page, page, commitment(quantity, half, half))).statusCode).toBe(303);
    }
    for (const id of tender.questionIds) {
      const page = `${base}/answers/${id}`;
      expect((await postFrom(page, page, { answer: 'With the jobcentre in Loughborough.' })).statusCode).toBe(303);
    }
    return base;
  }

  it('blocks a submission that is incomplete, and says what to do, submitting nothing', async () => {
    const tender = await createTender(db());
    const base = `/supplier/tenders/${tender.id}`;
    const page = `${base}/answers/${tender.questionIds[0]}`;
    await postFrom(page, page, { answer: 'An answer to the first question only.' });
    const { revision } = (await storedBid(db(), tender.id, SUPPLIER))!;
    const response = await supplier.post(`${base}/submit`, { revision: String(revision) });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('govuk-error-summary');
    expect(response.body).toContain(`href="${base}/details"`);
    expect(response.body).toContain('Enter your bid price');
    expect(response.body).toContain('Answer question 2: How will you reduce your carbon emissions?');
    expect(response.body).toContain('Commit to at least 100 hours for SE03, the minimum for this tender: you have not committed to any');
    expect((await storedBid(db(), tender.id, SUPPLIER))!.status).toBe('draft');
  });

  it('submits after the check page, sends a receipt, and a second submit changes nothing', async () => {
    const tender = await createTender(db());
    const base = await completeBid(tender);
    const check = await supplier.get(`${base}/check`);
    expect(check.body).toContain('Now submit your bid');
    expect(check.body).toContain('With the jobcentre in Loughborough.');
    expect(check.body).toContain('Harborough');
    const revision = revisionOf(check.body);

    const submitted = await supplier.post(`${base}/submit`, { revision });
    expect(submitted.statusCode).toBe(303);
    expect(submitted.headers.location).toBe(`${base}/confirmation`);
    const bid = await storedBid(db(), tender.id, SUPPLIER);
    expect(bid).toMatchObject({ status: 'submitted', submittedBy: await userIdOf(db(), SUPPLIER), revision: Number(revision) + 1 });
    expect(bid!.submittedAt).toBeInstanceOf(Date);
    const confirmation = await supplier.get(`${base}/confirmation`);
    expect(confirmation.body).toContain('Bid submitted');
    const mail = await db().select().from(mailOutbox).where(eq(mailOutbox.to, SUPPLIER));
    expect(mail.some((m) => m.subject === 'Bid received: Home care in Charnwood' && m.text.includes(base))).toBe(true);

    // The same form sent again, as a double click does.
    const events = await auditCount(db());
    const again = await supplier.post(`${base}/submit`, { revision });
    expect(again.statusCode).toBe(303);
    expect(again.headers.location).toBe(`${base}?done=already-submitted`);
    const page = await supplier.get(again.headers.location as string);
    expect(page.body).toContain('Your bid was already submitted on');
    expect(page.body).toContain('It was not submitted again, and nothing was changed');
    expect(await storedBid(db(), tender.id, SUPPLIER)).toEqual(bid);
    expect(await auditCount(db())).toBe(events);

    const list = await supplier.get('/supplier/tenders');
    expect(list.body).toContain('Submitted on');
  });

  it('lets a submitted bid be amended and submitted again before the closing time', async () => {
    const tender = await createTender(db());
    const base = await completeBid(tender);
    await postFrom(`${base}/check`, `${base}/submit`, {});
    const first = await storedBid(db(), tender.id, SUPPLIER);

    const overview = await supplier.get(base);
    expect(overview.body).toContain('You can still change your bid until the closing time');
    const changed = await postFrom(`${base}/details`, `${base}/details`, { price: '73500', consortium: 'no' });
    expect(changed.statusCode).toBe(303);
    const amended = await storedBid(db(), tender.id, SUPPLIER);
    expect(amended).toMatchObject({ status: 'draft', pricePence: 7_350_000 });
    const warning = await supplier.get(base);
    expect(warning.body).toContain('Changed since it was submitted on');
    expect(warning.body).toContain('or it will not be considered');

    const resubmitted = await postFrom(`${base}/check`, `${base}/submit`, {});
    expect(resubmitted.headers.location).toBe(`${base}/confirmation`);
    const second = await storedBid(db(), tender.id, SUPPLIER);
    expect(second).toMatchObject({ status: 'submitted', pricePence: 7_350_000 });
    expect(second!.submittedAt!.getTime()).toBeGreaterThanOrEqual(first!.submittedAt!.getTime());
    expect(second!.revision).toBe(first!.revision + 2);
  });

  it('refuses a change made on a form opened before someone else changed the bid, and shows their version', async () => {
    const tender = await createTender(db());
    const base = `/supplier/tenders/${tender.id}`;
    await postFrom(`${base}/details`, `${base}/details`, { price: '50000', consortium: 'no' });
    const opened = await supplier.get(`${base}/details`);
    const colleague = await signedInClient(t.app, SUPPLIER);
    await postFrom(`${base}/details`, `${base}/details`, { price: '52000', consortium: 'no' }, colleague);

    const stale = await supplier.post(`${base}/details`, { revision: revisionOf(opened.body), price: '49000', consortium: 'no' });
    expect(stale.statusCode).toBe(409);
    expect(stale.body).toContain('This bid was changed by someone else since you opened it');
    expect(stale.body).toContain('value="52000.00"'); // their version, in the form
    expect(stale.body).toContain('£49000'); // what was typed, shown apart and not saved
    expect(revisionOf(stale.body)).toBe('2');
    expect((await storedBid(db(), tender.id, SUPPLIER))!.pricePence).toBe(5_200_000);

    // A bid started by someone else while this form was open (revision 0) is not overwritten either.
    const fresh = await createTender(db());
    const freshBase = `/supplier/tenders/${fresh.id}`;
    await colleague.post(`${freshBase}/details`, { revision: '0', price: '1000', consortium: 'no' });
    const late = await supplier.post(`${freshBase}/details`, { revision: '0', price: '2000', consortium: 'no' });
    expect(late.statusCode).toBe(409);
    expect((await storedBid(db(), fresh.id, SUPPLIER))!.pricePence).toBe(100_000);

    // A stale submit is refused too: the supplier checks the bid as it now is before submitting it.
    const complete = await createTender(db());
    const completeBase = await completeBid(complete);
    const check = await supplier.get(`${completeBase}/check`);
    await postFrom(`${completeBase}/details`, `${completeBase}/details`, { price: '70000', consortium: 'no' }, colleague);
    const staleSubmit = await supplier.post(`${completeBase}/submit`, { revision: revisionOf(check.body) });
    expect(staleSubmit.statusCode).toBe(409);
    expect(staleSubmit.body).toContain('This bid was changed by someone else since you opened it');
    expect(staleSubmit.body).toContain('£70,000');
    expect((await storedBid(db(), complete.id, SUPPLIER))!.status).toBe('draft');
  });

  it('refuses every save and submit after the closing time, changing nothing', async () => {
    const tender = await createTender(db());
    const base = await completeBid(tender);
    await closeTender(db(), tender.id);
    const before = await storedBid(db(), tender.id, SUPPLIER);
    const commitmentsBefore = await db().select().from(bidCommitments).where(eq(bidCommitments.bidId, before!.id));
    const answersBefore = await db().select().from(bidAnswers).where(eq(bidAnswers.bidId, before!.id));
    const events = await auditCount(db());
    const revision = String(before!.revision);

    const attempts = [
      supplier.post(`${base}/details`, { revision, price: '1', consortium: 'no' }),
      supplier.post(`${base}/commitments/${tender.measureIds.GC01}`, { revision, ...commitment('400', '200', '200') }),
      supplier.post(`${base}/commitments/${tender.measureIds.GC01}/remove`, { revision }),
      supplier.post(`${base}/answers/${tender.questionIds[0]}`, { revision, answer: 'Changed after closing' }),
      supplier.post(`${base}/submit`, { revision }),
    ];
    for (const response of await Promise.all(attempts)) {
      expect(response.statusCode).toBe(409);
      expect(response.body).toContain(CLOSED);
    }
    expect(await storedBid(db(), tender.id, SUPPLIER)).toEqual(before);
    expect(await db().select().from(bidCommitments).where(eq(bidCommitments.bidId, before!.id))).toEqual(commitmentsBefore);
    expect(await db().select().from(bidAnswers).where(eq(bidAnswers.bidId, before!.id))).toEqual(answersBefore);
    expect(await auditCount(db())).toBe(events);

    // The database refuses too, in a way the service recognises.
    let refusal: unknown;
    try {
      await db().update(bidAnswers).set({ answer: 'Changed behind the service’s back' }).where(eq(bidAnswers.bidId, before!.id));
    } catch (error) {
      refusal = error;
    }
    expect(isClosedRefusal(refusal)).toBe(true);
    expect(await failureOf(db().delete(bidCommitments).where(eq(bidCommitments.bidId, before!.id)))).toContain('the tender has closed');
  });

  it('says a cancelled tender can no longer take a bid', async () => {
    const tender = await createTender(db());
    const base = `/supplier/tenders/${tender.id}`;
    await db().update(tenders).set({ status: 'cancelled' }).where(eq(tenders.id, tender.id));
    const response = await supplier.post(`${base}/details`, { revision: '0', price: '1000', consortium: 'no' });
    expect(response.statusCode).toBe(409);
    expect(response.body).toContain('This tender has been cancelled. You can no longer submit or change your bid');
  });
});
