import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, deliveryReports, reportLines } from '../../src/db/schema/index.js';
import { todayIso } from '../../src/domain/dates.js';
import { formatPounds } from '../../src/domain/money.js';
import { deliveryStatus } from '../../src/features/contracts/delivery-status.js';
import { createTestApp, signedInClient, type Client, type TestApp } from '../helpers/app.js';
import { databaseKinds } from '../helpers/databases.js';
import { mailTo, reportIdIn, reportingContract } from './delivery-reports-fixtures.js';

describe.each(databaseKinds)('supplier delivery reports on %s', (kind) => {
  let t: TestApp;
  let supplier: Client;
  let c: Awaited<ReturnType<typeof reportingContract>>;
  const db = () => t.services.database.db;
  const contractPath = () => `/supplier/contracts/${c.id}`;

  beforeAll(async () => {
    t = await createTestApp(kind);
    c = await reportingContract(db());
    supplier = await signedInClient(t.app, 'supplier@supplier.example');
  });
  afterAll(async () => t?.close());

  async function start(client: Client, periodStart: string) {
    await client.get(`/contracts/${c.id}`);
    return client.post(`${contractPath()}/periods/${periodStart}`);
  }

  async function draftFor(periodStart: string) {
    const response = await start(supplier, periodStart);
    expect(response.statusCode).toBe(303);
    return reportIdIn(response.headers.location);
  }

  const linesOf = (reportId: string) => db().select().from(reportLines).where(eq(reportLines.reportId, reportId));

  it('shows the supplier its contracts and the reports it owes, and every period on the contract page', async () => {
    const home = await supplier.get('/supplier');
    expect(home.statusCode).toBe(200);
    expect(home.body).toContain('Your contracts');
    expect(home.body).toContain(c.reference);
    expect(home.body).toContain(c.lastEnded.label);
    expect(home.body).toContain(`action="${contractPath()}/periods/${c.lastEnded.periodStart}"`);
    const page = await supplier.get(`/contracts/${c.id}`);
    expect(page.body).toContain(c.notEnded.label);
    expect(page.body).toContain('Not due yet');
    expect(page.body).toContain(`action="${contractPath()}/periods/${c.lastEnded.periodStart}"`);
    expect(page.body).not.toContain(`action="${contractPath()}/periods/${c.notEnded.periodStart}"`);
  });

  it('refuses a report for a period that has not ended or is not one of the contract’s', async () => {
    const early = await start(supplier, c.notEnded.periodStart);
    expect(early.statusCode).toBe(400);
    expect(early.body).toContain(`The ${c.notEnded.label} report cannot be started until the period ends`);
    const odd = await start(supplier, '2020-02-30');
    expect(odd.statusCode).toBe(400);
    expect(odd.body).toContain('This is not one of the reporting periods of the contract');
    const rows = await db().select().from(deliveryReports).where(eq(deliveryReports.contractId, c.id));
    expect(rows).toHaveLength(0);
  });

  it('starts one draft per period, even when two people start it at once', async () => {
    const other = await signedInClient(t.app, 'supplier@supplier.example');
    await Promise.all([supplier.get(`/contracts/${c.id}`), other.get(`/contracts/${c.id}`)]);
    const period = c.ended[0]!.periodStart;
    const [a, b] = await Promise.all([supplier.post(`${contractPath()}/periods/${period}`), other.post(`${contractPath()}/periods/${period}`)]);
    expect([a.statusCode, b.statusCode]).toEqual([303, 303]);
    expect(reportIdIn(a.headers.location)).toBe(reportIdIn(b.headers.location));
    const again = await start(supplier, period);
    expect(reportIdIn(again.headers.location)).toBe(reportIdIn(a.headers.location));
    const rows = await db()
      .select()
      .from(deliveryReports)
      .where(and(eq(deliveryReports.contractId, c.id), eq(deliveryReports.periodStart, period)));
    expect(rows).toHaveLength(1);
    const [audit] = await db()
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, rows[0]!.id), eq(auditEvents.operation, 'insert')));
    expect(audit!.action).toBe(`Started the ${c.ended[0]!.label} report on contract ${c.reference}`);
  });

  it('keeps other suppliers out of the report pages with a 404', async () => {
    const reportId = await draftFor(c.ended[0]!.periodStart);
    const stranger = await signedInClient(t.app, 'supplier2@midlands.example');
    expect((await stranger.get(`${contractPath()}/reports/${reportId}`)).statusCode).toBe(404);
    expect((await stranger.get(`${contractPath()}/reports/${reportId}/commitments/${c.commitmentIds[0]}`)).statusCode).toBe(404);
    await stranger.get('/supplier');
    expect((await stranger.post(`${contractPath()}/periods/${c.ended[1]!.periodStart}`)).statusCode).toBe(404);
    expect((await stranger.post(`${contractPath()}/reports/${reportId}/submit`, { revision: '1' })).statusCode).toBe(404);
    const manager = await signedInClient(t.app, 'manager@council.example');
    expect((await manager.get(`${contractPath()}/reports/${reportId}`)).statusCode).toBe(403);
  });

  it('refuses a negative quantity and keeps what was typed', async () => {
    const reportId = await draftFor(c.ended[1]!.periodStart);
    const form = `${contractPath()}/reports/${reportId}/commitments/${c.commitmentIds[0]}`;
    await supplier.get(form);
    const response = await supplier.post(form, { revision: '1', quantity: '-4', narrative: 'Typed narrative', districts: ['Melton'] });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('There is a problem');
    expect(response.body).toMatch(/Enter a number of [^<]+ of 0 or more/);
    expect(response.body).toContain('value="-4"');
    expect(response.body).toContain('Typed narrative');
    expect(await linesOf(reportId)).toHaveLength(0);
  });

  it('tells the second of two people saving the same report that it changed, and keeps both safe', async () => {
    const reportId = await draftFor(c.ended[2]!.periodStart);
    const form = `${contractPath()}/reports/${reportId}/commitments/${c.commitmentIds[0]}`;
    const other = await signedInClient(t.app, 'supplier@supplier.example');
    const [first, second] = [await supplier.get(form), await other.get(form)];
    const revision = /name="revision" value="(\d+)"/.exec(first.body)![1]!;
    expect(second.body).toContain(`name="revision" value="${revision}"`);
    const saved = await supplier.post(form, { revision, quantity: '3', narrative: 'First', districts: ['Melton'] });
    expect(saved.statusCode).toBe(303);
    const refused = await other.post(form, { revision, quantity: '7', narrative: 'Second', districts: ['Blaby'] });
    expect(refused.statusCode).toBe(409);
    expect(refused.body).toContain('The report was changed by someone else since you opened this page');
    expect(refused.body).toContain('Saved now by someone else: 3');
    expect(refused.body).toContain('value="7"');
    expect(refused.body).toContain(`name="revision" value="${Number(revision) + 1}"`);
    const [line] = await linesOf(reportId);
    expect(line).toMatchObject({ quantityHundredths: 300, narrative: 'First', districts: ['Melton'] });
    // Having seen what changed, the second person can save on purpose.
    const resaved = await other.post(form, { revision: String(Number(revision) + 1), quantity: '7', narrative: 'Second', districts: ['Blaby'] });
    expect(resaved.statusCode).toBe(303);
    expect((await linesOf(reportId))[0]).toMatchObject({ quantityHundredths: 700, districts: ['Blaby'] });
  });

  it('adds and removes additional social value against any framework measure', async () => {
    const reportId = await draftFor(c.ended[3]!.periodStart);
    const base = `${contractPath()}/reports/${reportId}`;
    const page = await supplier.get(`${base}/additional`);
    expect(page.body).toContain(c.m.valued2.code);
    const missing = await supplier.post(`${base}/additional`, { revision: '1', measure: '', quantity: '0', narrative: '', districts: [] });
    expect(missing.statusCode).toBe(400);
    expect(missing.body).toContain('Select the measure of the social value you delivered');
    const added = await supplier.post(`${base}/additional`, {
      revision: '1',
      measure: c.m.valued2.id,
      quantity: '12.5',
      narrative: 'Volunteering day',
      districts: ['Countywide'],
    });
    expect(added.statusCode).toBe(303);
    const [line] = await linesOf(reportId);
    expect(line).toMatchObject({ commitmentId: null, measureId: c.m.valued2.id, quantityHundredths: 1250, districts: ['Countywide'] });
    expect((await supplier.get(base)).body).toContain('12.5');
    await supplier.get(`${base}/additional/${line!.id}`);
    const removed = await supplier.post(`${base}/additional/${line!.id}/remove`, { revision: '2' });
    expect(removed.statusCode).toBe(303);
    expect(await linesOf(reportId)).toHaveLength(0);
  });

  it('submits a complete report once, freezes it, and tells the contract manager once', async () => {
    const period = c.lastEnded;
    const reportId = await draftFor(period.periodStart);
    const base = `${contractPath()}/reports/${reportId}`;
    const incomplete = await supplier.post(`${base}/submit`, { revision: '1' });
    expect(incomplete.statusCode).toBe(400);
    expect(incomplete.body).toContain('Enter what was delivered for');

    await supplier.get(`${base}/commitments/${c.commitmentIds[0]}`);
    expect(
      (await supplier.post(`${base}/commitments/${c.commitmentIds[0]}`, { revision: '1', quantity: '2', narrative: 'Two starts', districts: ['Melton'] }))
        .statusCode,
    ).toBe(303);
    const zero = await supplier.post(`${base}/commitments/${c.commitmentIds[1]}`, { revision: '2', quantity: '0', narrative: '', districts: [] });
    expect(zero.statusCode).toBe(400);
    expect(zero.body).toContain('Explain why nothing was delivered in this period');
    expect(
      (
        await supplier.post(`${base}/commitments/${c.commitmentIds[1]}`, {
          revision: '2',
          quantity: '0',
          narrative: 'Course moved to next quarter',
          districts: [],
        })
      ).statusCode,
    ).toBe(303);

    const check = await supplier.get(`${base}/check`);
    expect(check.statusCode).toBe(200);
    expect(check.body).toContain('Course moved to next quarter');
    const revision = /name="revision" value="(\d+)"/.exec(check.body)![1]!;
    const stale = await supplier.post(`${base}/submit`, { revision: String(Number(revision) - 1) });
    expect(stale.statusCode).toBe(409);
    expect(stale.body).toContain('The report was changed since you opened this page');
    const [first, second] = await Promise.all([supplier.post(`${base}/submit`, { revision }), supplier.post(`${base}/submit`, { revision })]);
    expect(first.statusCode).toBe(303);
    expect(second.statusCode).toBe(303);
    expect([first.headers.location, second.headers.location].sort()).toEqual([`${base}?done=already-submitted`, `${base}?done=submitted`]);
    const [report] = await db().select().from(deliveryReports).where(eq(deliveryReports.id, reportId));
    expect(report).toMatchObject({ status: 'submitted' });
    expect(report!.submittedAt).not.toBeNull();
    const mail = await mailTo(db(), 'manager@council.example');
    expect(mail.filter((m) => m.subject.includes(c.reference))).toHaveLength(1);
    const audit = await db()
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, reportId), eq(auditEvents.action, `Submitted the ${period.label} report on contract ${c.reference}`)));
    expect(audit).toHaveLength(1);

    const late = await supplier.post(`${base}/commitments/${c.commitmentIds[0]}`, {
      revision: String(report!.revision),
      quantity: '99',
      narrative: 'x',
      districts: ['Melton'],
    });
    expect(late.headers.location).toBe(`${base}?done=already-submitted`);
    const lines = await linesOf(reportId);
    expect(lines.map((l) => l.quantityHundredths).sort()).toEqual([0, 200]);
    const view = await supplier.get(`${base}?done=already-submitted`);
    expect(view.body).toContain('This report has already been submitted');
    expect(view.body).toContain('Waiting for verification');
    expect(view.body).not.toContain('Check and submit the report');

    const staff = await signedInClient(t.app, 'manager@council.example');
    const contractPage = await staff.get(`/contracts/${c.id}`);
    expect(contractPage.body).toContain(`href="/contracts/${c.id}/reports/${reportId}"`);
  });

  it('shows on the supplier home only verified delivery, in pounds and in quantities', async () => {
    const [report] = await db()
      .select()
      .from(deliveryReports)
      .where(and(eq(deliveryReports.contractId, c.id), eq(deliveryReports.status, 'submitted')));
    const before = await supplier.get('/supplier');
    expect(before.body).not.toContain('Verified quantities by measure');
    const line = (await linesOf(report!.id)).find((l) => l.commitmentId === c.commitmentIds[0])!;
    await db().update(reportLines).set({ status: 'verified' }).where(eq(reportLines.id, line.id));
    const value = (await deliveryStatus(db(), [c.id], todayIso())).get(c.id)!.deliveredValuePence;
    expect(value).toBeGreaterThan(0);
    const after = await supplier.get('/supplier');
    expect(after.body).toContain(formatPounds(value));
    expect(after.body).toContain('Verified quantities by measure');
    expect(after.body).toMatch(new RegExp(`${c.m.valued.code}[^<]*</td>\\s*<td[^>]*>Commitment</td>\\s*<td[^>]*>2 `));
  });

  it('lists queried lines on the supplier home with a link to answer them', async () => {
    const [report] = await db()
      .select()
      .from(deliveryReports)
      .where(and(eq(deliveryReports.contractId, c.id), eq(deliveryReports.status, 'submitted')));
    const line = (await linesOf(report!.id)).find((l) => l.status === 'pending')!;
    await db().update(reportLines).set({ status: 'queried' }).where(eq(reportLines.id, line!.id));
    const home = await supplier.get('/supplier');
    expect(home.body).toContain(`/supplier/contracts/${c.id}/reports/${report!.id}/lines/${line!.id}`);
    const page = await supplier.get(`/supplier/contracts/${c.id}/reports/${report!.id}`);
    expect(page.body).toContain('Answer the query');
  });
});
