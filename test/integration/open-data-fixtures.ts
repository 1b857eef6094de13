import { eq, inArray } from 'drizzle-orm';
import type { Db } from '../../src/db/client.js';
import { contracts, reportLines, users } from '../../src/db/schema/index.js';
import { demoMeasures, insertContract, insertReport, organisationOf, quarters, supplierNamed, userId } from './contracts-fixtures.js';

/**
 * Open data's fixture: a published contract with verified delivery (and lines that must never show: pending,
 * queried, rejected), a published contract with no delivery yet, and an unpublished contract.
 */
export async function openDataFixture(db: Db) {
  const m = await demoMeasures(db);
  const managerId = await userId(db, 'manager@council.example');
  const officerId = await userId(db, 'officer@council.example');
  const published = await insertContract(db, {
    supplierId: await organisationOf(db, 'supplier@supplier.example'),
    managerId,
    title: 'Home care in Charnwood',
    frameworkVersionId: m.versionId,
    source: 'award',
    commitments: [
      { measureId: m.valued.id, quantityHundredths: 800, profile: quarters(200) },
      { measureId: m.valued2.id, quantityHundredths: 400, profile: quarters(100) },
    ],
  });
  const [first, second] = published.commitmentIds as [string, string];
  await insertReport(db, published.id, { periodStart: '2025-04-01', periodEnd: '2025-06-30' }, [
    { commitmentId: first, measureId: m.valued.id, quantityHundredths: 250, status: 'verified' },
    { commitmentId: second, measureId: m.valued2.id, quantityHundredths: 100, status: 'verified' },
    { commitmentId: second, measureId: m.valued2.id, quantityHundredths: 9900, status: 'pending' },
  ]);
  await insertReport(db, published.id, { periodStart: '2025-07-01', periodEnd: '2025-09-30' }, [
    { commitmentId: first, measureId: m.valued.id, quantityHundredths: 150, status: 'verified' },
    { commitmentId: second, measureId: m.valued2.id, quantityHundredths: 7700, status: 'queried' },
    { commitmentId: null, measureId: m.valued.id, quantityHundredths: 300, status: 'verified' },
    { commitmentId: null, measureId: m.valued.id, quantityHundredths: 6600, status: 'rejected' },
  ]);
  await db
    .update(reportLines)
    .set({ decidedAt: new Date('2025-10-15T10:00:00Z'), decidedBy: managerId })
    .where(eq(reportLines.status, 'verified'));
  const quiet = await insertContract(db, {
    supplierId: await supplierNamed(db, 'Soar Valley Community Enterprise CIC'),
    title: 'Library cafe',
    commitments: [{ measureId: m.valued.id, quantityHundredths: 100, profile: quarters(25) }],
  });
  const unpublished = await insertContract(db, {
    supplierId: await organisationOf(db, 'supplier2@midlands.example'),
    managerId,
    title: 'Secret grounds maintenance',
    commitments: [{ measureId: m.valued.id, quantityHundredths: 500, profile: quarters(125) }],
  });
  await db
    .update(contracts)
    .set({ publishedAt: new Date('2025-10-20T09:00:00Z'), publishedBy: officerId })
    .where(inArray(contracts.id, [published.id, quiet.id]));
  return { m, published, quiet, unpublished };
}

/** What no public response may contain: the demo people's names and email addresses, and the unpublished contract. */
export async function forbiddenValues(db: Db, unpublishedId: string): Promise<string[]> {
  const people = await db.select({ name: users.name, email: users.email }).from(users);
  return [...people.flatMap((p) => [p.name, p.email]), unpublishedId, 'Secret grounds maintenance', 'sv_session'];
}
