import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deliveryReports, reportLines } from '../../src/db/schema/index.js';
import { createTestApp, signedInClient, type TestApp } from '../helpers/app.js';
import { databaseKinds } from '../helpers/databases.js';
import { userId } from './contracts-fixtures.js';
import { insertSubmittedReport, period2025Q1, period2025Q2, verificationContract } from './verification-fixtures.js';

describe.each(databaseKinds)('the verification queue on %s', (kind) => {
  let t: TestApp;
  const refs: Record<string, string> = {};

  beforeAll(async () => {
    t = await createTestApp(kind);
    const db = t.services.database.db;
    const line = (c: Awaited<ReturnType<typeof verificationContract>>, quantityHundredths = 100) => ({
      commitmentId: c.commitmentIds[0]!,
      measureId: c.measures.valued.id,
      quantityHundredths,
    });
    // mine and waiting for a decision (2 lines), mine and waiting for the supplier, not mine, a draft, and a verified one
    const mine = await verificationContract(db, { title: 'Queue mine waiting' });
    const mineSubmitted = await insertSubmittedReport(db, mine.id, period2025Q2, [line(mine), line(mine, 200)]);
    const queried = await verificationContract(db, { title: 'Queue mine queried' });
    const q = await insertSubmittedReport(db, queried.id, period2025Q1, [line(queried), line(queried)]);
    await db.update(reportLines).set({ status: 'queried' }).where(eq(reportLines.id, q.lineIds[0]!));
    await db.update(deliveryReports).set({ status: 'queried' }).where(eq(deliveryReports.id, q.reportId));
    const notMine = await verificationContract(db, { managed: false, title: 'Queue not mine', supplierEmail: 'supplier2@midlands.example' });
    await insertSubmittedReport(db, notMine.id, period2025Q1, [line(notMine)], { submittedBy: await userId(db, 'supplier2@midlands.example') });
    const draft = await verificationContract(db, { title: 'Queue draft' });
    await insertSubmittedReport(db, draft.id, period2025Q1, [line(draft)], { status: 'draft' });
    const done = await verificationContract(db, { title: 'Queue verified' });
    const d = await insertSubmittedReport(db, done.id, period2025Q1, [line(done)]);
    await db.update(reportLines).set({ status: 'verified' }).where(eq(reportLines.id, d.lineIds[0]!));
    await db.update(deliveryReports).set({ status: 'verified' }).where(eq(deliveryReports.id, d.reportId));
    Object.assign(refs, { mine: mine.reference, queried: queried.reference, notMine: notMine.reference, draft: draft.reference, done: done.reference });
    refs.mineReport = `/contracts/${mine.id}/reports/${mineSubmitted.reportId}`;
  });
  afterAll(async () => t?.close());

  it('lists what waits, the contracts I manage first, with the lines still to decide', async () => {
    const manager = await signedInClient(t.app, 'manager@council.example');
    const page = await manager.get('/verification');
    expect(page.statusCode).toBe(200);
    const body = page.body;
    expect(body).toContain('Showing 1 to 3 of 3 reports.');
    const order = [refs.mine!, refs.queried!, refs.notMine!].map((r) => body.indexOf(r));
    expect(order.every((i) => i > 0)).toBe(true);
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(body).not.toContain(refs.draft!);
    expect(body).not.toContain(refs.done!);
    expect(body).toContain(`href="${refs.mineReport}"`);
    expect(body).toContain('July to September 2025');
    expect(body).toContain('Charnwood Care Services Ltd');
    expect(body).toContain('Midlands Facilities Group plc');
    expect(body).toContain('10 July 2025');
    expect(body).toContain('Waiting for the supplier');
    // the rows' "lines to decide": 2 for mine, 1 for the queried report (one pending), 1 for the other
    expect([...body.matchAll(/govuk-table__cell--numeric">(\d+)</g)].map((m) => m[1])).toEqual(['2', '1', '1']);
    expect(body).toContain('You manage it');

    const onlyMine = await manager.get('/verification?mine=yes');
    expect(onlyMine.body).toContain('Showing 1 to 2 of 2 reports.');
    expect(onlyMine.body).not.toContain(refs.notMine!);
    expect(onlyMine.body).toMatch(/name="mine" type="checkbox" value="yes" checked/);
  });

  it('shows the officer every report, and nothing under "mine" when they manage none', async () => {
    const officer = await signedInClient(t.app, 'officer@council.example');
    expect((await officer.get('/verification')).body).toContain('Showing 1 to 3 of 3 reports.');
    expect((await officer.get('/verification?mine=yes')).body).toContain('No reports of contracts you manage are waiting.');
  });

  it('is in the menu of those who verify, readable by other staff, and closed to suppliers', async () => {
    const manager = await signedInClient(t.app, 'manager@council.example');
    expect((await manager.get('/')).body).toContain('href="/verification"');
    const viewer = await signedInClient(t.app, 'viewer@council.example');
    expect((await viewer.get('/')).body).not.toContain('href="/verification"');
    expect((await viewer.get('/verification')).statusCode).toBe(200);
    const supplier = await signedInClient(t.app, 'supplier@supplier.example');
    expect((await supplier.get('/verification')).statusCode).toBe(403);
  });
});
