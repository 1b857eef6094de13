import { asc } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { localAreas } from '../../db/schema/index.js';

export type LocalArea = typeof localAreas.$inferSelect;

/** Every area the postcode data knows, in the order they are listed, each saying whether it counts as local. */
export async function listAreas(db: DbOrTx): Promise<LocalArea[]> {
  return db.select().from(localAreas).orderBy(asc(localAreas.position));
}

/** The areas that count as local now, for working out whether a postcode is local. */
export async function loadLocalAreas(db: DbOrTx): Promise<{ code: string; name: string }[]> {
  return (await listAreas(db)).filter((a) => a.isLocal).map(({ code, name }) => ({ code, name }));
}
