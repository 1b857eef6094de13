import { eq, isNotNull, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.js';
import { localAreas, organisations } from '../../db/schema/index.js';
import { parsePostcode } from '../../domain/postcodes.js';
import { withAudit, type Actor } from '../../platform/audit.js';
import { localityOf } from '../organisations/postcode-districts.js';
import { listAreas } from './repository.js';

export interface LocalAreasChange {
  changed: boolean;
  /** organisations whose district or local flag moved */
  organisationsChanged: number;
}

/** Works out every organisation's district and local flag again from its postcode, changing only those that moved. */
async function relocateOrganisations(tx: Tx, local: readonly { code: string; name: string }[]): Promise<number> {
  const rows = await tx
    .select({ id: organisations.id, postcode: organisations.postcode, district: organisations.district, isLocal: organisations.isLocal })
    .from(organisations)
    .where(isNotNull(organisations.postcode));
  let changed = 0;
  for (const row of rows) {
    const postcode = parsePostcode(row.postcode ?? '');
    const locality = postcode ? localityOf(postcode, local) : { district: null, isLocal: false };
    if (locality.district === row.district && locality.isLocal === row.isLocal) continue;
    await tx
      .update(organisations)
      .set({ ...locality, updatedAt: sql`now()` })
      .where(eq(organisations.id, row.id));
    changed++;
  }
  return changed;
}

/**
 * Counts exactly the areas with these codes as local, in the audit trail, and moves every organisation whose postcode
 * is now local or no longer local in the same transaction (the summaries' triggers move their figures with them).
 */
export async function saveLocalAreas(db: Db, actor: Actor, codes: readonly string[]): Promise<LocalAreasChange> {
  return withAudit(db, actor, 'Changed the areas counted as local', async (tx) => {
    // Locking the rows puts two administrators saving at once one after the other.
    await tx.select({ code: localAreas.code }).from(localAreas).for('update');
    const areas = await listAreas(tx);
    const wanted = new Set(codes);
    const moving = areas.filter((a) => a.isLocal !== wanted.has(a.code));
    if (moving.length === 0) return { changed: false, organisationsChanged: 0 };
    for (const area of moving) {
      await tx
        .update(localAreas)
        .set({ isLocal: wanted.has(area.code), updatedAt: sql`now()` })
        .where(eq(localAreas.code, area.code));
    }
    const local = areas.filter((a) => wanted.has(a.code)).map(({ code, name }) => ({ code, name }));
    return { changed: true, organisationsChanged: await relocateOrganisations(tx, local) };
  });
}
