import { eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/client.js';
import { deliveryReports, mailOutbox } from '../../src/db/schema/index.js';
import { sendReportReminders } from '../../src/features/reminders/report-reminders.js';
import { sendWeeklyDigest } from '../../src/features/reminders/weekly-digest.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { databaseKinds } from '../helpers/databases.js';
import { userId } from './contracts-fixtures.js';
import { contractFor, insertReport, insertUser, outbox } from './reminders-fixtures.js';

const BASE = 'https://sv.example.gov.uk';
// July to September 2026 ends on 30 September; its report is due by 30 October 2026.
const JULY = '2026-07-01';
const WEEK_BEFORE_DUE = new Date('2026-10-26T09:00:00Z');
const AFTER_DUE = new Date('2026-11-02T09:00:00Z');

describe.each(databaseKinds)('report reminders on %s', (kind) => {
  let t: TestApp;
  let db: Db;
  let a: Awaited<ReturnType<typeof contractFor>>;
  let b: Awaited<ReturnType<typeof contractFor>>;
  let c: Awaited<ReturnType<typeof contractFor>>;

  beforeAll(async () => {
    t = await createTestApp(kind, { env: { BASE_URL: BASE } });
    db = t.testDb.database.db;
    // Charnwood Care: Sam, a colleague, and a colleague whose account is disabled.
    await insertUser(db, 'jo@supplier.example', { organisationOf: 'supplier@supplier.example', roles: ['supplier'] });
    await insertUser(db, 'left@supplier.example', { organisationOf: 'supplier@supplier.example', roles: ['supplier'], active: false });
    a = await contractFor(db, 'supplier@supplier.example');
    await insertReport(db, a, JULY, 'draft', ['pending']); // started, not handed in
    b = await contractFor(db, 'supplier2@midlands.example');
    await insertReport(db, b, JULY, 'submitted', ['pending']); // handed in
    c = await contractFor(db, 'supplier3@soarvalley.example');
  });
  afterAll(async () => t?.close());
  afterEach(async () => {
    await db.delete(mailOutbox);
  });

  it('reminds each active user of a supplier once, in the week before the report is due', async () => {
    expect(await sendReportReminders(db, BASE, new Date('2026-10-22T09:00:00Z'))).toBe(0); // 8 days before
    expect(await sendReportReminders(db, BASE, WEEK_BEFORE_DUE)).toBe(3);
    expect(await sendReportReminders(db, BASE, WEEK_BEFORE_DUE)).toBe(0);
    expect(await sendReportReminders(db, BASE, new Date('2026-10-30T09:00:00Z'))).toBe(0);
    const mail = await outbox(db);
    expect(mail.map((m) => [m.to, m.subject])).toEqual([
      ['jo@supplier.example', `Social value report due by 30 October 2026: ${a.reference}`],
      ['supplier3@soarvalley.example', `Social value report due by 30 October 2026: ${c.reference}`],
      ['supplier@supplier.example', `Social value report due by 30 October 2026: ${a.reference}`],
    ]);
    const sams = mail.find((m) => m.to === 'supplier@supplier.example')!;
    expect(sams.text).toContain('Dear Sam Fletcher,');
    expect(sams.text).toContain('Your social value report for July to September 2026 is due by 30 October 2026.');
    expect(sams.text).toContain(`Contract: ${a.reference} ${a.title}`);
    expect(sams.text).toContain(`${BASE}/supplier\n`);
  });

  it('sends one overdue reminder per period, not one a day, and none once the report is handed in', async () => {
    expect(await sendReportReminders(db, BASE, AFTER_DUE)).toBe(3);
    expect(await sendReportReminders(db, BASE, new Date('2026-11-03T09:00:00Z'))).toBe(0);
    const mail = await outbox(db);
    expect(mail.map((m) => m.to)).toEqual(['jo@supplier.example', 'supplier3@soarvalley.example', 'supplier@supplier.example']);
    expect(mail[0]!.subject).toBe(`Social value report overdue: ${a.reference}, July to September 2026`);
    expect(mail[0]!.text).toContain('was due by 30 October 2026. The council has not received it.');

    // A new supplier user joins after Charnwood Care submits: nothing is chased for the handed-in period.
    await db.update(deliveryReports).set({ status: 'submitted' }).where(eq(deliveryReports.contractId, a.id));
    await insertUser(db, 'new@supplier.example', { organisationOf: 'supplier@supplier.example', roles: ['supplier'] });
    expect(await sendReportReminders(db, BASE, new Date('2026-11-04T09:00:00Z'))).toBe(0);
  });

  it('does not chase periods more than 30 days overdue', async () => {
    // Soar Valley never reported; on 30 November 2026 July to September is 31 days overdue.
    expect(await sendReportReminders(db, BASE, new Date('2026-11-30T09:00:00Z'))).toBe(0);
    expect(await outbox(db)).toEqual([]);
  });

  it('sends the weekly digest only to managers with delivery waiting, once a week', async () => {
    const manager = await userId(db, 'manager@council.example');
    const quiet = await insertUser(db, 'quiet@council.example', { organisationOf: 'manager@council.example', roles: ['contract_manager'] });
    const gone = await insertUser(db, 'gone@council.example', { organisationOf: 'manager@council.example', roles: ['contract_manager'], active: false });
    const managed = await contractFor(db, 'supplier2@midlands.example', manager);
    const july = await insertReport(db, managed, JULY, 'submitted', ['pending', 'pending', 'verified']);
    const april = await insertReport(db, managed, '2026-04-01', 'queried', ['pending', 'queried']);
    await insertReport(db, managed, '2026-01-01', 'draft', ['pending']); // not handed in: not waiting
    const other = await contractFor(db, 'supplier@supplier.example', manager);
    const otherJuly = await insertReport(db, other, JULY, 'submitted', ['pending']);
    const done = await contractFor(db, 'supplier3@soarvalley.example', quiet);
    await insertReport(db, done, JULY, 'verified', ['verified']);
    const disabled = await contractFor(db, 'supplier3@soarvalley.example', gone);
    await insertReport(db, disabled, JULY, 'submitted', ['pending']);

    const monday = new Date('2026-11-09T07:00:00Z');
    expect(await sendWeeklyDigest(db, BASE, monday)).toBe(1);
    expect(await sendWeeklyDigest(db, BASE, new Date('2026-11-11T07:00:00Z'))).toBe(0); // same week
    const [digest, ...others] = await outbox(db);
    expect(others).toEqual([]);
    expect(digest!.to).toBe('manager@council.example');
    expect(digest!.subject).toBe('Social value delivery to verify: 4 lines on 2 contracts');
    expect(digest!.text).toContain('Dear Mo Rahman,');
    const [first, second] = [managed, other].sort((x, y) => x.reference.localeCompare(y.reference));
    const section = (contract: typeof managed) => digest!.text.slice(digest!.text.indexOf(`${contract.reference} ${contract.title}\n`)).split('\n\n')[0];
    expect(section(managed)).toBe(
      [
        `${managed.reference} ${managed.title}`,
        '- April to June 2026: 1 line waiting',
        `  ${BASE}/contracts/${managed.id}/reports/${april}`,
        '- July to September 2026: 2 lines waiting',
        `  ${BASE}/contracts/${managed.id}/reports/${july}`,
      ].join('\n'),
    );
    expect(section(other)).toBe(
      [`${other.reference} ${other.title}`, '- July to September 2026: 1 line waiting', `  ${BASE}/contracts/${other.id}/reports/${otherJuly}`].join('\n'),
    );
    expect(digest!.text.indexOf(first!.reference)).toBeLessThan(digest!.text.indexOf(second!.reference));
    expect(digest!.text).toContain(`${BASE}/verification`);

    // The next Monday, with work still waiting, another digest goes.
    await db.delete(mailOutbox);
    expect(await sendWeeklyDigest(db, BASE, new Date('2026-11-16T07:00:00Z'))).toBe(1);
    expect((await outbox(db)).map((m) => m.to)).toEqual(['manager@council.example']);
  });
});
