import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { users } from '../../db/schema/index.js';
import { recordEvent, withAudit } from '../../platform/audit.js';
import { verifyPassword } from '../../platform/password.js';
import { markSucceeded, reserveAttempt } from './throttle.js';

export type SignInResult = { ok: true; userId: string } | { ok: false; reason: 'invalid' } | { ok: false; reason: 'throttled'; retryAfterSeconds: number };

/**
 * Checks an email and password, once the attempt has been reserved against the throttle (so that guessing is slowed
 * however many attempts arrive at once), and audits the outcome.
 */
export async function signInWithPassword(db: Db, email: string, password: string, ip: string): Promise<SignInResult> {
  const key = email.trim().toLowerCase();
  const reservation = await reserveAttempt(db, key, ip);
  if (!reservation.ok) {
    await recordEvent(db, { id: null, label: key }, 'Sign-in refused: too many failed attempts');
    return { ok: false, reason: 'throttled', retryAfterSeconds: reservation.retryAfterSeconds };
  }
  const [user] = await db
    .select({ id: users.id, passwordHash: users.passwordHash, active: users.active })
    .from(users)
    .where(eq(sql`lower(${users.email})`, key))
    .limit(1);
  const matches = await verifyPassword(password, user?.passwordHash);
  if (!user || !matches || !user.active) {
    await recordEvent(db, { id: user?.id ?? null, label: key }, user && matches ? 'Sign-in refused: account deactivated' : 'Sign-in failed');
    return { ok: false, reason: 'invalid' };
  }
  await markSucceeded(db, reservation.attemptId);
  await withAudit(db, { id: user.id, label: key }, 'Signed in', async (tx) => {
    await tx.update(users).set({ lastSignInAt: new Date() }).where(eq(users.id, user.id));
  });
  return { ok: true, userId: user.id };
}
