import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../../src/db/schema/index.js';
import { Client, createTestApp, DEMO_PASSWORD, type TestApp } from '../helpers/app.js';
import { databaseKinds } from '../helpers/databases.js';

describe.each(databaseKinds)('sign-in throttling on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(kind);
  });
  afterAll(async () => t?.close());

  /** How many times a password was checked and found wrong for an account (each check is audited). */
  async function passwordChecks(email: string): Promise<number> {
    const [row] = await t.services.database.db
      .select({ n: count() })
      .from(auditEvents)
      .where(and(eq(auditEvents.actorLabel, email), eq(auditEvents.action, 'Sign-in failed')));
    return row?.n ?? 0;
  }

  it('checks at most 5 passwords when 20 wrong ones arrive at once, and refuses the rest with a time to wait', async () => {
    const attacker = new Client(t.app, { remoteAddress: '203.0.113.7' });
    await attacker.get('/sign-in');
    const responses = await Promise.all(
      Array.from({ length: 20 }, (_, i) => attacker.post('/sign-in', { email: 'evaluator@council.example', password: `guess-${i}` })),
    );
    expect(await passwordChecks('evaluator@council.example')).toBeLessThanOrEqual(5);
    const refused = responses.filter((r) => r.statusCode === 429);
    expect(refused.length).toBeGreaterThanOrEqual(15);
    expect(refused[0]!.body).toMatch(/You have tried to sign in too many times\. Wait \d+ minutes? and try again/);
    expect(Number(refused[0]!.headers['retry-after'])).toBeGreaterThan(0);

    // The right password from the same address waits too.
    const same = await attacker.post('/sign-in', { email: 'evaluator@council.example', password: DEMO_PASSWORD });
    expect(same.statusCode).toBe(429);
  });

  it('does not lock the account: its owner signs in from another address', async () => {
    const attacker = new Client(t.app, { remoteAddress: '203.0.113.8' });
    await attacker.get('/sign-in');
    for (let i = 0; i < 6; i++) await attacker.post('/sign-in', { email: 'manager@council.example', password: `guess-${i}` });
    expect((await attacker.post('/sign-in', { email: 'manager@council.example', password: 'guess-again' })).statusCode).toBe(429);

    const owner = new Client(t.app, { remoteAddress: '198.51.100.20' });
    await owner.get('/sign-in');
    const response = await owner.post('/sign-in', { email: 'manager@council.example', password: DEMO_PASSWORD });
    expect(response.statusCode).toBe(303);
  });

  it('slows one address that tries many accounts', async () => {
    const sprayer = new Client(t.app, { remoteAddress: '203.0.113.9' });
    await sprayer.get('/sign-in');
    const statuses: number[] = [];
    for (let i = 0; i < 55; i++) statuses.push((await sprayer.post('/sign-in', { email: `nobody${i}@council.example`, password: 'guess' })).statusCode);
    expect(statuses.slice(0, 50).every((s) => s === 400)).toBe(true);
    expect(statuses.slice(50).every((s) => s === 429)).toBe(true);
  });
});
