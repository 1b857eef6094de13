import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../src/db/client.js';
import { reportSends } from '../../src/db/schema/index.js';
import { todayIso } from '../../src/domain/dates.js';
import { addQuarters } from '../../src/domain/quarters.js';
import { createSubscription } from '../../src/features/report-subscriptions/create-subscription.js';
import { deliverDueReports, startReportDelivery } from '../../src/features/report-subscriptions/deliver-reports.js';
import { reportDistributionJob } from '../../src/features/report-subscriptions/jobs.js';
import { latestEndedPeriod, periodLabel } from '../../src/features/report-subscriptions/periods.js';
import { queueDueReports } from '../../src/features/report-subscriptions/queue-sends.js';
import { reportSender } from '../../src/features/report-subscriptions/sender.js';
import { runDueJobs, startJobs } from '../../src/platform/jobs.js';
import { createMailer } from '../../src/platform/mail.js';
import type { Services } from '../../src/services.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { databaseKinds } from '../helpers/databases.js';
import { unusedPort } from '../helpers/ports.js';
import { startSmtpServer, type TestSmtpServer } from '../helpers/smtp.js';
import { contractWithFiguresToDate, quiet } from './report-subscriptions-fixtures.js';

const BASE = 'https://sv.example.gov.uk';
const officer = { id: null, label: 'officer@council.example' };
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits until `check` holds, looking every 20 ms (the test's own ceiling stops a wait that never ends). */
async function until(check: () => Promise<boolean>): Promise<void> {
  while (!(await check())) await sleep(20);
}

/**
 * Two instances of the service on one PostgreSQL database, each with its own connection pool, job runner and report
 * sender, as behind a load balancer, sending over real SMTP. (PGlite allows one process, so this runs only with
 * PostgreSQL.)
 */
describe.skipIf(!databaseKinds.includes('postgres'))('report distribution with two instances on one PostgreSQL database', () => {
  let t: TestApp;
  let one: Database;
  let two: Database;
  let smtp: TestSmtpServer | undefined;

  beforeAll(async () => {
    t = await createTestApp('postgres', { env: { BASE_URL: BASE } });
    one = t.testDb.database;
    two = await openDatabase({ databaseUrl: t.testDb.url, poolSize: 5 });
    await contractWithFiguresToDate(one.db);
  });
  afterAll(async () => {
    await two?.close();
    await smtp?.close();
    await t?.close();
  });

  const sends = () => one.db.select().from(reportSends).orderBy(reportSends.subscriptionId, reportSends.period);

  it('sends each subscription its report exactly once per period, retrying while the SMTP server is down until it is up', async () => {
    const today = todayIso();
    const latestQuarter = latestEndedPeriod('quarterly', today);
    // Added two quarters ago: it had the report of that time, and the job catches up with the two quarters since.
    const twoQuartersAgo = new Date(`${addQuarters(latestQuarter, -1)}T12:00:00Z`);
    const board = await createSubscription(
      one.db,
      officer,
      { name: 'Cabinet members', emails: ['cabinet@council.example'], kind: 'quarterly', delivery: 'attached' },
      twoQuartersAgo,
    );
    await one.db.update(reportSends).set({ state: 'sent', attempts: 1, sentAt: twoQuartersAgo }).where(eq(reportSends.subscriptionId, board.id));
    const partner = await createSubscription(one.db, officer, {
      name: 'Leicester City Council',
      emails: ['sv@city.example', 'procurement@city.example'],
      kind: 'annual',
      delivery: 'linked',
    });
    const scrutiny = await createSubscription(one.db, officer, {
      name: 'Scrutiny',
      emails: ['scrutiny@council.example'],
      kind: 'quarterly',
      delivery: 'linked',
    });

    // Nothing listens on this port yet: the SMTP server is down.
    const port = await unusedPort();
    const mailer = createMailer(`smtp://127.0.0.1:${port}`, 'Social value <no-reply@council.example>', quiet);
    const instance = (database: Database): Services => ({ ...t.services, database, mailer });
    const jobList = [reportDistributionJob];
    // The job was registered two days ago, so it is due now on both instances.
    await runDueJobs(one.db, jobList, quiet, { now: () => new Date(Date.now() - 2 * 86_400_000) });
    const options = { intervalMs: 5, retryMs: 20, maxRetryMs: 200, maxAttempts: 10_000 };
    const started = [one, two].flatMap((database) => [
      startJobs(database.db, jobList, quiet, { intervalMs: 5 }),
      startReportDelivery(database.db, reportSender(instance(database)), quiet, options),
    ]);
    try {
      // Board: the two quarters since it was added. Partner: the latest year. Scrutiny: the latest quarter.
      await until(async () => (await sends()).filter((s) => s.state === 'queued').length === 4);
      await until(async () => (await sends()).filter((s) => s.state === 'queued').every((s) => s.attempts >= 2));
      const waiting = (await sends()).filter((s) => s.state === 'queued');
      expect(waiting.every((s) => /ECONNREFUSED/.test(s.lastError ?? '') && s.sentAt === null && s.nextAttemptAt.getTime() > s.createdAt.getTime())).toBe(true);

      // The server comes up on the same port.
      smtp = await startSmtpServer({ port });
      await until(async () => (await sends()).every((s) => s.state === 'sent'));
      await smtp.waitFor(4, 60_000);
      await sleep(300); // room for a duplicate to arrive, if one were sent
    } finally {
      await Promise.all(started.map((s) => s.stop()));
    }

    const received = smtp.messages.map((m) => `${m.to.join(',')} | ${m.subject}`).sort();
    expect(received).toEqual(
      [
        `cabinet@council.example | Social value report: ${periodLabel('quarterly', addQuarters(latestQuarter, -1))}`,
        `cabinet@council.example | Social value report: ${periodLabel('quarterly', latestQuarter)}`,
        `scrutiny@council.example | Social value report: ${periodLabel('quarterly', latestQuarter)}`,
        `sv@city.example,procurement@city.example | Annual social value report: ${periodLabel('annual', latestEndedPeriod('annual', today))}`,
      ].sort(),
    );
    expect(new Set(smtp.messages.map((m) => m.headers.get('message-id'))).size).toBe(4);
    for (const message of smtp.messages)
      expect(message.headers.get('list-unsubscribe')).toMatch(/^<https:\/\/sv\.example\.gov\.uk\/reports\/unsubscribe\/[\w-]+\.[\w-]+>$/);
    const attached = smtp.messages.filter((m) => m.to.includes('cabinet@council.example'));
    expect(attached.map((m) => m.attachments.map((a) => a.contentType))).toEqual([['application/pdf'], ['application/pdf']]);
    expect(smtp.messages.find((m) => m.to.includes('scrutiny@council.example'))!.text).toContain(`${BASE}/reports/shared/`);

    const rows = await sends();
    expect(rows).toHaveLength(5);
    expect(rows.every((r) => r.state === 'sent' && r.lockedUntil === null && r.lastError === null)).toBe(true);
    expect(rows.filter((r) => r.subscriptionId !== board.id || r.period !== addQuarters(latestQuarter, -2)).every((r) => r.attempts >= 2)).toBe(true);
    expect(new Set(rows.map((r) => `${r.subscriptionId} ${r.period}`)).size).toBe(5);
    expect([partner.id, scrutiny.id].every((id) => rows.some((r) => r.subscriptionId === id))).toBe(true);
  });

  it('queues and sends each report once when both instances do the same work at the same moment, without the job lease', async () => {
    smtp!.messages.length = 0;
    await one.db.delete(reportSends);
    const mailer = createMailer(smtp!.url, 'Social value <no-reply@council.example>', quiet);
    const sender = (database: Database) => reportSender({ ...t.services, database, mailer });
    const now = new Date();
    const queued = await Promise.all([one, two, one, two].map((database) => queueDueReports(database.db, now)));
    // Cabinet members: the quarters from when it was added; the others their latest period.
    const rows = await sends();
    expect(queued.reduce((sum, n) => sum + n, 0)).toBe(rows.length);
    expect(rows).toHaveLength(5);
    const delivered = await Promise.all([one, two, one, two].map((database) => deliverDueReports(database.db, sender(database), quiet)));
    expect(delivered.reduce((sum, n) => sum + n, 0)).toBe(5);
    await smtp!.waitFor(5);
    await sleep(300); // room for a duplicate to arrive, if one were sent
    expect(smtp!.messages).toHaveLength(5);
    expect(new Set(smtp!.messages.map((m) => `${m.to.join(',')} | ${m.subject}`)).size).toBe(5);
  });
});
