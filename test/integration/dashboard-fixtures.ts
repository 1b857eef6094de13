import { and, eq } from 'drizzle-orm';
import type { Db } from '../../src/db/client.js';
import { contractCommitments, contracts, deliveryReports, frameworkVersions, measures, reportLines, requirements, tenders } from '../../src/db/schema/index.js';
import { defaultScale } from '../../src/features/tenders/defaults.js';
import { supplierNamed, userId } from './contracts-fixtures.js';

const quarter = (start: string, end: string, quantityHundredths: number) => ({ periodStart: start, periodEnd: end, quantityHundredths });

/**
 * The data counted by hand below. Measures of the Leicestershire framework: GC01 and GC02 (hours, £12.71 an hour),
 * GC08 (tonnes CO2e, £264 a tonne), all without deadweight or attribution; SE03 (hours of training) has no proxy.
 *
 * Contract A, Adults and Communities, Charnwood Care Services (small, local), £250,000, policy, April 2025 to March 2026:
 *   GC01 1,000 hours over the four quarters of 2025 to 2026 (250 each)      committed £12,710
 *   GC08 10 tonnes, no profile: due when the contract ends (2026 Q1 quarter) committed  £2,640
 *   SE03 500 hours (no proxy)                                                committed     £0
 *   Report April to June 2025: GC01 200 hours in Charnwood and Melton, verified     £2,542
 *                              GC02 10 hours in Blaby, additional, verified         £127.10
 *                              SE03 40 hours, verified (no £)
 *                              GC01 999 hours pending, GC01 50 hours rejected: not counted
 * Contract B, Environment and Transport, Midlands Facilities Group (large, not local), £1,000,000, statutory,
 *   April 2025 to March 2026: GC08 20 tonnes, 10 in July to September 2025 and 10 in January to March 2026
 *                                                                         committed £5,280
 *   Report July to September 2025: GC08 5 tonnes in Melton, verified          £1,320
 * Contract C, Adults and Communities, Melton Community Larder (micro, VCSE, local), £20,000, out of scope, no commitments.
 *
 * Committed £12,710 + £2,640 + £5,280 = £20,630; verified £2,542 + £127.10 + £1,320 = £3,989.10, of which £127.10
 * additional; everything was due by now, so the delivery rate is (£2,542 + £1,320) / £20,630 = 18.72%.
 * Contracts: 3, of which 2 in scope; value £1,270,000; local A + C = £270,000 (21.26%); SME A + C = £270,000 of
 * £1,270,000 known (21.26%); VCSE C = £20,000 (1.57%).
 * Districts: Melton £2,542 + £1,320 = £3,862; Charnwood £2,542; Blaby £127.10 (the GC01 line counts in both).
 *
 * Compliance (Environment and Transport requirements): R1 policy, tender published at 10%; R2 statutory, awarded at
 * 15%; R3 policy, published at 0% with a reason; R4 out of scope at 0% (not counted); R5 policy, tender still a
 * draft (not counted). 2 of 3 with criteria (66.67%), average weighting 12.5%.
 */
export async function setUpDashboardData(db: Db) {
  const code = async (c: string) => {
    const [row] = await db
      .select({ id: measures.id })
      .from(measures)
      .innerJoin(frameworkVersions, eq(frameworkVersions.id, measures.versionId))
      .where(and(eq(frameworkVersions.status, 'active'), eq(measures.code, c)));
    return row!.id;
  };
  const [gc01, gc02, gc08, se03] = [await code('GC01'), await code('GC02'), await code('GC08'), await code('SE03')];
  const contract = async (values: Partial<typeof contracts.$inferInsert> & { supplierId: string }) => {
    const [row] = await db
      .insert(contracts)
      .values({
        reference: `DASH-${values.title}`,
        title: 'x',
        valuePence: 0,
        startDate: '2025-04-01',
        endDate: '2026-03-31',
        applicability: 'policy',
        source: 'manual',
        ...values,
      })
      .returning({ id: contracts.id });
    return row!.id;
  };
  const commitment = async (contractId: string, measureId: string, quantityHundredths: number, profile: ReturnType<typeof quarter>[] = []) => {
    const [row] = await db
      .insert(contractCommitments)
      .values({
        contractId,
        measureId,
        quantityHundredths,
        profile,
        originalMeasureId: measureId,
        originalQuantityHundredths: quantityHundredths,
        originalProfile: profile,
      })
      .returning({ id: contractCommitments.id });
    return row!.id;
  };
  const report = async (contractId: string, periodStart: string, periodEnd: string, lines: Omit<typeof reportLines.$inferInsert, 'reportId'>[]) => {
    const [row] = await db
      .insert(deliveryReports)
      .values({ contractId, periodStart, periodEnd, dueDate: periodEnd, status: 'verified' })
      .returning({ id: deliveryReports.id });
    await db.insert(reportLines).values(lines.map((l) => ({ reportId: row!.id, ...l })));
  };

  const a = await contract({
    title: 'A',
    directorate: 'Adults and Communities',
    supplierId: await supplierNamed(db, 'Charnwood Care Services Ltd'),
    valuePence: 25_000_000,
  });
  const aGc01 = await commitment(a, gc01, 100_000, [
    quarter('2025-04-01', '2025-06-30', 25_000),
    quarter('2025-07-01', '2025-09-30', 25_000),
    quarter('2025-10-01', '2025-12-31', 25_000),
    quarter('2026-01-01', '2026-03-31', 25_000),
  ]);
  await commitment(a, gc08, 1_000);
  const aSe03 = await commitment(a, se03, 50_000);
  await report(a, '2025-04-01', '2025-06-30', [
    { commitmentId: aGc01, measureId: gc01, quantityHundredths: 20_000, districts: ['Charnwood', 'Melton'], status: 'verified' },
    { commitmentId: null, measureId: gc02, quantityHundredths: 1_000, districts: ['Blaby'], status: 'verified' },
    { commitmentId: aSe03, measureId: se03, quantityHundredths: 4_000, status: 'verified' },
    { commitmentId: aGc01, measureId: gc01, quantityHundredths: 99_900, status: 'pending' },
    { commitmentId: aGc01, measureId: gc01, quantityHundredths: 5_000, status: 'rejected' },
  ]);
  const b = await contract({
    title: 'B',
    directorate: 'Environment and Transport',
    supplierId: await supplierNamed(db, 'Midlands Facilities Group plc'),
    valuePence: 100_000_000,
    applicability: 'statutory',
  });
  const bGc08 = await commitment(b, gc08, 2_000, [quarter('2025-07-01', '2025-09-30', 1_000), quarter('2026-01-01', '2026-03-31', 1_000)]);
  await report(b, '2025-07-01', '2025-09-30', [{ commitmentId: bGc08, measureId: gc08, quantityHundredths: 500, districts: ['Melton'], status: 'verified' }]);
  await contract({
    title: 'C',
    directorate: 'Adults and Communities',
    supplierId: await supplierNamed(db, 'Melton Community Larder'),
    valuePence: 2_000_000,
    applicability: 'out_of_scope',
  });

  const owner = await userId(db, 'officer@council.example');
  const [version] = await db.select({ id: frameworkVersions.id }).from(frameworkVersions).where(eq(frameworkVersions.status, 'active'));
  const requirement = async (title: string, applicability: 'out_of_scope' | 'policy' | 'statutory', tender: Partial<typeof tenders.$inferInsert>) => {
    const [r] = await db
      .insert(requirements)
      .values({
        title,
        directorate: 'Environment and Transport',
        cpvCode: '90910000',
        categoryLabel: 'Cleaning services',
        estimatedValuePence: 50_000_000,
        expectedStart: '2025-04-01',
        durationMonths: 12,
        ownerId: owner,
        stage: 'tendering',
        applicability,
        applicabilityExplanation: 'Set by the test',
      })
      .returning({ id: requirements.id });
    await db
      .insert(tenders)
      .values({ requirementId: r!.id, title, scale: defaultScale, frameworkVersionId: version!.id, publishedAt: new Date('2025-05-01T09:00:00Z'), ...tender });
  };
  await requirement('R1 Road gritting', 'policy', { status: 'published', svWeightBps: 1000 });
  await requirement('R2 Bus shelters', 'statutory', { status: 'awarded', svWeightBps: 1500 });
  await requirement('R3 Salt supply call-off', 'policy', {
    status: 'published',
    svWeightBps: 0,
    lowWeightReason: 'A call-off from a national framework with fixed terms',
  });
  await requirement('R4 Small repairs', 'out_of_scope', { status: 'published', svWeightBps: 0 });
  await requirement('R5 Street lighting', 'policy', { status: 'draft', svWeightBps: 1000, publishedAt: null });
}
