import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { organisations } from '../../db/schema/index.js';
import { withAudit, type Actor } from '../../platform/audit.js';
import { rematchSpendSuppliers } from '../spend/rematch-suppliers.js';
import type { OrganisationInput } from './forms.js';
import { countUsersOf, lockOrganisation } from './repository.js';

export async function createOrganisation(db: Db, actor: Actor, input: OrganisationInput): Promise<string> {
  return withAudit(db, actor, `Added organisation ${input.name}`, async (tx) => {
    const [row] = await tx.insert(organisations).values(input).returning({ id: organisations.id });
    // Payments of suppliers not matched yet may be this organisation's.
    await rematchSpendSuppliers(tx, [row!.id]);
    return row!.id;
  });
}

export type UpdateResult = { ok: true } | { ok: false; problem: [string, string] } | { ok: false; notFound: true };

/**
 * Saves changes to an organisation. Its type cannot change while it has users, because the roles its users
 * may hold depend on it.
 */
export async function updateOrganisation(db: Db, actor: Actor, id: string, input: OrganisationInput): Promise<UpdateResult> {
  return withAudit(db, actor, `Changed organisation ${input.name}`, async (tx) => {
    const current = await lockOrganisation(tx, id, 'update');
    if (!current) return { ok: false, notFound: true };
    if (current.kind !== input.kind && (await countUsersOf(tx, id)) > 0) {
      return { ok: false, problem: ['kind', 'Keep the type as it is: the organisation has users, and the roles they can have depend on its type'] };
    }
    await tx
      .update(organisations)
      .set({ ...input, updatedAt: sql`now()` })
      .where(eq(organisations.id, id));
    const identity = (o: Pick<OrganisationInput, 'name' | 'kind' | 'companiesHouseNumber' | 'charityNumber'>) =>
      JSON.stringify([o.name, o.kind, o.companiesHouseNumber, o.charityNumber]);
    // A new name or number may match payments of suppliers not matched yet.
    if (identity(current) !== identity(input)) await rematchSpendSuppliers(tx, [id]);
    return { ok: true };
  });
}
