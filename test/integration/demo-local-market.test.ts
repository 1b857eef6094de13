import path from 'node:path';
import { inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { organisations } from '../../src/db/schema/index.js';
import { formatPounds } from '../../src/domain/money.js';
import { noSpendFilter, spendTotals } from '../../src/features/spend/figures.js';
import { srcDir } from '../../src/platform/paths.js';
import { DEMO_SPEND } from '../../src/seed/demo-local-market.js';
import { seedIfEmpty } from '../../src/seed/demo.js';
import { createTestApp, signedInClient, type TestApp } from '../helpers/app.js';
import { databaseKinds } from '../helpers/databases.js';
import { fileRecords, isRedacted, pence, plainName } from './spend-fixtures.js';

describe.each(databaseKinds)('the demo directory and spend on %s', (kind) => {
  let t: TestApp;
  const db = () => t.services.database.db;

  beforeAll(async () => {
    t = await createTestApp(kind, { seed: false });
    expect(await seedIfEmpty(db())).toBe(true);
  });
  afterAll(async () => t?.close());

  it('gives the demo organisations directory profiles', async () => {
    const demo = await db()
      .select()
      .from(organisations)
      .where(inArray(organisations.name, ['Charnwood Care Services Ltd', 'Soar Valley Community Enterprise CIC', 'Melton Community Larder']));
    expect(demo).toHaveLength(3);
    for (const o of demo) {
      expect(o.categories.length).toBeGreaterThan(0);
      expect(o.description).toBeTruthy();
      expect(o.size).not.toBeNull();
    }
    expect(demo.some((o) => o.openToPartnering)).toBe(true);
  });

  it('imports the demo spend file, matched to the directory, so that the spend page and dashboard show shares', async () => {
    // The shares worked out from the file and the directory's flags, by the test's own plain names.
    const directory = new Map((await db().select().from(organisations)).map((o) => [plainName(o.name), o]));
    const want = { pence: 0, payments: 0, localPence: 0, smePence: 0, vcsePence: 0, redactedPence: 0 };
    for (const r of fileRecords(path.join(srcDir, 'seed/data', DEMO_SPEND.file))) {
      const amount = pence(r['Amount']!);
      want.pence += amount;
      want.payments++;
      if (isRedacted(r['BeneficiaryName']!)) want.redactedPence += amount;
      const o = directory.get(plainName(r['BeneficiaryName']!));
      if (o?.isLocal) want.localPence += amount;
      if (o?.isVcse) want.vcsePence += amount;
      if (o && o.size && o.size !== 'large') want.smePence += amount;
    }
    expect(want.payments).toBe(300);
    expect(Math.min(want.localPence, want.smePence, want.vcsePence)).toBeGreaterThan(0);
    expect(await spendTotals(db(), { ...noSpendFilter, kind: 'spend' })).toMatchObject(want);

    const officer = await signedInClient(t.app, 'officer@council.example');
    for (const page of ['/spend', '/dashboard']) {
      const response = await officer.get(page);
      expect(response.statusCode).toBe(200);
      expect(response.body).toContain(`${formatPounds(want.localPence)} of ${formatPounds(want.pence)}`);
    }
  });
});
