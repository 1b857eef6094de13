import { createHash, randomBytes } from 'node:crypto';
import { and, eq, lt, or, sql } from 'drizzle-orm';
import { preparedPer, type Db } from '../db/client.js';
import { cachedRead } from '../db/read-cache.js';
import { organisations, sessions, users } from '../db/schema/index.js';
import type { CurrentUser } from './current-user.js';

export const SESSION_COOKIE = 'sv_session';

export interface SessionSettings {
  idleMinutes: number;
  maxHours: number;
}

function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

/** Creates a session and returns the token for the cookie. The database keeps only its hash. */
export async function createSession(db: Db, userId: string, settings: SessionSettings): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  await db.insert(sessions).values({
    tokenHash: hashToken(token),
    userId,
    expiresAt: new Date(Date.now() + settings.maxHours * 3_600_000),
  });
  return token;
}

/**
 * The session's user, with everything the pages show about them, and the session's times, in one query. The times
 * are checked in findSessionUser, so that a result kept by the read cache is checked against the clock every time.
 */
const sessionUserQuery = preparedPer((db) =>
  db
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      roles: users.roles,
      organisationId: users.organisationId,
      organisationName: organisations.name,
      organisationKind: organisations.kind,
      expiresAt: sessions.expiresAt,
      lastSeenAt: sessions.lastSeenAt,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .innerJoin(organisations, eq(organisations.id, users.organisationId))
    .where(and(eq(sessions.tokenHash, sql.placeholder('tokenHash')), eq(users.active, true)))
    .limit(1)
    .prepare('sv_session_user'),
);

/** The signed-in user for a token, or null when the session is unknown, expired, idle too long or the user is inactive. */
export async function findSessionUser(db: Db, token: string, settings: SessionSettings): Promise<CurrentUser | null> {
  const tokenHash = hashToken(token);
  const row = await cachedRead(db, `session:${tokenHash}`, async () => (await sessionUserQuery(db).execute({ tokenHash }))[0] ?? null);
  const now = Date.now();
  if (!row || row.expiresAt.getTime() <= now || row.lastSeenAt.getTime() <= now - settings.idleMinutes * 60_000) return null;
  // Keep the idle clock running without a write on every request.
  if (now - row.lastSeenAt.getTime() > 60_000) {
    await db.update(sessions).set({ lastSeenAt: new Date() }).where(eq(sessions.tokenHash, tokenHash));
  }
  const { expiresAt: _expires, lastSeenAt: _seen, ...user } = row;
  return { ...user, roles: [...user.roles] }; // a copy: the cached row is shared between requests
}

export async function destroySession(db: Db, token: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.tokenHash, hashToken(token)));
}

export async function destroyUserSessions(db: Db, userId: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.userId, userId));
}

export async function purgeExpiredSessions(db: Db, settings: SessionSettings): Promise<void> {
  const idleSince = new Date(Date.now() - settings.idleMinutes * 60_000);
  await db.delete(sessions).where(or(lt(sessions.expiresAt, sql`now()`), lt(sessions.lastSeenAt, idleSince)));
}
