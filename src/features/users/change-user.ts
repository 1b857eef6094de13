import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { users } from '../../db/schema/index.js';
import { withAudit, type Actor } from '../../platform/audit.js';
import { inOrder, nameProblems, type UserValues } from './forms.js';
import { lockUser } from './repository.js';
import { isRole, rolesProblem } from './roles.js';

export type ChangeResult = { ok: true } | { ok: false; problems: [string, string][] } | { ok: false; notFound: true };

/** Changes a user's name and roles. The roles must suit their organisation, and admins cannot remove their own admin role. */
export async function changeUser(db: Db, actor: Actor, userId: string, email: string, values: UserValues): Promise<ChangeResult> {
  return withAudit(db, actor, `Changed the name or roles of ${email}`, async (tx) => {
    const user = await lockUser(tx, userId);
    if (!user) return { ok: false, notFound: true };
    const problems = nameProblems(values.name);
    const rolesWrong = rolesProblem(values.roles, user.organisationKind);
    if (rolesWrong) problems.push(['roles', rolesWrong]);
    else if (user.id === actor.id && user.roles.includes('admin') && !values.roles.includes('admin')) {
      problems.push(['roles', 'Keep your administrator role: you cannot remove it from yourself. Ask another administrator if it should go']);
    }
    if (problems.length) return { ok: false, problems: inOrder(problems) };
    await tx
      .update(users)
      .set({ name: values.name, roles: values.roles.filter(isRole), updatedAt: sql`now()` })
      .where(eq(users.id, userId));
    return { ok: true };
  });
}
