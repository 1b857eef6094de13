import { and, arrayContains, asc, count, desc, eq, not, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db, DbOrTx, Tx } from '../../db/client.js';
import { invitations, organisations, users, type Role } from '../../db/schema/index.js';
import type { Page } from '../../domain/pagination.js';
import { userStatus, type UserStatus } from './status.js';

export interface UserFilters {
  organisationId: string | null;
  role: Role | null;
  status: UserStatus | null;
}

const canSignIn = sql<boolean>`(${users.passwordHash} is not null or ${users.oidcSubject} is not null)`;

const statusConditions: Record<UserStatus, SQL> = {
  active: and(eq(users.active, true), canSignIn)!,
  invited: and(eq(users.active, true), not(canSignIn))!,
  deactivated: eq(users.active, false),
};

const userColumns = {
  id: users.id,
  name: users.name,
  email: users.email,
  roles: users.roles,
  active: users.active,
  canSignIn,
  hasPassword: sql<boolean>`(${users.passwordHash} is not null)`,
  lastSignInAt: users.lastSignInAt,
  organisationId: organisations.id,
  organisationName: organisations.name,
  organisationKind: organisations.kind,
};

function withStatus<T extends { active: boolean; canSignIn: boolean }>(row: T): T & { status: UserStatus } {
  return { ...row, status: userStatus(row) };
}

/** One page of users in name order, filtered by organisation, role and status. */
export async function listUsers(db: Db, filters: UserFilters, page: Page) {
  const where = and(
    filters.organisationId ? eq(users.organisationId, filters.organisationId) : undefined,
    filters.role ? arrayContains(users.roles, [filters.role]) : undefined,
    filters.status ? statusConditions[filters.status] : undefined,
  );
  const [rows, [total]] = await Promise.all([
    db
      .select(userColumns)
      .from(users)
      .innerJoin(organisations, eq(organisations.id, users.organisationId))
      .where(where)
      .orderBy(asc(sql`lower(${users.name})`), asc(users.id))
      .limit(page.size)
      .offset(page.offset),
    db.select({ n: count() }).from(users).where(where),
  ]);
  return { rows: rows.map(withStatus), total: total?.n ?? 0 };
}

export type UserDetails = NonNullable<Awaited<ReturnType<typeof findUser>>>;

export async function findUser(db: DbOrTx, id: string) {
  const [row] = await db.select(userColumns).from(users).innerJoin(organisations, eq(organisations.id, users.organisationId)).where(eq(users.id, id)).limit(1);
  return row ? withStatus(row) : null;
}

/** Reads a user inside a transaction and locks the row until it ends. */
export async function lockUser(tx: Tx, id: string) {
  const [row] = await tx
    .select(userColumns)
    .from(users)
    .innerJoin(organisations, eq(organisations.id, users.organisationId))
    .where(eq(users.id, id))
    .limit(1)
    .for('update', { of: users });
  return row ? withStatus(row) : null;
}

const inviters = alias(users, 'inviters');

/** The most recent invitation sent to a user, and who sent it. */
export async function latestInvitation(db: Db, userId: string) {
  const [row] = await db
    .select({
      createdAt: invitations.createdAt,
      expiresAt: invitations.expiresAt,
      acceptedAt: invitations.acceptedAt,
      open: sql<boolean>`(${invitations.acceptedAt} is null and ${invitations.expiresAt} > now())`,
      inviterName: inviters.name,
    })
    .from(invitations)
    .leftJoin(inviters, eq(inviters.id, invitations.invitedBy))
    .where(eq(invitations.userId, userId))
    .orderBy(desc(invitations.createdAt), desc(invitations.id))
    .limit(1);
  return row ?? null;
}

export async function emailInUse(db: DbOrTx, email: string): Promise<boolean> {
  const [row] = await db
    .select({ id: users.id })
    .from(users)
    .where(eq(sql`lower(${users.email})`, email.toLowerCase()))
    .limit(1);
  return !!row;
}
