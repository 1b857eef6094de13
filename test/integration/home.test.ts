import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/client.js';
import {
  commitmentVariations,
  deliveryReports,
  jobs,
  organisations,
  remediationActions,
  tenderEvaluators,
  tenders,
  tenderSuppliers,
  users,
} from '../../src/db/schema/index.js';
import { todayIso } from '../../src/domain/dates.js';
import { reportingPeriods } from '../../src/domain/reporting-periods.js';
import { createTestApp, signedInClient, type TestApp } from '../helpers/app.js';
import { databaseKinds } from '../helpers/databases.js';
import { demoMeasures, insertContract, insertReport, organisationOf, quarters, userId } from './contracts-fixtures.js';
import { createWorkedExample, people } from './evaluation-fixtures.js';
import { insertRequirement } from './tenders-fixtures.js';

/** The number on the home page before the words that match, and where it links. */
function countOn(body: string, words: RegExp): { n: number; href: string } {
  for (const match of body.matchAll(/<li><a class="govuk-link[^"]*" href="([^"]+)"><span[^>]*>([\d,]+)<\/span> ([^<]+)<\/a><\/li>/g)) {
    if (words.test(match[3]!)) return { n: Number(match[2]!.replace(/,/g, '')), href: match[1]!.replace(/&amp;/g, '&') };
  }
  throw new Error(`no count for ${words} on the page`);
}

describe.each(databaseKinds)('what waits for each role on the home page, on %s', (kind) => {
  let t: TestApp;
  let db: Db;
  const home = async (email: string) => (await (await signedInClient(t.app, email)).get('/')).body;

  beforeAll(async () => {
    t = await createTestApp(kind);
    db = t.services.database.db;
  });
  afterAll(async () => t?.close());

  it('shows an evaluator the conflicts to declare, then the bids to score, and an officer the tenders to moderate and award', async () => {
    const who = await people(db);
    const before = await home('evaluator@council.example');
    const officerBefore = await home('officer@council.example');
    const fixture = await createWorkedExample(db, who); // closed, three submitted bids, evaluator@ and evaluator2@ assigned
    let page = await home('evaluator@council.example');
    expect(countOn(page, /conflicts? of interest to declare/).n).toBe(countOn(before, /conflicts? of interest to declare/).n + 1);
    expect(countOn(page, /conflicts? of interest to declare/).href).toBe('/tenders?waiting=declaration');
    expect(countOn(page, /bids? to score/).n).toBe(countOn(before, /bids? to score/).n);

    await db
      .update(tenderEvaluators)
      .set({ declaredAt: new Date(), hasConflict: false })
      .where(and(eq(tenderEvaluators.tenderId, fixture.tenderId), eq(tenderEvaluators.userId, who.evaluator)));
    page = await home('evaluator@council.example');
    expect(countOn(page, /bids? to score/).n).toBe(countOn(before, /bids? to score/).n + 3);
    expect(countOn(page, /conflicts? of interest to declare/).n).toBe(countOn(before, /conflicts? of interest to declare/).n);
    const list = await (await signedInClient(t.app, 'evaluator@council.example')).get(countOn(page, /bids? to score/).href);
    expect(list.body).toContain(`href="/tenders/${fixture.tenderId}"`);

    let officer = await home('officer@council.example');
    expect(countOn(officer, /tenders? to moderate/).n).toBe(countOn(officerBefore, /tenders? to moderate/).n + 1);
    await db.update(tenders).set({ moderationLockedAt: new Date(), moderationLockedBy: who.officer }).where(eq(tenders.id, fixture.tenderId));
    officer = await home('officer@council.example');
    expect(countOn(officer, /tenders? to moderate/).n).toBe(countOn(officerBefore, /tenders? to moderate/).n);
    expect(countOn(officer, /tenders? ready to award/).n).toBe(countOn(officerBefore, /tenders? ready to award/).n + 1);
    const toAward = await (await signedInClient(t.app, 'officer@council.example')).get(countOn(officer, /tenders? ready to award/).href);
    expect(toAward.body).toContain(`href="/tenders/${fixture.tenderId}"`);
  });

  it('shows an officer requirements to assess, tenders closing soon and variations to approve', async () => {
    const before = await home('officer@council.example');
    await insertRequirement(db, { ready: false });
    await insertRequirement(db, { ready: false, applicability: 'out_of_scope' });
    const who = await people(db);
    const soon = await createWorkedExample(db, who);
    await db
      .update(tenders)
      .set({ closingAt: new Date(Date.now() + 3 * 86_400_000) })
      .where(eq(tenders.id, soon.tenderId));
    const m = await demoMeasures(db);
    const contract = await insertContract(db, {
      supplierId: await organisationOf(db, 'supplier@supplier.example'),
      commitments: [{ measureId: m.valued.id, quantityHundredths: 800, profile: quarters(200) }],
    });
    await db.insert(commitmentVariations).values({
      commitmentId: contract.commitmentIds[0]!,
      proposedMeasureId: m.valued.id,
      proposedQuantityHundredths: 400,
      proposedProfile: quarters(100),
      reason: 'Fewer hours',
      requestedBy: who.officer,
    });
    const page = await home('officer@council.example');
    const delta = (words: RegExp) => countOn(page, words).n - countOn(before, words).n;
    expect(delta(/assessment has not started/)).toBe(1);
    expect(delta(/tenders? closing in the next 7 days/)).toBe(1);
    expect(delta(/variations? to approve/)).toBe(1);
    const officer = await signedInClient(t.app, 'officer@council.example');
    expect((await officer.get(countOn(page, /tenders? closing in the next 7 days/).href)).body).toContain(`href="/tenders/${soon.tenderId}"`);
    expect((await officer.get(countOn(page, /variations? to approve/).href)).body).toContain(contract.reference);
  });

  it('shows a contract manager reports to verify, queries awaiting the supplier and remediation actions due', async () => {
    const before = await home('manager@council.example');
    const m = await demoMeasures(db);
    const managerId = await userId(db, 'manager@council.example');
    const supplierId = await organisationOf(db, 'supplier2@midlands.example');
    const mine = await insertContract(db, {
      supplierId,
      managerId,
      commitments: [{ measureId: m.valued.id, quantityHundredths: 800, profile: quarters(200) }],
    });
    const theirs = await insertContract(db, { supplierId, managerId: null });
    await insertReport(db, mine.id, { periodStart: '2025-04-01', periodEnd: '2025-06-30' }, []);
    await insertReport(db, theirs.id, { periodStart: '2025-04-01', periodEnd: '2025-06-30' }, []);
    const queried = await insertReport(db, mine.id, { periodStart: '2025-07-01', periodEnd: '2025-09-30' }, [
      { commitmentId: mine.commitmentIds[0]!, measureId: m.valued.id, quantityHundredths: 100, status: 'queried' },
    ]);
    await db.update(deliveryReports).set({ status: 'queried' }).where(eq(deliveryReports.id, queried));
    await db.insert(remediationActions).values([
      { contractId: mine.id, action: 'Recruit two apprentices', owner: 'Supplier', dueDate: '2025-01-31' },
      { contractId: mine.id, action: 'Later', owner: 'Supplier', dueDate: '2099-01-31' },
      { contractId: theirs.id, action: 'Not mine', owner: 'Supplier', dueDate: '2025-01-31' },
    ]);
    const page = await home('manager@council.example');
    const delta = (words: RegExp) => countOn(page, words).n - countOn(before, words).n;
    expect(delta(/reports? to verify/)).toBe(1);
    expect(delta(/quer(y|ies) awaiting the supplier/)).toBe(1);
    expect(delta(/remediation actions? due/)).toBe(1);
    const manager = await signedInClient(t.app, 'manager@council.example');
    const remediation = await manager.get(countOn(page, /remediation actions? due/).href);
    expect(remediation.body).toContain(mine.reference);
    expect(remediation.body).not.toContain(theirs.reference);
  });

  it('shows an admin the people invited who have not joined and the jobs whose last run failed', async () => {
    const before = await home('admin@council.example');
    const [council] = await db.select({ id: organisations.id }).from(organisations).where(eq(organisations.kind, 'council')).limit(1);
    await db.insert(users).values({ email: 'invited-home@council.example', name: 'Ivy Invited', roles: ['viewer'], organisationId: council!.id });
    await db.insert(jobs).values({ name: 'home-test-job', runAt: new Date(), lastError: 'SMTP refused the connection' });
    const page = await home('admin@council.example');
    expect(countOn(page, /people invited|person invited/).n).toBe(countOn(before, /people invited|person invited/).n + 1);
    expect(countOn(page, /people invited|person invited/).href).toBe('/admin/users?status=invited');
    expect(countOn(page, /jobs? whose last run failed/).n).toBe(countOn(before, /jobs? whose last run failed/).n + 1);
  });

  it('shows a supplier the reports it owes, the questions to answer and the tenders open for its bid', async () => {
    const before = await home('supplier3@soarvalley.example');
    const supplierId = await organisationOf(db, 'supplier3@soarvalley.example');
    const m = await demoMeasures(db);
    const contract = await insertContract(db, { supplierId, commitments: [{ measureId: m.valued.id, quantityHundredths: 800, profile: quarters(200) }] });
    await insertReport(db, contract.id, { periodStart: '2025-04-01', periodEnd: '2025-06-30' }, [
      { commitmentId: contract.commitmentIds[0]!, measureId: m.valued.id, quantityHundredths: 100, status: 'queried' },
    ]);
    const today = todayIso();
    const owed = reportingPeriods('2025-04-01', '2027-03-31', 'quarterly').filter((p) => p.periodEnd < today && p.periodStart !== '2025-04-01');
    const who = await people(db);
    const open = await createWorkedExample(db, who);
    await db
      .update(tenders)
      .set({ closingAt: new Date(Date.now() + 86_400_000) })
      .where(eq(tenders.id, open.tenderId));
    await db.insert(tenderSuppliers).values({ tenderId: open.tenderId, organisationId: supplierId }).onConflictDoNothing();

    const page = await home('supplier3@soarvalley.example');
    const delta = (words: RegExp) => countOn(page, words).n - countOn(before, words).n;
    expect(delta(/delivery reports? overdue/)).toBe(owed.filter((p) => p.dueDate < today).length);
    expect(delta(/delivery reports? due$/)).toBe(owed.filter((p) => p.dueDate >= today).length);
    expect(delta(/questions? from the council to answer/)).toBe(1);
    expect(delta(/tenders? open for your bid/)).toBe(1);
    expect(countOn(page, /questions? from the council to answer/).href).toBe('/supplier#queried');
    // another supplier's home counts none of this
    const other = await home('supplier@supplier.example');
    expect(countOn(other, /questions? from the council to answer/).n).toBe(0);
  });

  it('shows a viewer the open tenders and the register, and a person with several roles a section for each', async () => {
    const page = await home('viewer@council.example');
    expect(countOn(page, /tenders? open for bids/).href).toBe('/tenders?waiting=open');
    expect(countOn(page, /contracts? in the register/).n).toBeGreaterThan(0);
    await db
      .update(users)
      .set({ roles: ['officer', 'evaluator', 'contract_manager'] })
      .where(eq(users.email, 'officer@council.example'));
    const several = await home('officer@council.example');
    for (const heading of ['Commissioning and procurement', 'Evaluation', 'Your contracts'])
      expect(several).toContain(`<h2 class="govuk-heading-m">${heading}</h2>`);
    expect(several).not.toContain('<h2 class="govuk-heading-m">Administration</h2>');
  });
});
