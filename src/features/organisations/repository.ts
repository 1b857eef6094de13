import { asc, count, eq, sql } from 'drizzle-orm';
import type { Db, DbOrTx, Tx } from '../../db/client.js';
import { organisations, users, type OrganisationKind } from '../../db/schema/index.js';
import type { Page } from '../../domain/pagination.js';

export type Organisation = typeof organisations.$inferSelect;

/** One page of organisations in name order, optionally of one kind, with how many users each has. */
export async function listOrganisations(db: Db, filter: { kind: OrganisationKind | null }, page: Page) {
  const where = filter.kind ? eq(organisations.kind, filter.kind) : undefined;
  const userCount = db
    .select({ organisationId: users.organisationId, n: count().as('n') })
    .from(users)
    .groupBy(users.organisationId)
    .as('user_count');
  const [rows, [total]] = await Promise.all([
    db
      .select({
        id: organisations.id,
        name: organisations.name,
        kind: organisations.kind,
        size: organisations.size,
        district: organisations.district,
        isLocal: organisations.isLocal,
        userCount: sql<number>`coalesce(${userCount.n}, 0)`.mapWith(Number),
      })
      .from(organisations)
      .leftJoin(userCount, eq(userCount.organisationId, organisations.id))
      .where(where)
      .orderBy(asc(sql`lower(${organisations.name})`), asc(organisations.id))
      .limit(page.size)
      .offset(page.offset),
    db.select({ n: count() }).from(organisations).where(where),
  ]);
  return { rows, total: total?.n ?? 0 };
}

export async function findOrganisation(db: DbOrTx, id: string): Promise<Organisation | null> {
  const [row] = await db.select().from(organisations).where(eq(organisations.id, id)).limit(1);
  return row ?? null;
}

/**
 * Reads an organisation inside a transaction and locks it: 'update' before changing it, 'share' before adding a
 * user to it, so that its type and its users' roles never disagree.
 */
export async function lockOrganisation(tx: Tx, id: string, mode: 'update' | 'share'): Promise<Organisation | null> {
  const [row] = await tx.select().from(organisations).where(eq(organisations.id, id)).limit(1).for(mode);
  return row ?? null;
}

export async function countUsersOf(db: DbOrTx, organisationId: string): Promise<number> {
  const [row] = await db.select({ n: count() }).from(users).where(eq(users.organisationId, organisationId));
  return row?.n ?? 0;
}

/** Every organisation, for choosing one in a form or a filter. */
export async function organisationChoices(db: Db): Promise<{ id: string; name: string; kind: OrganisationKind }[]> {
  return db
    .select({ id: organisations.id, name: organisations.name, kind: organisations.kind })
    .from(organisations)
    .orderBy(asc(sql`lower(${organisations.name})`), asc(organisations.id));
}
