import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { users } from '../../db/schema/index.js';
import { withAudit, type Actor } from '../../platform/audit.js';
import { destroyUserSessions } from '../../platform/sessions.js';
import { cancelOpenInvitations } from '../invitations/issue-invitation.js';

/**
 * Switches an account off: the person cannot sign in, any invitation link they have stops working, and every
 * session they have ends at once. Admins cannot deactivate themselves.
 */
export async function deactivateUser(db: Db, actor: Actor, user: { id: string; email: string }): Promise<'deactivated' | 'self'> {
  if (user.id === actor.id) return 'self';
  await withAudit(db, actor, `Deactivated ${user.email}`, async (tx) => {
    await tx
      .update(users)
      .set({ active: false, updatedAt: sql`now()` })
      .where(and(eq(users.id, user.id), eq(users.active, true)));
    await cancelOpenInvitations(tx, user.id);
  });
  // Sessions of an inactive user are already refused; removing them keeps the sessions table honest.
  await destroyUserSessions(db, user.id);
  return 'deactivated';
}

export async function reactivateUser(db: Db, actor: Actor, user: { id: string; email: string }): Promise<void> {
  await withAudit(db, actor, `Reactivated ${user.email}`, async (tx) => {
    await tx
      .update(users)
      .set({ active: true, updatedAt: sql`now()` })
      .where(and(eq(users.id, user.id), eq(users.active, false)));
  });
}
