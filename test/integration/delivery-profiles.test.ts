import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/client.js';
import { contracts } from '../../src/db/schema/index.js';
import type { ProfilePeriod } from '../../src/db/schema/procurement.js';
import { createTestApp, signedInClient, type Client, type TestApp } from '../helpers/app.js';
import { databaseKinds } from '../helpers/databases.js';
import { demoMeasures, insertContract, organisationOf, quarters, userId } from './contracts-fixtures.js';
import { insertSubmittedReport } from './verification-fixtures.js';

const period = (periodStart: string, periodEnd: string, quantityHundredths: number): ProfilePeriod => ({ periodStart, periodEnd, quantityHundredths });
/** 750 a year over the 2025 to 2026 and 2026 to 2027 financial years */
const yearly = [period('2025-04-01', '2026-03-31', 75_000), period('2026-04-01', '2027-03-31', 75_000)];
/** 300 each half year over the same two years */
const sixMonthly = [
  period('2025-04-01', '2025-09-30', 30_000),
  period('2025-10-01', '2026-03-31', 30_000),
  period('2026-04-01', '2026-09-30', 30_000),
  period('2026-10-01', '2027-03-31', 30_000),
];

/** The names of the periods in the delivery profile table of the contract page, without "(ended)". */
function profileLabels(body: string): string[] {
  const table = /Delivery profile of[\s\S]*?<\/table>/.exec(body)?.[0] ?? '';
  return [...table.matchAll(/<th scope="row"[^>]*>([^<]*)/g)].map((m) => m[1]!.trim());
}

/** The labels of the variation form's profile fields. */
function variationLabels(body: string): string[] {
  return [...body.matchAll(/<label class="govuk-label" for="period-\d+">\s*([^<]*?)\s*<\/label>/g)].map((m) => m[1]!);
}

/** What the verification page says is profiled for the report's period. */
function profiledForPeriod(body: string): string | undefined {
  return /Profiled for this period\s*<\/dt>\s*<dd[^>]*>\s*([^<]*?)\s*<\/dd>/.exec(body)?.[1];
}

describe.each(databaseKinds)('delivery profiles of any period length on %s', (kind) => {
  let t: TestApp;
  let officer: Client;
  let manager: Client;
  const db = (): Db => t.services.database.db;

  beforeAll(async () => {
    t = await createTestApp(kind);
    officer = await signedInClient(t.app, 'officer@council.example');
    manager = await signedInClient(t.app, 'manager@council.example');
  });
  afterAll(async () => t?.close());

  async function contractWith(profile: ProfilePeriod[], reportingFrequency: 'quarterly' | 'monthly') {
    const m = await demoMeasures(db());
    const quantityHundredths = profile.reduce((sum, p) => sum + p.quantityHundredths, 0);
    const contract = await insertContract(db(), {
      supplierId: await organisationOf(db(), 'supplier@supplier.example'),
      managerId: await userId(db(), 'manager@council.example'),
      frameworkVersionId: m.versionId,
      commitments: [{ measureId: m.valued.id, quantityHundredths, profile }],
    });
    await db().update(contracts).set({ reportingFrequency }).where(eq(contracts.id, contract.id));
    return { ...contract, commitmentId: contract.commitmentIds[0]!, measureId: m.valued.id };
  }

  /** The verification page of a submitted report for one period, with one line on the contract's commitment. */
  async function verificationPage(contract: Awaited<ReturnType<typeof contractWith>>, periodStart: string, periodEnd: string) {
    const { reportId } = await insertSubmittedReport(db(), contract.id, { periodStart, periodEnd }, [
      { commitmentId: contract.commitmentId, measureId: contract.measureId, quantityHundredths: 100, districts: ['Melton'] },
    ]);
    const page = await manager.get(`/contracts/${contract.id}/reports/${reportId}`);
    expect(page.statusCode).toBe(200);
    return page.body;
  }

  it('names a yearly profile by its years, not by the quarters it is reported in, and shares it among the quarters', async () => {
    const contract = await contractWith(yearly, 'quarterly');
    const page = await manager.get(`/contracts/${contract.id}`);
    expect(profileLabels(page.body)).toEqual(['2025 to 2026', '2026 to 2027']);
    const form = await officer.get(`/contracts/${contract.id}/commitments/${contract.commitmentId}/variations/new`);
    expect(form.statusCode).toBe(200);
    expect(variationLabels(form.body)).toEqual(['Period 1: 2025 to 2026', 'Period 2: 2026 to 2027']);
    // 91 and 92 of the year's 365 days: the first quarter does not carry the whole year, nor the second nothing
    expect(profiledForPeriod(await verificationPage(contract, '2025-04-01', '2025-06-30'))).toMatch(/^186\.98 /);
    expect(profiledForPeriod(await verificationPage(contract, '2025-07-01', '2025-09-30'))).toMatch(/^189\.04 /);
  });

  it('names a six-monthly profile by its half years and shares it among monthly reports', async () => {
    const contract = await contractWith(sixMonthly, 'monthly');
    const page = await manager.get(`/contracts/${contract.id}`);
    expect(profileLabels(page.body)).toEqual([
      'April to September 2025',
      'October 2025 to March 2026',
      'April to September 2026',
      'October 2026 to March 2027',
    ]);
    const form = await officer.get(`/contracts/${contract.id}/commitments/${contract.commitmentId}/variations/new`);
    expect(variationLabels(form.body)).toEqual([
      'Period 1: April to September 2025',
      'Period 2: October 2025 to March 2026',
      'Period 3: April to September 2026',
      'Period 4: October 2026 to March 2027',
    ]);
    // July is 31 of the half year's 183 days
    expect(profiledForPeriod(await verificationPage(contract, '2025-07-01', '2025-07-31'))).toMatch(/^50\.82 /);
  });

  it('shares a six-monthly profile among quarterly reports', async () => {
    const contract = await contractWith(sixMonthly, 'quarterly');
    expect(profiledForPeriod(await verificationPage(contract, '2025-04-01', '2025-06-30'))).toMatch(/^149\.18 /);
    expect(profiledForPeriod(await verificationPage(contract, '2025-07-01', '2025-09-30'))).toMatch(/^150\.82 /);
  });

  it('names a quarterly profile by its quarters, whole for quarterly reports and shared among monthly ones', async () => {
    const quarterly = await contractWith(quarters(20_000), 'quarterly');
    const page = await manager.get(`/contracts/${quarterly.id}`);
    expect(profileLabels(page.body)).toEqual(['April to June 2025', 'July to September 2025', 'October to December 2025', 'January to March 2026']);
    expect(profiledForPeriod(await verificationPage(quarterly, '2025-07-01', '2025-09-30'))).toMatch(/^200 /);
    const monthly = await contractWith(quarters(20_000), 'monthly');
    const form = await officer.get(`/contracts/${monthly.id}/commitments/${monthly.commitmentId}/variations/new`);
    expect(variationLabels(form.body)[0]).toBe('Period 1: April to June 2025');
    // July is 31 of the quarter's 92 days
    expect(profiledForPeriod(await verificationPage(monthly, '2025-07-01', '2025-07-31'))).toMatch(/^67\.39 /);
    // after the profile ends nothing is profiled
    expect(profiledForPeriod(await verificationPage(monthly, '2026-04-01', '2026-04-30'))).toBe('Nothing profiled for this period');
  });
});
