import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { invitations } from '../../db/schema/index.js';
import { queueMail } from '../../platform/mail.js';
import { invitationEmail } from './invitation-email.js';
import { INVITATION_DAYS, newInvitationToken } from './tokens.js';

export interface Invitee {
  id: string;
  name: string;
  email: string;
  organisationName: string;
  hasPassword: boolean;
}

/** Any link not yet used for this user stops working. */
export async function cancelOpenInvitations(tx: Tx, userId: string): Promise<void> {
  await tx
    .update(invitations)
    .set({ expiresAt: sql`now()` })
    .where(and(eq(invitations.userId, userId), isNull(invitations.acceptedAt), gt(invitations.expiresAt, sql`now()`)));
}

/**
 * Creates an invitation (replacing any earlier link) and queues the email with its link, inside the caller's
 * audited transaction, so that a change that rolls back sends nothing.
 */
export async function issueInvitation(tx: Tx, invitee: Invitee, inviter: { id: string | null; name: string }, baseUrl: string): Promise<void> {
  await cancelOpenInvitations(tx, invitee.id);
  const { token, tokenHash } = newInvitationToken();
  const expiresAt = new Date(Date.now() + INVITATION_DAYS * 86_400_000);
  await tx.insert(invitations).values({ userId: invitee.id, tokenHash, invitedBy: inviter.id, expiresAt });
  await queueMail(
    tx,
    invitationEmail({
      to: invitee.email,
      name: invitee.name,
      organisationName: invitee.organisationName,
      inviterName: inviter.name,
      link: `${baseUrl}/invitations/${token}`,
      expiresAt,
      reset: invitee.hasPassword,
    }),
  );
}
