import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { organisations } from '../../src/db/schema/index.js';
import { listAreas } from '../../src/features/local-areas/repository.js';
import { saveLocalAreas } from '../../src/features/local-areas/save-local-areas.js';
import type { Actor } from '../../src/platform/audit.js';
import { useCaseDatabase, type UseCaseDatabase } from '../helpers/use-cases.js';

describe('the areas counted as local', () => {
  let u: UseCaseDatabase;
  let admin: Actor;
  beforeAll(async () => {
    u = await useCaseDatabase();
    admin = await u.actor('admin@council.example');
  });
  afterAll(async () => u?.close());

  const locality = async (name: string) => {
    const [row] = await u.db
      .select({ district: organisations.district, isLocal: organisations.isLocal })
      .from(organisations)
      .where(eq(organisations.name, name));
    return row;
  };

  it('moves every organisation whose postcode is in an area that stops or starts counting, and nothing when nothing changes', async () => {
    const areas = await listAreas(u.db);
    const local = areas.filter((a) => a.isLocal).map((a) => a.code);
    const charnwood = areas.find((a) => a.name === 'Charnwood')!;
    expect(local).toContain(charnwood.code);
    expect(await locality('Charnwood Care Services Ltd')).toEqual({ district: 'Charnwood', isLocal: true });

    const without = await saveLocalAreas(
      u.db,
      admin,
      local.filter((code) => code !== charnwood.code),
    );
    // Both demo organisations with a Charnwood postcode move; Melton's does not.
    expect(without).toEqual({ changed: true, organisationsChanged: 2 });
    expect(await locality('Charnwood Care Services Ltd')).toEqual({ district: null, isLocal: false });
    expect(await locality('Soar Valley Community Enterprise CIC')).toEqual({ district: null, isLocal: false });
    expect(await locality('Melton Community Larder')).toEqual({ district: 'Melton', isLocal: true });

    expect(
      await saveLocalAreas(
        u.db,
        admin,
        local.filter((code) => code !== charnwood.code),
      ),
    ).toEqual({ changed: false, organisationsChanged: 0 });
    expect(await saveLocalAreas(u.db, admin, local)).toEqual({ changed: true, organisationsChanged: 2 });
    expect(await locality('Charnwood Care Services Ltd')).toEqual({ district: 'Charnwood', isLocal: true });
    expect(await u.auditActions()).toEqual(['Changed the areas counted as local']);
  });
});
