import { and, eq, like } from 'drizzle-orm';
import type { Db } from '../../src/db/client.js';
import { communityNeeds, deliveryReports, needPledges, organisations, reportLines } from '../../src/db/schema/index.js';
import type { Client } from '../helpers/app.js';
import { demoMeasures, insertContract, organisationOf, quarters, userId } from './contracts-fixtures.js';

export const PASSWORD = 'a long enough password';

/** The public registration form as a community organisation fills it in. */
export function registrationForm(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    organisationName: 'Wigston Repair Café',
    communityType: 'community_group',
    charityNumber: '',
    postcode: 'le18 4aa',
    description: 'We mend things.',
    name: 'Dana Price',
    email: 'dana@repaircafe.example',
    password: PASSWORD,
    confirmPassword: PASSWORD,
    ...overrides,
  };
}

/** The organisation's confirmation that a pledge was met, on `metOn` (yyyy-mm-dd). */
export function confirmForm(quantity: string, metOn: string, delivered = 'Two volunteers for four mornings'): Record<string, string> {
  const [year, month, day] = metOn.split('-');
  return { quantity, delivered, 'metOn-day': day!, 'metOn-month': month!, 'metOn-year': year! };
}

/** A need's form as a person fills it in; `overrides` change or add fields. */
export function needForm(overrides: Record<string, string | string[]> = {}): Record<string, string | string[]> {
  return {
    title: 'Gardeners for the community allotment',
    needType: 'volunteers',
    description: 'Four volunteers for a day to dig new raised beds.',
    district: 'Melton',
    postcode: 'le13 1ab',
    outcome: 'GC',
    'neededBy-day': '1',
    'neededBy-month': '6',
    'neededBy-year': '2030',
    howUsed: 'The beds grow vegetables for the larder’s parcels.',
    contactName: 'Chris Lowe',
    contactEmail: 'chris.lowe@larder.example',
    contactPhone: '',
    ...overrides,
  };
}

/** Posts a need as the signed-in community organisation and returns its id. */
export async function postNeed(client: Client, overrides: Record<string, string | string[]> = {}): Promise<string> {
  await client.get('/community/needs/new');
  const response = await client.post('/community/needs', needForm(overrides));
  if (response.statusCode !== 303) throw new Error(`posting a need failed with ${response.statusCode}: ${response.body.slice(0, 2000)}`);
  return /\/community\/needs\/([0-9a-f-]{36})/.exec(response.headers.location as string)![1]!;
}

/** A running contract of a demo supplier with one commitment (valued in pounds), for pledges to count towards. */
export async function pledgeContract(db: Db, supplierEmail = 'supplier@supplier.example') {
  const m = await demoMeasures(db);
  const contract = await insertContract(db, {
    supplierId: await organisationOf(db, supplierEmail),
    managerId: await userId(db, 'manager@council.example'),
    frameworkVersionId: m.versionId,
    commitments: [{ measureId: m.valued.id, quantityHundredths: 80_000, profile: quarters(20_000) }],
  });
  return { ...contract, commitmentId: contract.commitmentIds[0]!, measures: m };
}

export async function pledgeRow(db: Db, pledgeId: string) {
  const [row] = await db.select().from(needPledges).where(eq(needPledges.id, pledgeId));
  return row!;
}

export async function pledgesOf(db: Db, needId: string) {
  return db.select().from(needPledges).where(eq(needPledges.needId, needId));
}

/** Every line of a contract's reports that was made from a pledge on the needs board, whichever report it is in. */
export async function pledgeLinesOfContract(db: Db, contractId: string) {
  return db
    .select({ id: reportLines.id, reportId: reportLines.reportId, quantityHundredths: reportLines.quantityHundredths, status: reportLines.status })
    .from(reportLines)
    .innerJoin(deliveryReports, eq(deliveryReports.id, reportLines.reportId))
    .where(and(eq(deliveryReports.contractId, contractId), like(reportLines.narrative, 'Pledge on the community needs board%')));
}

export async function demoNeedId(db: Db, title: string): Promise<string> {
  const [row] = await db.select({ id: communityNeeds.id }).from(communityNeeds).where(eq(communityNeeds.title, title));
  return row!.id;
}

export async function organisationNamed(db: Db, name: string) {
  const [row] = await db.select().from(organisations).where(eq(organisations.name, name));
  return row!;
}
