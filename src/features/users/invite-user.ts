import type { Db } from '../../db/client.js';
import { users } from '../../db/schema/index.js';
import { withAudit, type Actor } from '../../platform/audit.js';
import { issueInvitation } from '../invitations/issue-invitation.js';
import { lockOrganisation } from '../organisations/repository.js';
import { inOrder, inviteProblems, type InviteValues } from './forms.js';
import { emailInUse } from './repository.js';
import { isRole, rolesProblem } from './roles.js';

/** The admin sending an invitation: who they are in the audit trail, and the name the email gives. */
export interface Inviter {
  actor: Actor;
  name: string;
}

export type InviteResult = { ok: true; userId: string } | { ok: false; problems: [string, string][] };

const EMAIL_TAKEN: [string, string] = ['email', 'There is already an account with this email address: find it in the list of users'];

/**
 * Creates the account (active, with no password yet) and its invitation, and queues the email with the link, all
 * in one audited change. Nothing is saved when anything is wrong.
 */
export async function inviteUser(db: Db, inviter: Inviter, values: InviteValues, baseUrl: string): Promise<InviteResult> {
  try {
    return await withAudit(db, inviter.actor, `Invited ${values.email}`, async (tx) => {
      const problems = inviteProblems(values);
      const wrong = (name: string) => problems.some(([f]) => f === name);
      const organisation = wrong('organisation') ? null : await lockOrganisation(tx, values.organisation, 'share');
      if (!organisation && !wrong('organisation')) problems.push(['organisation', 'Select their organisation']);
      const rolesWrong = organisation && !wrong('roles') ? rolesProblem(values.roles, organisation.kind) : null;
      if (rolesWrong) problems.push(['roles', rolesWrong]);
      if (!wrong('email') && (await emailInUse(tx, values.email))) problems.push(EMAIL_TAKEN);
      if (problems.length || !organisation) return { ok: false, problems: inOrder(problems) };

      const [user] = await tx
        .insert(users)
        .values({ name: values.name, email: values.email, organisationId: organisation.id, roles: values.roles.filter(isRole), active: true })
        .returning({ id: users.id });
      const invitee = { id: user!.id, name: values.name, email: values.email, organisationName: organisation.name, hasPassword: false };
      await issueInvitation(tx, invitee, { id: inviter.actor.id, name: inviter.name }, baseUrl);
      return { ok: true, userId: user!.id };
    });
  } catch (error) {
    // Someone else added the same address between the check and the insert.
    if (isUniqueViolation(error)) return { ok: false, problems: [EMAIL_TAKEN] };
    throw error;
  }
}

function isUniqueViolation(error: unknown): boolean {
  for (let e = error as { code?: unknown; cause?: unknown } | undefined, depth = 0; e && depth < 5; e = e.cause as typeof e, depth++) {
    if (e.code === '23505') return true;
  }
  return false;
}
