import { and, eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contractCommitments, contracts, deliveryReports, reportFiles, reportLines } from '../../src/db/schema/index.js';
import { todayIso } from '../../src/domain/dates.js';
import { addQuarters } from '../../src/domain/quarters.js';
import { addDays } from '../../src/domain/reporting-periods.js';
import { deliverDueReports } from '../../src/features/report-subscriptions/deliver-reports.js';
import { latestEndedPeriod } from '../../src/features/report-subscriptions/periods.js';
import { reportSender } from '../../src/features/report-subscriptions/sender.js';
import { makeWaitingReportFiles } from '../../src/features/reports/make-report-files.js';
import type { OutgoingMail } from '../../src/platform/mail.js';
import { createTestApp, signedInClient, type TestApp } from '../helpers/app.js';
import { databaseKinds } from '../helpers/databases.js';
import { readPdf } from '../helpers/pdf.js';
import { addSubscription, contractWithFiguresToDate, linkIn, quiet } from './report-subscriptions-fixtures.js';

const quarter = latestEndedPeriod('quarterly', todayIso());
const LIMIT = 3;

describe.each(databaseKinds)('reports opened by their emailed links on %s', (kind) => {
  let t: TestApp;
  let reportPath: string;
  let address = 0;
  const db = () => t.services.database.db;
  /** Opens the link as a visitor (no cookies) from an address of its own, or the one given. */
  const open = (path: string, remoteAddress = `10.0.0.${++address}`) => t.app.inject({ method: 'GET', url: path, remoteAddress });
  /** The PDFs of the quarter's report kept in report_files: each one drawn. */
  const files = () =>
    db()
      .select({ id: reportFiles.id, figuresKey: reportFiles.figuresKey, requestedBy: reportFiles.requestedBy })
      .from(reportFiles)
      .where(and(eq(reportFiles.kind, 'quarterly'), eq(reportFiles.period, quarter), eq(reportFiles.status, 'ready')))
      .orderBy(reportFiles.finishedAt);

  beforeAll(async () => {
    t = await createTestApp(kind, { env: { REPORT_LINK_RATE_LIMIT: String(LIMIT) } });
    await contractWithFiguresToDate(db());
    const officer = await signedInClient(t.app, 'officer@council.example');
    await addSubscription(officer, { name: 'Partners', emails: 'partners@partner.example', kind: 'quarterly', delivery: 'linked' });
    await deliverDueReports(db(), reportSender(t.services), quiet);
    reportPath = linkIn(t.sent.at(-1)!.text, '/reports/shared/');
  }, 120_000);
  afterAll(async () => t?.close());

  it('draws the PDF once and serves the stored one while the figures stay the same, and draws it again when they change', async () => {
    expect(await files()).toEqual([]);
    const first = await open(reportPath);
    expect(first.statusCode).toBe(200);
    expect(first.headers['content-type']).toBe('application/pdf');
    const [stored] = await files();
    expect(stored).toMatchObject({ requestedBy: null, figuresKey: expect.stringMatching(/^[\w-]{43}$/) });

    const second = await open(reportPath);
    expect(second.statusCode).toBe(200);
    expect(await files()).toEqual([stored]);
    expect(second.rawPayload.equals(first.rawPayload)).toBe(true);

    // An email with the PDF attached, for the same quarter, is sent the stored PDF too.
    const officer = await signedInClient(t.app, 'officer@council.example');
    await addSubscription(officer, { name: 'Board', emails: 'board@partner.example', kind: 'quarterly', delivery: 'attached' });
    await deliverDueReports(db(), reportSender(t.services), quiet);
    expect((t.sent.at(-1) as OutgoingMail).attachments?.[0]?.content).toEqual(first.rawPayload);
    expect(await files()).toEqual([stored]);

    // Delivery verified in the quarter changes the figures: the next open draws a new PDF, which says so.
    const [commitment] = await db()
      .select({ id: contractCommitments.id, contractId: contractCommitments.contractId, measureId: contractCommitments.measureId })
      .from(contractCommitments)
      .innerJoin(contracts, eq(contracts.id, contractCommitments.contractId))
      .where(like(contracts.reference, 'TEST-%'));
    const [report] = await db()
      .insert(deliveryReports)
      .values({
        contractId: commitment!.contractId,
        periodStart: quarter,
        periodEnd: addDays(addQuarters(quarter, 1), -1),
        dueDate: todayIso(),
        status: 'verified',
      })
      .returning({ id: deliveryReports.id });
    await db()
      .insert(reportLines)
      .values({ reportId: report!.id, commitmentId: commitment!.id, measureId: commitment!.measureId, quantityHundredths: 100, status: 'verified' });

    const third = await open(reportPath);
    expect(third.statusCode).toBe(200);
    const afterChange = await files();
    expect(afterChange).toHaveLength(2);
    expect(afterChange[1]!.figuresKey).not.toBe(stored!.figuresKey);
    expect(third.rawPayload.equals(first.rawPayload)).toBe(false);
    const before = (await readPdf(first.rawPayload)).text;
    const now = (await readPdf(third.rawPayload)).text;
    expect(before).toMatch(/Social value verified delivered £0\b/);
    expect(now).not.toMatch(/Social value verified delivered £0\b/);

    expect((await open(reportPath)).rawPayload.equals(third.rawPayload)).toBe(true);
    expect(await files()).toHaveLength(2);

    // A PDF that someone asked for on the reports page, once made, has the same key: the link is served it.
    const manager = await signedInClient(t.app, 'manager@council.example');
    await manager.get(`/reports/quarterly/${quarter}.pdf`);
    expect(await makeWaitingReportFiles(t.services, quiet)).toBe(1);
    const withWorkers = await files();
    expect(withWorkers).toHaveLength(3);
    expect(withWorkers[2]!.figuresKey).toBe(afterChange[1]!.figuresKey);
    await open(reportPath);
    expect(await files()).toHaveLength(3);
  });

  it('lets an address open reports by link a few times a minute, then answers 429 with a page saying when to try again', async () => {
    const drawn = (await files()).length;
    for (let i = 0; i < LIMIT; i++) expect((await open(reportPath, '10.9.9.9')).statusCode).toBe(200);
    const refused = await open(reportPath, '10.9.9.9');
    expect(refused.statusCode).toBe(429);
    expect(refused.headers['retry-after']).toMatch(/^\d+$/);
    expect(refused.headers['content-type']).toContain('text/html');
    expect(refused.body).toContain('Too many reports opened from this address');
    expect(refused.body).toMatch(/Wait \d+ (seconds?|minutes?) and open the link again/);
    // a changed link is counted too, before its token is read
    expect((await open(`${reportPath}x`, '10.9.9.9')).statusCode).toBe(429);
    expect((await files()).length).toBe(drawn);
    // another address is not held back, nor are the other pages (the limit is the report link's own)
    expect((await open(reportPath, '10.9.9.10')).statusCode).toBe(200);
    expect((await open('/reports/unsubscribe/not-a-token', '10.9.9.9')).statusCode).toBe(400);
    expect((await open('/transparency', '10.9.9.9')).statusCode).toBe(200);
  });
});
