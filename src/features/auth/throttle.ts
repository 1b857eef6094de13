import { and, desc, eq, gt, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { signInAttempts } from '../../db/schema/index.js';

export const THROTTLE_WINDOW_MINUTES = 15;
/** Failed sign-ins allowed for one email address from one network address in the window. */
export const MAX_FAILURES_PER_EMAIL_AND_ADDRESS = 5;
/** Failed sign-ins allowed from one network address, whatever the email addresses, in the window. */
export const MAX_FAILURES_PER_ADDRESS = 50;
/** The advisory lock (with the address's hash as its second key) under which attempts from one address are counted. */
const THROTTLE_LOCK = 7261003;

export type Reservation = { ok: true; attemptId: number } | { ok: false; retryAfterSeconds: number };

/** How long until the `limit`-th most recent failure leaves the window, when there are that many; 0 otherwise. */
function waitFor(failures: Date[], limit: number, now: Date): number {
  const oldestCounted = failures[limit - 1];
  if (!oldestCounted) return 0;
  return Math.max(1, Math.ceil((oldestCounted.getTime() + THROTTLE_WINDOW_MINUTES * 60_000 - now.getTime()) / 1000));
}

/**
 * Reserves one password check for this email address from this network address, before the password is checked:
 * the attempt is written as a failure (markSucceeded turns it round) in the same transaction that counted the recent
 * failures, under an advisory lock for the address, so that attempts arriving at once, at any instance, are counted
 * one after another and no more than the limit are ever checked. Throttling is per email and address (so that someone
 * guessing from one place cannot keep the account's owner out from another) and per address (so that one place cannot
 * try many accounts); it slows, and never locks: once the oldest counted failure is older than the window, the next
 * attempt goes ahead.
 */
export async function reserveAttempt(db: Db, email: string, ip: string, now = new Date()): Promise<Reservation> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${THROTTLE_LOCK}, hashtext(${ip}))`);
    const since = new Date(now.getTime() - THROTTLE_WINDOW_MINUTES * 60_000);
    const failures = await tx
      .select({ email: signInAttempts.email, at: signInAttempts.at })
      .from(signInAttempts)
      .where(and(eq(signInAttempts.ip, ip), eq(signInAttempts.succeeded, false), gt(signInAttempts.at, since)))
      .orderBy(desc(signInAttempts.at))
      .limit(MAX_FAILURES_PER_ADDRESS);
    const forEmail = failures.filter((f) => f.email === email).map((f) => f.at);
    const retryAfterSeconds = Math.max(
      waitFor(forEmail, MAX_FAILURES_PER_EMAIL_AND_ADDRESS, now),
      waitFor(
        failures.map((f) => f.at),
        MAX_FAILURES_PER_ADDRESS,
        now,
      ),
    );
    if (retryAfterSeconds > 0) return { ok: false, retryAfterSeconds };
    const [attempt] = await tx.insert(signInAttempts).values({ email, ip, succeeded: false, at: now }).returning({ id: signInAttempts.id });
    return { ok: true, attemptId: attempt!.id };
  });
}

/** The reserved attempt was the right password: it no longer counts against the email and address. */
export async function markSucceeded(db: Db, attemptId: number): Promise<void> {
  await db.update(signInAttempts).set({ succeeded: true }).where(eq(signInAttempts.id, attemptId));
}
