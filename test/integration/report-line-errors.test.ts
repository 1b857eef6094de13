import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deliveryReports, reportLines } from '../../src/db/schema/index.js';
import { NARRATIVE_MAX, REASON_MAX } from '../../src/domain/limits.js';
import { createTestApp, signedInClient, type Client, type TestApp } from '../helpers/app.js';
import { databaseKinds } from '../helpers/databases.js';
import { reportIdIn, reportingContract } from './delivery-reports-fixtures.js';
import { insertSubmittedReport, period2025Q1, verificationContract } from './verification-fixtures.js';

/** The messages of the error summary, in order. */
const summary = (body: string) =>
  [...(/govuk-error-summary__list">([\s\S]*?)<\/ul>/.exec(body)?.[1] ?? '').matchAll(/<a href="#([^"]+)">([^<]*)<\/a>/g)].map((m) => m[1]);

describe.each(databaseKinds)('every problem of a report line at once on %s', (kind) => {
  let t: TestApp;
  let supplier: Client;
  let c: Awaited<ReturnType<typeof reportingContract>>;
  const db = () => t.services.database.db;
  const tooLong = 'x'.repeat(NARRATIVE_MAX + 1);

  beforeAll(async () => {
    t = await createTestApp(kind);
    c = await reportingContract(db());
    supplier = await signedInClient(t.app, 'supplier@supplier.example');
  });
  afterAll(async () => t?.close());

  async function draft(periodStart: string) {
    await supplier.get(`/contracts/${c.id}`);
    const started = await supplier.post(`/supplier/contracts/${c.id}/periods/${periodStart}`);
    return `/supplier/contracts/${c.id}/reports/${reportIdIn(started.headers.location)}`;
  }

  it('shows every problem of a commitment line at once, and keeps what was typed', async () => {
    const form = `${await draft(c.ended[0]!.periodStart)}/commitments/${c.commitmentIds[0]}`;
    await supplier.get(form);
    const response = await supplier.post(form, { revision: '1', quantity: 'twelve', narrative: tooLong, districts: [] });
    expect(response.statusCode).toBe(400);
    expect(summary(response.body)).toEqual(['quantity', 'narrative', 'districts']);
    expect(response.body).toMatch(/Enter the number of [^<]+ delivered as a number/);
    expect(response.body).toContain(`Describe what was delivered in ${NARRATIVE_MAX.toLocaleString('en-GB')} characters or fewer`);
    expect(response.body).toContain('Select the districts where it was delivered, or Countywide');
    expect(response.body).toContain('value="twelve"');
    // nothing typed at all: the quantity and where it was delivered are both asked for
    const empty = await supplier.post(form, { revision: '1', quantity: '', narrative: '', districts: [] });
    expect(summary(empty.body)).toEqual(['quantity', 'districts']);
    // nothing delivered needs a reason, but no district
    const none = await supplier.post(form, { revision: '1', quantity: '0', narrative: '', districts: ['Nowhere'] });
    expect(summary(none.body)).toEqual(['narrative', 'districts']);
    expect(none.body).toContain('Explain why nothing was delivered in this period');
    expect(none.body).toContain('Select districts from the list');
  });

  it('shows every problem of additional social value at once', async () => {
    const form = `${await draft(c.ended[1]!.periodStart)}/additional`;
    await supplier.get(form);
    const response = await supplier.post(form, { revision: '1', measure: '', quantity: '-2', narrative: tooLong, districts: [] });
    expect(response.statusCode).toBe(400);
    expect(summary(response.body)).toEqual(['measure', 'quantity', 'narrative', 'districts']);
    expect(response.body).toContain('Select the measure of the social value you delivered');
    expect(response.body).toMatch(/Enter a number of [^<]+ of 0 or more/);
    expect(response.body).toContain('Select the districts where it was delivered, or Countywide');
    // additional social value of nothing is refused as such, not asked to be explained
    const nothing = await supplier.post(form, { revision: '1', measure: c.m.valued2.id, quantity: '0', narrative: '', districts: [] });
    expect(summary(nothing.body)).toEqual(['quantity']);
    expect(nothing.body).not.toContain('Explain why nothing was delivered');
    expect(await db().select().from(reportLines).where(eq(reportLines.commitmentId, c.commitmentIds[0]!))).toHaveLength(0);
  });

  it('shows every problem of an answer to a query at once', async () => {
    const contract = await verificationContract(db());
    const { reportId, lineIds } = await insertSubmittedReport(db(), contract.id, period2025Q1, [
      { commitmentId: contract.commitmentIds[0]!, measureId: contract.measures.valued.id, quantityHundredths: 500, districts: ['Melton'] },
      { commitmentId: null, measureId: contract.measures.valued2.id, quantityHundredths: 300, districts: ['Blaby'] },
    ]);
    await db().update(deliveryReports).set({ status: 'queried' }).where(eq(deliveryReports.id, reportId));
    for (const id of lineIds) await db().update(reportLines).set({ status: 'queried' }).where(eq(reportLines.id, id));
    const answer = (lineId: string) => `/supplier/contracts/${contract.id}/reports/${reportId}/lines/${lineId}`;
    await supplier.get(answer(lineIds[0]!));
    const response = await supplier.post(answer(lineIds[0]!), { answer: 'y'.repeat(REASON_MAX + 1), quantity: '-3', narrative: tooLong });
    expect(response.statusCode).toBe(400);
    expect(summary(response.body)).toEqual(['answer', 'quantity', 'narrative']);
    expect(response.body).toContain(`Your answer must be ${REASON_MAX.toLocaleString('en-GB')} characters or fewer`);
    expect(response.body).toContain('Quantity delivered must be a number of 0 or more');
    expect(response.body).toContain(`Describe what was delivered in ${NARRATIVE_MAX.toLocaleString('en-GB')} characters or fewer`);
    // an additional line answered with nothing is refused as such, with the missing answer, and no call for a reason
    const additional = await supplier.post(answer(lineIds[1]!), { answer: '', quantity: '0', narrative: '' });
    expect(additional.statusCode).toBe(400);
    expect(summary(additional.body)).toEqual(['answer', 'quantity']);
    expect(additional.body).not.toContain('Explain why nothing was delivered');
  });
});
