import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { sessions, users } from '../../src/db/schema/index.js';
import { systemActor, withAudit } from '../../src/platform/audit.js';
import { Client, createTestApp, signedInClient, type TestApp } from '../helpers/app.js';
import { databaseKinds } from '../helpers/databases.js';

// Every request reads its session afresh: a change another instance makes in the database takes effect at once.
describe.each(databaseKinds)('sessions on %s', (kind) => {
  let t: TestApp;
  let browser: Client;
  const email = 'officer@council.example';

  beforeAll(async () => {
    t = await createTestApp(kind);
  });
  afterAll(async () => t?.close());

  const db = () => t.services.database.db;
  const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000);

  async function officerSession() {
    const [user] = await db().select({ id: users.id }).from(users).where(eq(users.email, email));
    const rows = await db().select().from(sessions).where(eq(sessions.userId, user!.id));
    expect(rows).toHaveLength(1);
    return rows[0]!;
  }

  const signedIn = async () => (await browser.get('/framework')).statusCode === 200;

  beforeEach(async () => {
    await db().delete(sessions);
    browser = await signedInClient(t.app, email);
  });

  it('signs the person out once the session has been idle for longer than the idle limit (60 minutes)', async () => {
    const { tokenHash } = await officerSession();
    await db()
      .update(sessions)
      .set({ lastSeenAt: minutesAgo(59) })
      .where(eq(sessions.tokenHash, tokenHash));
    expect(await signedIn()).toBe(true);
    await db()
      .update(sessions)
      .set({ lastSeenAt: minutesAgo(61) })
      .where(eq(sessions.tokenHash, tokenHash));
    const page = await browser.get('/framework');
    expect(page.statusCode).toBe(302);
    expect(page.headers.location).toBe('/sign-in?next=%2Fframework');
  });

  it('signs the person out when the session reaches its end, however active they are', async () => {
    const { tokenHash } = await officerSession();
    await db()
      .update(sessions)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(sessions.tokenHash, tokenHash));
    expect(await signedIn()).toBe(false);
  });

  it('keeps the idle clock running, writing the last-seen time at most once a minute', async () => {
    const { tokenHash } = await officerSession();
    const recent = new Date(Date.now() - 30_000);
    await db().update(sessions).set({ lastSeenAt: recent }).where(eq(sessions.tokenHash, tokenHash));
    expect(await signedIn()).toBe(true);
    expect((await officerSession()).lastSeenAt).toEqual(recent);

    await db()
      .update(sessions)
      .set({ lastSeenAt: minutesAgo(30) })
      .where(eq(sessions.tokenHash, tokenHash));
    expect(await signedIn()).toBe(true);
    expect(Date.now() - (await officerSession()).lastSeenAt.getTime()).toBeLessThan(10_000);
  });

  it('takes effect at once when the session is removed, as signing out elsewhere or another instance does', async () => {
    expect(await signedIn()).toBe(true);
    await db().delete(sessions);
    expect(await signedIn()).toBe(false);
  });

  it('takes effect at once when the account is deactivated', async () => {
    const { userId } = await officerSession();
    expect(await signedIn()).toBe(true);
    await withAudit(db(), systemActor, 'Deactivated an account in a test', (tx) => tx.update(users).set({ active: false }).where(eq(users.id, userId)));
    try {
      expect(await signedIn()).toBe(false);
    } finally {
      await withAudit(db(), systemActor, 'Reactivated an account in a test', (tx) => tx.update(users).set({ active: true }).where(eq(users.id, userId)));
    }
  });
});
