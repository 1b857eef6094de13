import { count, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../db/client.js';
import { frameworkVersions, organisations, thresholds, users, type Role } from '../db/schema/index.js';
import { writeContent } from '../features/framework/content.js';
import { leicestershireMeasures, leicestershireOutcomes } from '../features/framework/leicestershire-framework.js';
import { systemActor, withAudit } from '../platform/audit.js';
import { hashPassword } from '../platform/password.js';
import { seedCaseStudyDemo } from './demo-case-study.js';
import { seedDirectoryDemo, seedSpendDemo } from './demo-local-market.js';
import { seedNeedsDemo } from './demo-needs.js';
import { seedRequirementsDemo } from './demo-requirements.js';

export const DEMO_PASSWORD = 'Leicestershire-demo-2026';

interface DemoUser {
  email: string;
  name: string;
  roles: Role[];
  organisation: 'council' | 'supplier' | 'supplier2' | 'supplier3' | 'community';
  description: string;
}

export const demoUsers: DemoUser[] = [
  { email: 'admin@council.example', name: 'Asha Patel', roles: ['admin'], organisation: 'council', description: 'admin (framework, thresholds, users, audit)' },
  {
    email: 'officer@council.example',
    name: 'Owen Hughes',
    roles: ['officer'],
    organisation: 'council',
    description: 'officer (commissioning and procurement)',
  },
  { email: 'evaluator@council.example', name: 'Eve Kowalski', roles: ['evaluator'], organisation: 'council', description: 'evaluator (scores bids)' },
  {
    email: 'manager@council.example',
    name: 'Mo Rahman',
    roles: ['contract_manager'],
    organisation: 'council',
    description: 'contract manager (verifies delivery)',
  },
  { email: 'evaluator2@council.example', name: 'Ellis Grant', roles: ['evaluator'], organisation: 'council', description: 'a second evaluator' },
  { email: 'viewer@council.example', name: 'Vic Osei', roles: ['viewer'], organisation: 'council', description: 'viewer (read only)' },
  {
    email: 'supplier@supplier.example',
    name: 'Sam Fletcher',
    roles: ['supplier'],
    organisation: 'supplier',
    description: 'supplier (Charnwood Care Services Ltd)',
  },
  {
    email: 'supplier2@midlands.example',
    name: 'Priya Shah',
    roles: ['supplier'],
    organisation: 'supplier2',
    description: 'supplier (Midlands Facilities Group plc)',
  },
  {
    email: 'supplier3@soarvalley.example',
    name: 'Tom Baxter',
    roles: ['supplier'],
    organisation: 'supplier3',
    description: 'supplier (Soar Valley Community Enterprise CIC)',
  },
  {
    email: 'community@community.example',
    name: 'Chris Lowe',
    roles: ['community'],
    organisation: 'community',
    description: 'community organisation (Melton Community Larder)',
  },
];

/**
 * Thresholds: the policy minimum from the council's Social Value Policy (approved by Cabinet in October 2018), and the
 * public contracts threshold for services bought by sub-central authorities, which decides the Social Value Act duty.
 * Sources: the Public Contracts Regulations 2015 as amended; Procurement Policy Notes 10/21 and 11/23 (GOV.UK, OGL v3.0).
 */
export const seedThresholds = [
  {
    kind: 'policy_minimum',
    amountPence: 5_000_000,
    includesVat: false,
    effectiveFrom: '2018-10-16',
    source: 'Leicestershire County Council Social Value Policy, section 3',
  },
  {
    kind: 'statutory',
    amountPence: 18_130_200,
    includesVat: false,
    effectiveFrom: '2018-01-01',
    source: 'Public Contracts Regulations 2015 threshold for sub-central services, 2018 to 2019 (the figure quoted in the policy)',
  },
  {
    kind: 'statutory',
    amountPence: 18_933_000,
    includesVat: false,
    effectiveFrom: '2020-01-01',
    source: 'Public Contracts Regulations 2015 threshold for sub-central services, 2020 to 2021',
  },
  {
    kind: 'statutory',
    amountPence: 21_347_700,
    includesVat: true,
    effectiveFrom: '2022-01-01',
    source: 'Procurement Policy Note 10/21: thresholds from 1 January 2022 include VAT',
  },
  {
    kind: 'statutory',
    amountPence: 21_490_400,
    includesVat: true,
    effectiveFrom: '2024-01-01',
    source: 'Procurement Policy Note 11/23: thresholds from 1 January 2024',
  },
] as const;

/** The advisory lock that instances loading the demo data at once take in turn (the migrations' lock is 7261001). */
const SEED_LOCK = 7261002;

async function isEmpty(db: DbOrTx): Promise<boolean> {
  const [existing] = await db.select({ n: count() }).from(organisations);
  return (existing?.n ?? 0) === 0;
}

/** Parts of the demo data that the tests' shared database leaves out, so that their contracts and figures are theirs alone. */
export interface SeedOptions {
  /** the published contract and its case study */
  caseStudy?: boolean;
  /** the directory profiles of the demo organisations, and a spend file imported and matched to the directory */
  localMarket?: boolean;
}

/**
 * Loads the demo data into an empty database, without the parts turned off in `options`. Several instances may start
 * at once on one PostgreSQL database: the loading transaction takes an advisory lock and looks again, so that one loads
 * the data and the others find it there. The demo spend file is imported after that transaction, by the instance that
 * loaded the data, as any import is (in batches, all or nothing).
 */
export async function seedIfEmpty(db: Db, options: SeedOptions = {}): Promise<boolean> {
  if (!(await isEmpty(db))) return false;
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const loaded = await withAudit(db, systemActor, 'Loaded demo data', async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${SEED_LOCK})`);
    if (!(await isEmpty(tx))) return false;
    const [council, supplier, community, supplier2, , supplier3] = await tx
      .insert(organisations)
      .values([
        { name: 'Leicestershire County Council', kind: 'council', size: 'large', postcode: 'LE3 8RA', district: 'Blaby', isLocal: true },
        {
          name: 'Charnwood Care Services Ltd',
          kind: 'supplier',
          size: 'small',
          companiesHouseNumber: '09876543',
          postcode: 'LE11 3AB',
          district: 'Charnwood',
          isLocal: true,
        },
        {
          name: 'Melton Community Larder',
          kind: 'community',
          size: 'micro',
          isVcse: true,
          charityNumber: '1187654',
          postcode: 'LE13 1AA',
          district: 'Melton',
          isLocal: true,
        },
        { name: 'Midlands Facilities Group plc', kind: 'supplier', size: 'large', companiesHouseNumber: '01234567', postcode: 'B1 1AA', isLocal: false },
        { name: 'Leicestershire Partnership NHS Trust', kind: 'partner', size: 'large', postcode: 'LE19 1SX', district: 'Blaby', isLocal: true },
        {
          name: 'Soar Valley Community Enterprise CIC',
          kind: 'supplier',
          size: 'micro',
          isVcse: true,
          isSocialEnterprise: true,
          companiesHouseNumber: '11223344',
          postcode: 'LE12 7AB',
          district: 'Charnwood',
          isLocal: true,
        },
      ])
      .returning({ id: organisations.id });
    const orgIds = { council: council!.id, supplier: supplier!.id, supplier2: supplier2!.id, supplier3: supplier3!.id, community: community!.id };
    await tx
      .insert(users)
      .values(demoUsers.map((u) => ({ email: u.email, name: u.name, roles: u.roles, organisationId: orgIds[u.organisation], passwordHash })));
    const [version] = await tx
      .insert(frameworkVersions)
      .values({
        number: 1,
        name: 'Leicestershire social value framework',
        notes: 'The default framework, aligned to the five strategic outcomes of the Social Value Policy.',
      })
      .returning({ id: frameworkVersions.id });
    await writeContent(tx, version!.id, { outcomes: leicestershireOutcomes, measures: leicestershireMeasures });
    await tx.update(frameworkVersions).set({ status: 'active', activatedAt: new Date() });
    await tx.insert(thresholds).values([...seedThresholds]);
    await seedRequirementsDemo(tx);
    await seedNeedsDemo(tx, passwordHash);
    if (options.caseStudy !== false) await seedCaseStudyDemo(tx);
    if (options.localMarket !== false) await seedDirectoryDemo(tx);
    return true;
  });
  if (loaded && options.localMarket !== false) await seedSpendDemo(db);
  return loaded;
}
