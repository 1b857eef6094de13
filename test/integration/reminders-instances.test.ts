import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../src/db/client.js';
import { jobs, mailOutbox } from '../../src/db/schema/index.js';
import { reminderJobs } from '../../src/features/reminders/jobs.js';
import { sendReportReminders } from '../../src/features/reminders/report-reminders.js';
import { sendWeeklyDigest } from '../../src/features/reminders/weekly-digest.js';
import { runDueJobs, startJobs } from '../../src/platform/jobs.js';
import { createMailer, startMailWorker } from '../../src/platform/mail.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { databaseKinds } from '../helpers/databases.js';
import { startSmtpServer, type TestSmtpServer } from '../helpers/smtp.js';
import { userId } from './contracts-fixtures.js';
import { contractFor, insertReport, insertUser, outbox, quiet } from './reminders-fixtures.js';

const BASE = 'https://sv.example.gov.uk';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Two instances of the service on one PostgreSQL database, each with its own connection pool, job runner and outbox
 * worker, as behind a load balancer. (PGlite allows one process, so this runs only with PostgreSQL.)
 */
describe.skipIf(!databaseKinds.includes('postgres'))('reminders with two instances on one PostgreSQL database', () => {
  let t: TestApp;
  let one: Database;
  let two: Database;
  let smtp: TestSmtpServer;

  beforeAll(async () => {
    t = await createTestApp('postgres', { env: { BASE_URL: BASE } });
    one = t.testDb.database;
    two = await openDatabase({ databaseUrl: t.testDb.url, poolSize: 5 });
    smtp = await startSmtpServer();
    const db = one.db;
    await insertUser(db, 'jo@supplier.example', { organisationOf: 'supplier@supplier.example', roles: ['supplier'] });
    await insertUser(db, 'lee@supplier.example', { organisationOf: 'supplier@supplier.example', roles: ['supplier'] });
    await contractFor(db, 'supplier@supplier.example');
    await contractFor(db, 'supplier2@midlands.example');
    const managed = await contractFor(db, 'supplier3@soarvalley.example', await userId(db, 'manager@council.example'));
    await insertReport(db, managed, '2026-04-01', 'submitted', ['pending', 'pending']);
  });
  afterAll(async () => {
    await two?.close();
    await smtp?.close();
    await t?.close();
  });

  it('sends each reminder and digest exactly once when both instances run the jobs and the outbox at the same moment', async () => {
    const jobList = reminderJobs(BASE);
    // The jobs were registered on the Sunday; both instances are running on Monday 26 October 2026 at 08:30.
    await runDueJobs(one.db, jobList, quiet, { now: () => new Date('2026-10-25T12:00:00Z') });
    const monday = new Date('2026-10-26T08:30:00Z');
    const mailer = createMailer(smtp.url, 'Social value <no-reply@council.example>', quiet);
    const started = [one, two].flatMap((instance) => [
      startJobs(instance.db, jobList, quiet, { intervalMs: 5, now: () => monday }),
      startMailWorker(instance.db, mailer, quiet, 5),
    ]);
    // 3 users of Charnwood Care, 1 of Midlands Facilities and 1 of Soar Valley; 1 digest to Mo Rahman.
    await smtp.waitFor(6, 20_000);
    await sleep(300); // room for a duplicate to arrive, if one were sent
    await Promise.all(started.map((s) => s.stop()));

    const ran = await one.db.select({ name: jobs.name, lastRunAt: jobs.lastRunAt, lastError: jobs.lastError }).from(jobs).orderBy(jobs.name);
    expect(ran).toEqual([
      { name: 'report-reminders', lastRunAt: monday, lastError: null },
      { name: 'weekly-digest', lastRunAt: monday, lastError: null },
    ]);
    const received = smtp.messages.map((m) => `${m.to.join(',')} | ${m.subject}`).sort();
    expect(received).toHaveLength(6);
    expect(new Set(received).size).toBe(6);
    expect(received.filter((r) => r.includes('Social value report due by 30 October 2026'))).toHaveLength(5);
    expect(received.filter((r) => r.startsWith('manager@council.example | Social value delivery to verify: 2 lines on 1 contract'))).toHaveLength(1);
    for (const to of [
      'supplier@supplier.example',
      'jo@supplier.example',
      'lee@supplier.example',
      'supplier2@midlands.example',
      'supplier3@soarvalley.example',
    ]) {
      expect(received.filter((r) => r.startsWith(`${to} |`))).toHaveLength(1);
    }
    const queued = await one.db.select({ sentAt: mailOutbox.sentAt }).from(mailOutbox);
    expect(queued).toHaveLength(6);
    expect(queued.every((m) => m.sentAt instanceof Date)).toBe(true);
  });

  it('queues each email once even when both instances do the same work at once, without the job lease', async () => {
    await one.db.delete(mailOutbox);
    // Monday 2 November: the reports are overdue, and it is a new week for the digest.
    const monday = new Date('2026-11-02T08:00:00Z');
    const rounds = await Promise.all(
      [one, two, one, two].flatMap((instance) => [sendReportReminders(instance.db, BASE, monday), sendWeeklyDigest(instance.db, BASE, monday)]),
    );
    expect(rounds.reduce((sum, n) => sum + n, 0)).toBe(6);
    const mail = await outbox(one.db);
    expect(mail.map((m) => m.to)).toEqual([
      'jo@supplier.example',
      'lee@supplier.example',
      'manager@council.example',
      'supplier2@midlands.example',
      'supplier3@soarvalley.example',
      'supplier@supplier.example',
    ]);
    expect(mail.filter((m) => m.subject.startsWith('Social value report overdue'))).toHaveLength(5);
  });
});
