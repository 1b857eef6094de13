import { and, eq, isNull, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { organisations, users, type OrganisationKind, type Role } from '../../db/schema/index.js';
import { recordEvent, withAudit, type Actor } from '../../platform/audit.js';
import { staffRoles } from '../../platform/current-user.js';
import type { CouncilIdentity } from './oidc-claims.js';

export type CouncilSignInRefusal = 'no-account' | 'not-staff' | 'linked-elsewhere';
export type CouncilSignInResult = { ok: true; userId: string } | { ok: false; reason: CouncilSignInRefusal };

interface Candidate {
  id: string;
  email: string;
  roles: Role[];
  active: boolean;
  oidcSubject: string | null;
  organisationKind: OrganisationKind;
}

async function findUser(db: Db, where: SQL): Promise<Candidate | undefined> {
  const [user] = await db
    .select({
      id: users.id,
      email: users.email,
      roles: users.roles,
      active: users.active,
      oidcSubject: users.oidcSubject,
      organisationKind: organisations.kind,
    })
    .from(users)
    .innerJoin(organisations, eq(organisations.id, users.organisationId))
    .where(where)
    .limit(1);
  return user;
}

/** Council sign-in is for active council staff only: suppliers and community organisations use their password. */
function isActiveCouncilStaff(user: Candidate): boolean {
  return user.active && user.organisationKind === 'council' && user.roles.some((role) => (staffRoles as readonly Role[]).includes(role));
}

/**
 * Finds the user the council's identity provider vouched for: by the provider's subject once linked, otherwise by
 * email address, linking the subject on first use so that a later change of address at the provider still finds them.
 * Every outcome is audited.
 */
export async function signInWithCouncilAccount(db: Db, identity: CouncilIdentity, requestId: string): Promise<CouncilSignInResult> {
  const bySubject = await findUser(db, eq(users.oidcSubject, identity.subject));
  const user = bySubject ?? (identity.email ? await findUser(db, eq(sql`lower(${users.email})`, identity.email)) : undefined);
  const detail = { entityTable: 'users', after: { subject: identity.subject, email: identity.email ?? null } };
  if (!user) {
    await recordEvent(
      db,
      { id: null, label: identity.email ?? `council account ${identity.subject}`, requestId },
      'Council sign-in refused: no account',
      detail,
    );
    return { ok: false, reason: 'no-account' };
  }
  const actor: Actor = { id: user.id, label: user.email, requestId };
  if (!isActiveCouncilStaff(user)) {
    await recordEvent(db, actor, 'Council sign-in refused: not active council staff', { ...detail, entityId: user.id });
    return { ok: false, reason: 'not-staff' };
  }
  if (!bySubject && user.oidcSubject) {
    await recordEvent(db, actor, 'Council sign-in refused: account is linked to another council identity', { ...detail, entityId: user.id });
    return { ok: false, reason: 'linked-elsewhere' };
  }
  if (!bySubject) {
    await withAudit(db, actor, 'Linked council account', async (tx) => {
      await tx
        .update(users)
        .set({ oidcSubject: identity.subject, updatedAt: new Date() })
        .where(and(eq(users.id, user.id), isNull(users.oidcSubject)));
    });
  }
  await withAudit(db, actor, 'Signed in with council account', async (tx) => {
    await tx.update(users).set({ lastSignInAt: new Date() }).where(eq(users.id, user.id));
  });
  return { ok: true, userId: user.id };
}
