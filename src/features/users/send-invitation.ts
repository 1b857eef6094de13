import type { Db } from '../../db/client.js';
import { withAudit } from '../../platform/audit.js';
import { issueInvitation } from '../invitations/issue-invitation.js';
import type { Inviter } from './invite-user.js';
import { lockUser } from './repository.js';

/**
 * Sends an active user a new invitation link, and earlier links stop working. For someone who already has a
 * password, this is how an admin lets them set a new one. Returns false for a deactivated account.
 */
export async function sendNewInvitation(db: Db, inviter: Inviter, userId: string, email: string, baseUrl: string): Promise<boolean> {
  return withAudit(db, inviter.actor, `Sent a new invitation to ${email}`, async (tx) => {
    const user = await lockUser(tx, userId);
    if (!user?.active) return false;
    const invitee = { id: user.id, name: user.name, email: user.email, organisationName: user.organisationName, hasPassword: user.hasPassword };
    await issueInvitation(tx, invitee, { id: inviter.actor.id, name: inviter.name }, baseUrl);
    return true;
  });
}
