import { and, eq, isNotNull, isNull } from 'drizzle-orm';
import type { Db } from '../../src/db/client.js';
import { contractCommitments, contracts, deliveryReports, frameworkVersions, measures, organisations, reportLines, users } from '../../src/db/schema/index.js';
import type { ProfilePeriod } from '../../src/db/schema/procurement.js';

/** Two measures of the active framework: one valued in pounds, one counted only in its own unit. */
export async function demoMeasures(db: Db) {
  const base = db
    .select({
      id: measures.id,
      code: measures.code,
      title: measures.title,
      proxy: measures.proxyPencePerUnit,
      deadweight: measures.deadweightBps,
      attribution: measures.attributionBps,
      versionId: measures.versionId,
    })
    .from(measures)
    .innerJoin(frameworkVersions, eq(frameworkVersions.id, measures.versionId));
  const valued = await base.where(and(eq(frameworkVersions.status, 'active'), isNotNull(measures.proxyPencePerUnit))).orderBy(measures.code);
  const [unvalued] = await db
    .select({ id: measures.id, code: measures.code })
    .from(measures)
    .innerJoin(frameworkVersions, eq(frameworkVersions.id, measures.versionId))
    .where(and(eq(frameworkVersions.status, 'active'), isNull(measures.proxyPencePerUnit)))
    .orderBy(measures.code)
    .limit(1);
  return { valued: valued[0]!, valued2: valued[1]!, unvalued: unvalued ?? null, versionId: valued[0]!.versionId };
}

export async function userId(db: Db, email: string): Promise<string> {
  const [row] = await db.select({ id: users.id }).from(users).where(eq(users.email, email));
  return row!.id;
}

export async function organisationOf(db: Db, email: string): Promise<string> {
  const [row] = await db.select({ id: users.organisationId }).from(users).where(eq(users.email, email));
  return row!.id;
}

export async function supplierNamed(db: Db, name: string): Promise<string> {
  const [row] = await db.select({ id: organisations.id }).from(organisations).where(eq(organisations.name, name));
  return row!.id;
}

/** Quarterly periods of the 2025 to 2026 financial year, each with the same quantity. */
export function quarters(quantityHundredths: number): ProfilePeriod[] {
  return [
    ['2025-04-01', '2025-06-30'],
    ['2025-07-01', '2025-09-30'],
    ['2025-10-01', '2025-12-31'],
    ['2026-01-01', '2026-03-31'],
  ].map(([periodStart, periodEnd]) => ({ periodStart: periodStart!, periodEnd: periodEnd!, quantityHundredths }));
}

let counter = 0;

export interface NewCommitment {
  measureId: string;
  quantityHundredths: number;
  profile: ProfilePeriod[];
}

/** A contract inserted directly (as an award or import would), with its commitments. */
export async function insertContract(
  db: Db,
  options: {
    supplierId: string;
    managerId?: string | null;
    title?: string;
    frameworkVersionId?: string | null;
    commitments?: NewCommitment[];
    source?: 'award' | 'import' | 'manual';
  },
) {
  counter += 1;
  const [contract] = await db
    .insert(contracts)
    .values({
      reference: `TEST-${Date.now()}-${counter}`,
      title: options.title ?? `Test contract ${counter}`,
      supplierId: options.supplierId,
      valuePence: 25_000_000,
      startDate: '2025-04-01',
      endDate: '2027-03-31',
      contractManagerId: options.managerId ?? null,
      applicability: 'policy',
      source: options.source ?? 'manual',
      frameworkVersionId: options.frameworkVersionId ?? null,
    })
    .returning({ id: contracts.id, reference: contracts.reference });
  const commitmentIds: string[] = [];
  for (const c of options.commitments ?? []) {
    const [row] = await db
      .insert(contractCommitments)
      .values({
        contractId: contract!.id,
        measureId: c.measureId,
        quantityHundredths: c.quantityHundredths,
        profile: c.profile,
        originalMeasureId: c.measureId,
        originalQuantityHundredths: c.quantityHundredths,
        originalProfile: c.profile,
      })
      .returning({ id: contractCommitments.id });
    commitmentIds.push(row!.id);
  }
  return { id: contract!.id, reference: contract!.reference, commitmentIds };
}

export interface NewLine {
  commitmentId: string | null;
  measureId: string;
  quantityHundredths: number;
  status: 'pending' | 'verified' | 'queried' | 'rejected';
}

/** A report for one period with its lines, inserted directly. */
export async function insertReport(db: Db, contractId: string, period: { periodStart: string; periodEnd: string }, lines: NewLine[]) {
  const [report] = await db
    .insert(deliveryReports)
    .values({ contractId, ...period, dueDate: period.periodEnd, status: 'submitted' })
    .returning({ id: deliveryReports.id });
  if (lines.length) await db.insert(reportLines).values(lines.map((l) => ({ reportId: report!.id, ...l })));
  return report!.id;
}
