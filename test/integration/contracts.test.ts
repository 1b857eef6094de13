import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contractCommitments, contracts } from '../../src/db/schema/index.js';
import { withAudit } from '../../src/platform/audit.js';
import { deliveryStatus } from '../../src/features/contracts/delivery-status.js';
import { createTestApp, signedInClient, type TestApp } from '../helpers/app.js';
import { databaseKinds } from '../helpers/databases.js';
import { demoMeasures, insertContract, insertReport, organisationOf, quarters, supplierNamed, userId } from './contracts-fixtures.js';

describe.each(databaseKinds)('contracts register and contract page on %s', (kind) => {
  let t: TestApp;
  let fixture: Awaited<ReturnType<typeof setUp>>;

  async function setUp() {
    const db = t.services.database.db;
    const m = await demoMeasures(db);
    const supplierId = await organisationOf(db, 'supplier@supplier.example');
    const managerId = await userId(db, 'manager@council.example');
    // green: 8 of 8 delivered; red: 1 of 8; additional value on a third measure; pending and queried lines never count
    const main = await insertContract(db, {
      supplierId,
      managerId,
      title: 'Home care in Charnwood',
      frameworkVersionId: m.versionId,
      source: 'award',
      commitments: [
        { measureId: m.valued.id, quantityHundredths: 800, profile: quarters(200) },
        { measureId: m.valued2.id, quantityHundredths: 800, profile: quarters(200) },
      ],
    });
    const [green, red] = main.commitmentIds as [string, string];
    await insertReport(db, main.id, { periodStart: '2025-04-01', periodEnd: '2025-06-30' }, [
      { commitmentId: green, measureId: m.valued.id, quantityHundredths: 400, status: 'verified' },
      { commitmentId: red, measureId: m.valued2.id, quantityHundredths: 100, status: 'verified' },
      { commitmentId: red, measureId: m.valued2.id, quantityHundredths: 600, status: 'pending' },
    ]);
    await insertReport(db, main.id, { periodStart: '2025-07-01', periodEnd: '2025-09-30' }, [
      { commitmentId: green, measureId: m.valued.id, quantityHundredths: 400, status: 'verified' },
      { commitmentId: red, measureId: m.valued2.id, quantityHundredths: 500, status: 'queried' },
      { commitmentId: null, measureId: m.valued.id, quantityHundredths: 300, status: 'verified' },
      { commitmentId: null, measureId: m.valued.id, quantityHundredths: 900, status: 'rejected' },
    ]);
    const other = await insertContract(db, {
      supplierId: await organisationOf(db, 'supplier2@midlands.example'),
      title: 'Grounds maintenance',
      source: 'import',
      commitments: [{ measureId: m.valued.id, quantityHundredths: 800, profile: quarters(200) }],
    });
    const empty = await insertContract(db, { supplierId: await supplierNamed(db, 'Soar Valley Community Enterprise CIC'), title: 'Library cafe' });
    return { m, main, green, red, other, empty };
  }

  beforeAll(async () => {
    t = await createTestApp(kind);
    fixture = await setUp();
  });
  afterAll(async () => t?.close());

  it('works out delivery from verified lines only, with the value, rating and additional value', async () => {
    const { m, main, green, red, other, empty } = fixture;
    const statuses = await deliveryStatus(t.services.database.db, [main.id, other.id, empty.id], '2026-11-22');
    const status = statuses.get(main.id)!;
    expect(status.commitments.find((c) => c.commitmentId === green)).toMatchObject({ profiledToDate: 800, deliveredToDate: 800, rag: 'green', percent: 100 });
    expect(status.commitments.find((c) => c.commitmentId === red)).toMatchObject({ profiledToDate: 800, deliveredToDate: 100, rag: 'red', percent: 12 });
    const unitValue = (hundredths: number, measure: typeof m.valued) =>
      Math.round((hundredths / 100) * measure.proxy! * (1 - measure.deadweight / 10000) * (1 - measure.attribution / 10000));
    expect(status.deliveredValuePence).toBe(unitValue(800, m.valued) + unitValue(100, m.valued2));
    expect(status.additionalValuePence).toBe(unitValue(300, m.valued));
    expect(status).toMatchObject({ computedRating: 'requires_improvement', effectiveRating: 'requires_improvement', overridden: false });
    expect(statuses.get(other.id)).toMatchObject({ computedRating: 'inadequate', additionalValuePence: 0 });
    expect(statuses.get(empty.id)).toMatchObject({ commitments: [], computedRating: null, effectiveRating: null });
    // Before the first period ends nothing is due.
    expect((await deliveryStatus(t.services.database.db, [main.id], '2025-06-30')).get(main.id)).toMatchObject({ computedRating: null });
    // A report handed in before it is due is measured against its own period: July to September 2025, due on 30 October.
    expect((await deliveryStatus(t.services.database.db, [main.id], '2025-10-15')).get(main.id)).toMatchObject({ measuredUntil: '2025-09-30' });
  });

  it('lets an override win in the effective rating', async () => {
    const db = t.services.database.db;
    const { other } = fixture;
    await db.update(contracts).set({ ratingOverride: 'approaching_target', ratingOverrideReason: 'Agreed plan' }).where(eq(contracts.id, other.id));
    const status = (await deliveryStatus(db, [other.id], '2026-11-22')).get(other.id)!;
    expect(status).toMatchObject({ computedRating: 'inadequate', effectiveRating: 'approaching_target', overridden: true });
    await db.update(contracts).set({ ratingOverride: null, ratingOverrideReason: null }).where(eq(contracts.id, other.id));
  });

  it('lists contracts in the register with their rating, and filters them', async () => {
    const viewer = await signedInClient(t.app, 'viewer@council.example');
    const all = await viewer.get('/contracts');
    expect(all.statusCode).toBe(200);
    expect(all.body).toContain('<caption class="govuk-table__caption govuk-table__caption--m">Contracts register</caption>');
    expect(all.body).toContain('Home care in Charnwood');
    expect(all.body).toContain('Grounds maintenance');
    expect(all.body).toContain('Requires improvement');
    expect(all.body).toContain('£250,000');
    expect(all.body).not.toContain('Import a contracts register');

    const bySupplier = await viewer.get('/contracts?supplier=midlands');
    expect(bySupplier.body).toContain('Grounds maintenance');
    expect(bySupplier.body).not.toContain('Home care in Charnwood');
    expect(bySupplier.body).toContain('value="midlands"');

    const byRating = await viewer.get('/contracts?rating=inadequate');
    expect(byRating.body).toContain('Grounds maintenance');
    expect(byRating.body).not.toContain('Home care in Charnwood');
    expect(byRating.body).toMatch(/Showing 1 to 1 of 1 contract that matches/);

    const unrated = await viewer.get('/contracts?rating=none');
    expect(unrated.body).toContain('Library cafe');
    expect(unrated.body).not.toContain('Grounds maintenance');

    const managerId = await userId(t.services.database.db, 'manager@council.example');
    const byManager = await viewer.get(`/contracts?manager=${managerId}&source=award`);
    expect(byManager.body).toContain('Home care in Charnwood');
    expect(byManager.body).not.toContain('Library cafe');

    const none = await viewer.get('/contracts?source=import&supplier=charnwood');
    expect(none.body).toContain('No contracts match these filters.');

    const rubbish = await viewer.get('/contracts?manager=nobody&rating=excellent&source=x&page=banana');
    expect(rubbish.statusCode).toBe(200);
    expect(rubbish.body).toContain('Home care in Charnwood');
  });

  it('paginates the register 50 at a time', async () => {
    const db = t.services.database.db;
    const supplierId = await organisationOf(db, 'supplier3@soarvalley.example');
    for (let i = 0; i < 50; i++) await insertContract(db, { supplierId, title: `Bulk contract ${i}` });
    const officer = await signedInClient(t.app, 'officer@council.example');
    const first = await officer.get('/contracts?supplier=soar');
    expect(first.body).toMatch(/Showing 1 to 50 of 51 contracts that match/);
    expect(first.body).toContain('href="/contracts?supplier=soar&amp;page=2"');
    expect(first.body).toContain('Import a contracts register');
    const second = await officer.get('/contracts?supplier=soar&page=2');
    expect(second.body).toMatch(/Showing 51 to 51 of 51 contracts that match/);
  });

  it('shows the contract page: summary, rating, commitments with RAG in words, reports and history', async () => {
    const { main } = fixture;
    const viewer = await signedInClient(t.app, 'viewer@council.example');
    const page = await viewer.get(`/contracts/${main.id}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Charnwood Care Services Ltd');
    expect(page.body).toContain('Mo Rahman');
    expect(page.body).toContain('Quarterly');
    expect(page.body).toContain('<span class="govuk-visually-hidden">RAG status: </span>Green');
    expect(page.body).toContain('<span class="govuk-visually-hidden">RAG status: </span>Red');
    expect(page.body).toContain('12%');
    expect(page.body).toContain('Requires improvement');
    expect(page.body).toContain('Delivery profile of');
    expect(page.body).toContain('April to June 2025');
    expect(page.body).toMatch(new RegExp(`/contracts/${main.id}/reports/[0-9a-f-]{36}`));
    expect(page.body).toContain('Latest changes to this contract, newest first');
    // a viewer changes nothing, so sees no links to change
    expect(page.body).not.toContain('/edit');
    expect(page.body).not.toContain('Open a remediation action');
    expect(page.body).not.toContain('Request a variation');
  });

  it('shows an action that changed several rows of the contract once in its history', async () => {
    const { main } = fixture;
    await withAudit(t.services.database.db, { id: null, label: 'history@council.example' }, 'Renumbered both commitments', async (tx) => {
      await tx.update(contracts).set({ updatedAt: new Date() }).where(eq(contracts.id, main.id));
      await tx.update(contractCommitments).set({ narrative: 'Reviewed with the supplier' }).where(eq(contractCommitments.contractId, main.id));
    });
    const admin = await signedInClient(t.app, 'admin@council.example');
    const page = await admin.get(`/contracts/${main.id}`);
    expect(page.body.match(/Renumbered both commitments/g)).toHaveLength(1);
    const id = /href="\/admin\/audit\/(\d+)">Renumbered both commitments/.exec(page.body)?.[1];
    const event = await admin.get(`/admin/audit/${id}`);
    expect(event.body.match(/Contract commitment changed/g)).toHaveLength(2);
    expect(event.body).toContain('Contract changed');
  });

  it('shows a manager the links to change, and an admin the audit trail', async () => {
    const { main } = fixture;
    const manager = await signedInClient(t.app, 'manager@council.example');
    const page = await manager.get(`/contracts/${main.id}`);
    expect(page.body).toContain(`/contracts/${main.id}/edit`);
    expect(page.body).toContain('Open a remediation action');
    expect(page.body).toContain('Request a variation');
    expect(page.body).not.toContain('/admin/audit');
    const admin = await signedInClient(t.app, 'admin@council.example');
    expect((await admin.get(`/contracts/${main.id}`)).body).toContain('/admin/audit');
  });

  it('lets the contract supplier read its contract without history or changes, and hides it from others', async () => {
    const { main, other } = fixture;
    const supplier = await signedInClient(t.app, 'supplier@supplier.example');
    const own = await supplier.get(`/contracts/${main.id}`);
    expect(own.statusCode).toBe(200);
    expect(own.body).toContain('Home care in Charnwood');
    expect(own.body).not.toContain('Latest changes to this contract');
    expect(own.body).toMatch(new RegExp(`/supplier/contracts/${main.id}/reports/[0-9a-f-]{36}`));
    expect((await supplier.get(`/contracts/${other.id}`)).statusCode).toBe(404);
    expect((await supplier.get('/contracts')).statusCode).toBe(403);
    const officer = await signedInClient(t.app, 'officer@council.example');
    expect((await officer.get('/contracts/not-a-uuid')).statusCode).toBe(404);
    expect((await officer.get('/contracts/00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
  });
});
