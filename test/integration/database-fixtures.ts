import { eq, inArray } from 'drizzle-orm';
import type { Db } from '../../src/db/client.js';
import { contracts, deliveryReports, reportLines } from '../../src/db/schema/index.js';
import { socialValuePence } from '../../src/domain/social-value.js';
import { userId } from './contracts-fixtures.js';
import { insertSubmittedReport, period2025Q1, period2025Q2, verificationContract } from './verification-fixtures.js';

/**
 * Two contracts of different suppliers and directorates, each with two commitments (800 and 40 of two valued
 * measures) and reports whose lines are verified, queried, pending or rejected, and a draft not yet handed in.
 * `expected` holds what the database must show, counted by hand from these lines.
 */
export async function databaseData(db: Db, options: { publishFirst?: boolean } = {}) {
  const first = await verificationContract(db, { title: 'Database home care' });
  await db.update(contracts).set({ directorate: 'Adults and Communities' }).where(eq(contracts.id, first.id));
  const second = await verificationContract(db, { title: 'Database facilities', supplierEmail: 'supplier2@midlands.example' });
  await db.update(contracts).set({ directorate: 'Corporate Resources' }).where(eq(contracts.id, second.id));
  const m = first.measures;
  const one = await insertSubmittedReport(db, first.id, period2025Q1, [
    {
      commitmentId: first.commitmentIds[0]!,
      measureId: m.valued.id,
      quantityHundredths: 15_000,
      narrative: 'Fifteen local people hired',
      districts: ['Charnwood'],
    },
    { commitmentId: first.commitmentIds[1]!, measureId: m.valued2.id, quantityHundredths: 700, narrative: 'Queried line narrative' },
    { commitmentId: null, measureId: m.valued2.id, quantityHundredths: 250, narrative: 'Additional volunteering', districts: ['Melton'] },
  ]);
  const two = await insertSubmittedReport(db, first.id, period2025Q2, [
    { commitmentId: first.commitmentIds[0]!, measureId: m.valued.id, quantityHundredths: 5_000, narrative: 'Five more hired' },
    { commitmentId: first.commitmentIds[0]!, measureId: m.valued.id, quantityHundredths: 999_900, narrative: 'Rejected line narrative' },
  ]);
  const other = await insertSubmittedReport(
    db,
    second.id,
    period2025Q1,
    [{ commitmentId: second.commitmentIds[0]!, measureId: m.valued.id, quantityHundredths: 4_000, narrative: 'Pending line narrative' }],
    { submittedBy: await userId(db, 'supplier2@midlands.example') },
  );
  await insertSubmittedReport(
    db,
    second.id,
    period2025Q2,
    [{ commitmentId: second.commitmentIds[0]!, measureId: m.valued.id, quantityHundredths: 77_700, narrative: 'Draft line narrative' }],
    { status: 'draft' },
  );
  const verified = [one.lineIds[0]!, one.lineIds[2]!, two.lineIds[0]!];
  await db
    .update(reportLines)
    .set({ status: 'verified', decidedAt: new Date('2025-08-01T10:00:00Z') })
    .where(inArray(reportLines.id, verified));
  await db.update(reportLines).set({ status: 'queried' }).where(eq(reportLines.id, one.lineIds[1]!));
  await db.update(reportLines).set({ status: 'rejected' }).where(eq(reportLines.id, two.lineIds[1]!));
  await db.update(deliveryReports).set({ status: 'queried' }).where(eq(deliveryReports.id, one.reportId));
  await db.update(deliveryReports).set({ status: 'verified' }).where(eq(deliveryReports.id, two.reportId));
  if (options.publishFirst) {
    await db
      .update(contracts)
      .set({ publishedAt: new Date('2026-01-15T12:00:00Z'), publishedBy: await userId(db, 'officer@council.example') })
      .where(eq(contracts.id, first.id));
  }
  const valued = { proxyPencePerUnit: m.valued.proxy, deadweightBps: m.valued.deadweight, attributionBps: m.valued.attribution };
  const valued2 = { proxyPencePerUnit: m.valued2.proxy, deadweightBps: m.valued2.deadweight, attributionBps: m.valued2.attribution };
  return {
    first,
    second,
    pendingLineId: other.lineIds[0]!,
    expected: {
      // first contract, first commitment: 800 committed, 150 + 50 verified
      firstDeliveredHundredths: 20_000,
      firstCommittedPence: socialValuePence(80_000, valued)!,
      // each verified line is valued on its own (150, then 50)
      firstDeliveredPence: socialValuePence(15_000, valued)! + socialValuePence(5_000, valued)!,
      additionalPence: socialValuePence(250, valued2)!,
    },
  };
}
