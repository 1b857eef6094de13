import { sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { mailOutbox } from '../../src/db/schema/index.js';
import { createMailer, deliverPendingMail, queueMail } from '../../src/platform/mail.js';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../helpers/databases.js';
import { startSmtpServer, type TestSmtpServer } from '../helpers/smtp.js';

const quiet = { info: () => undefined, error: () => undefined };

describe.each(databaseKinds)('mail outbox on %s', (kind) => {
  let testDb: TestDatabase;
  let smtp: TestSmtpServer;

  beforeAll(async () => {
    testDb = await createTestDatabase(kind);
    smtp = await startSmtpServer();
  });
  afterAll(async () => {
    await smtp?.close();
    await testDb?.drop();
  });
  afterEach(async () => {
    await testDb.database.db.delete(mailOutbox);
    smtp.messages.length = 0;
  });

  it('sends queued mail over SMTP with the sender, recipient, subject and body intact', async () => {
    const { db } = testDb.database;
    const mailer = createMailer(smtp.url, 'Social value <no-reply@council.example>', quiet);
    const long = `A line long enough to be wrapped by quoted-printable encoding: ${'x'.repeat(80)} – and a dash`;
    await queueMail(db, { to: 'sam@supplier.example', subject: 'Your report is due – July to September 2026', text: `Hello Sam,\n\n${long}\n` });
    expect(await deliverPendingMail(db, mailer, quiet)).toBe(1);
    const [message] = await smtp.waitFor(1);
    expect(message?.to).toEqual(['sam@supplier.example']);
    expect(message?.from).toBe('no-reply@council.example');
    expect(message?.subject).toBe('Your report is due – July to September 2026');
    expect(message?.text).toContain(long);
    const [row] = await db.select().from(mailOutbox);
    expect(row?.sentAt).toBeInstanceOf(Date);
    expect(await deliverPendingMail(db, mailer, quiet)).toBe(0);
  });

  it('sends each message exactly once when two workers run at the same time', async () => {
    const { db } = testDb.database;
    const mailer = createMailer(smtp.url, 'Social value <no-reply@council.example>', quiet);
    for (let i = 1; i <= 12; i++) await queueMail(db, { to: `person${i}@example.com`, subject: `Message ${i}`, text: `Body ${i}` });
    const [a, b] = await Promise.all([deliverPendingMail(db, mailer, quiet), deliverPendingMail(db, mailer, quiet)]);
    expect(a + b).toBe(12);
    expect(await deliverPendingMail(db, mailer, quiet)).toBe(0);
    await smtp.waitFor(12);
    await new Promise((resolve) => setTimeout(resolve, 100)); // room for a duplicate to arrive, if one were sent
    const subjects = smtp.messages.map((m) => m.subject).sort((x, y) => Number(x.split(' ')[1]) - Number(y.split(' ')[1]));
    expect(subjects).toEqual(Array.from({ length: 12 }, (_, i) => `Message ${i + 1}`));
    const [pending] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(mailOutbox)
      .where(sql`${mailOutbox.sentAt} is null`);
    expect(pending?.n).toBe(0);
  });

  it('keeps a message that the server refuses, and sends it on a later run', async () => {
    const { db } = testDb.database;
    await queueMail(db, { to: 'later@example.com', subject: 'Retry me', text: 'Body' });
    const closed = await startSmtpServer();
    await closed.close(); // nothing listens on this port now
    const broken = createMailer(`smtp://127.0.0.1:${closed.port}`, 'no-reply@council.example', quiet);
    expect(await deliverPendingMail(db, broken, quiet)).toBe(0);
    const [failed] = await db.select().from(mailOutbox);
    expect(failed?.sentAt).toBeNull();
    expect(failed?.attempts).toBe(1);
    expect(failed?.lastError).toMatch(/ECONNREFUSED|connect/i);
    // The failed message waits a minute before it is tried again; let the wait pass.
    await db.update(mailOutbox).set({ lockedUntil: sql`now() - interval '1 second'` });
    const working = createMailer(smtp.url, 'no-reply@council.example', quiet);
    expect(await deliverPendingMail(db, working, quiet)).toBe(1);
    expect((await smtp.waitFor(1))[0]?.subject).toBe('Retry me');
  });
});
