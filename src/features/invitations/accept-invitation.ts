import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { invitations, organisations, users } from '../../db/schema/index.js';
import { withAudit } from '../../platform/audit.js';
import { hashInvitationToken, isInvitationToken } from './tokens.js';

export interface OpenInvitation {
  userId: string;
  name: string;
  email: string;
  organisationName: string;
}

/** What a link leads to: an invitation that can be accepted, one that can no longer be, or nothing. */
export type InvitationLookup = { state: 'open'; invitation: OpenInvitation } | { state: 'expired' } | { state: 'used' } | { state: 'unknown' };

export async function findInvitation(db: Db, token: string): Promise<InvitationLookup> {
  if (!isInvitationToken(token)) return { state: 'unknown' };
  const [row] = await db
    .select({
      userId: users.id,
      name: users.name,
      email: users.email,
      active: users.active,
      organisationName: organisations.name,
      acceptedAt: invitations.acceptedAt,
      open: sql<boolean>`${invitations.expiresAt} > now()`,
    })
    .from(invitations)
    .innerJoin(users, eq(users.id, invitations.userId))
    .innerJoin(organisations, eq(organisations.id, users.organisationId))
    .where(eq(invitations.tokenHash, hashInvitationToken(token)))
    .limit(1);
  if (!row) return { state: 'unknown' };
  if (row.acceptedAt) return { state: 'used' };
  if (!row.open || !row.active) return { state: 'expired' };
  const { userId, name, email, organisationName } = row;
  return { state: 'open', invitation: { userId, name, email, organisationName } };
}

/**
 * Uses the invitation: marks it accepted and sets the person's password, once, in one audited change made by the
 * person themself. Returns false when the link was used, replaced or expired in the meantime.
 */
export async function acceptInvitation(db: Db, token: string, invitee: OpenInvitation, passwordHash: string): Promise<boolean> {
  return withAudit(db, { id: invitee.userId, label: invitee.email }, 'Accepted an invitation and set a password', async (tx) => {
    const [accepted] = await tx
      .update(invitations)
      .set({ acceptedAt: sql`now()` })
      .where(
        and(
          eq(invitations.tokenHash, hashInvitationToken(token)),
          eq(invitations.userId, invitee.userId),
          isNull(invitations.acceptedAt),
          gt(invitations.expiresAt, sql`now()`),
        ),
      )
      .returning({ id: invitations.id });
    if (!accepted) return false;
    const [user] = await tx
      .update(users)
      .set({ passwordHash, lastSignInAt: sql`now()`, updatedAt: sql`now()` })
      .where(and(eq(users.id, invitee.userId), eq(users.active, true)))
      .returning({ id: users.id });
    if (!user) throw new InviteeDeactivatedError();
    return true;
  }).catch((error: unknown) => {
    if (error instanceof InviteeDeactivatedError) return false;
    throw error;
  });
}

/** Rolls back the acceptance when the account was deactivated while the person was choosing a password. */
class InviteeDeactivatedError extends Error {}
