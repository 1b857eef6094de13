import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, contracts } from '../../src/db/schema/index.js';
import { createTestApp, signedInClient, type TestApp } from '../helpers/app.js';
import { databaseKinds } from '../helpers/databases.js';
import { demoMeasures, insertContract, insertReport, organisationOf, quarters, userId } from './contracts-fixtures.js';

describe.each(databaseKinds)('changing a contract on %s', (kind) => {
  let t: TestApp;
  let contractId: string;

  beforeAll(async () => {
    t = await createTestApp(kind);
    const db = t.services.database.db;
    const m = await demoMeasures(db);
    const contract = await insertContract(db, {
      supplierId: await organisationOf(db, 'supplier@supplier.example'),
      frameworkVersionId: m.versionId,
      commitments: [{ measureId: m.valued.id, quantityHundredths: 800, profile: quarters(200) }],
    });
    contractId = contract.id;
  });
  afterAll(async () => t?.close());

  const row = async () => (await t.services.database.db.select().from(contracts).where(eq(contracts.id, contractId)))[0]!;
  const auditCount = async (action: string) =>
    (
      await t.services.database.db
        .select()
        .from(auditEvents)
        .where(and(eq(auditEvents.entityId, contractId), eq(auditEvents.action, action)))
    ).length;

  it('changes the contract manager and reporting frequency, audited', async () => {
    const db = t.services.database.db;
    const officer = await signedInClient(t.app, 'officer@council.example');
    const form = await officer.get(`/contracts/${contractId}/edit`);
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('Mo Rahman');
    const managerId = await userId(db, 'manager@council.example');
    const saved = await officer.post(`/contracts/${contractId}/edit`, { manager: managerId, frequency: 'six_monthly' });
    expect(saved.statusCode).toBe(303);
    expect(saved.headers.location).toBe(`/contracts/${contractId}?done=updated`);
    expect(await row()).toMatchObject({ contractManagerId: managerId, reportingFrequency: 'six_monthly' });
    const { reference } = await row();
    expect(await auditCount(`Changed the details of contract ${reference}`)).toBe(1);
    expect((await officer.get(saved.headers.location as string)).body).toContain('Contract details saved.');
  });

  it('refuses bad details, keeping what was chosen and changing nothing', async () => {
    const manager = await signedInClient(t.app, 'manager@council.example');
    const bad = await manager.post(`/contracts/${contractId}/edit`, { manager: 'nobody', frequency: 'weekly' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Choose a contract manager from the list');
    expect(bad.body).toContain('Choose how often the supplier reports');
    expect(bad.body).toContain('href="#manager"');
    expect((await row()).reportingFrequency).toBe('six_monthly');
  });

  it('keeps the frequency once the supplier has started a report', async () => {
    const db = t.services.database.db;
    await insertReport(db, contractId, { periodStart: '2025-04-01', periodEnd: '2025-09-30' }, []);
    const officer = await signedInClient(t.app, 'officer@council.example');
    expect((await officer.get(`/contracts/${contractId}/edit`)).body).toContain('This cannot change now that the supplier has started a report');
    const refused = await officer.post(`/contracts/${contractId}/edit`, { manager: '', frequency: 'monthly' });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('The reporting frequency cannot change once the supplier has started a report');
    expect((await row()).reportingFrequency).toBe('six_monthly');
  });

  it('sets the rating by hand with a reason, shows both ratings, and removes it again', async () => {
    const manager = await signedInClient(t.app, 'manager@council.example');
    const page = await manager.get(`/contracts/${contractId}/rating`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Computed from delivery');
    expect(page.body).toContain('Inadequate'); // nothing verified against a profile that is due

    const noReason = await manager.post(`/contracts/${contractId}/rating`, { rating: 'good', reason: '' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.body).toContain('Enter the reason for setting the rating by hand');
    expect(noReason.body).toMatch(/value="good" checked/);
    expect((await row()).ratingOverride).toBeNull();

    const set = await manager.post(`/contracts/${contractId}/rating`, { rating: 'approaching_target', reason: 'Recovery plan agreed in October' });
    expect(set.statusCode).toBe(303);
    expect(await row()).toMatchObject({
      ratingOverride: 'approaching_target',
      ratingOverrideReason: 'Recovery plan agreed in October',
      ratingOverrideBy: await userId(t.services.database.db, 'manager@council.example'),
    });
    const contractPage = await manager.get(`/contracts/${contractId}`);
    expect(contractPage.body).toContain('Approaching target');
    expect(contractPage.body).toContain('Recovery plan agreed in October');
    expect(contractPage.body).toContain('Mo Rahman');
    expect(contractPage.body).toMatch(/Computed from delivery[\s\S]*Inadequate/);
    const { reference } = await row();
    expect(await auditCount(`Set the rating of contract ${reference} by hand`)).toBe(1);

    const cleared = await manager.post(`/contracts/${contractId}/rating`, { rating: 'computed', reason: '' });
    expect(cleared.headers.location).toBe(`/contracts/${contractId}?done=rating-cleared`);
    expect(await row()).toMatchObject({ ratingOverride: null, ratingOverrideReason: null, ratingOverrideBy: null });
    expect(await auditCount(`Removed the hand-set rating of contract ${reference}`)).toBe(1);
  });

  it('lets viewers, evaluators and suppliers change nothing', async () => {
    for (const email of ['viewer@council.example', 'evaluator@council.example']) {
      const client = await signedInClient(t.app, email);
      expect((await client.get(`/contracts/${contractId}`)).statusCode).toBe(200);
      expect((await client.get(`/contracts/${contractId}/rating`)).statusCode).toBe(403);
      expect((await client.post(`/contracts/${contractId}/rating`, { rating: 'good', reason: 'x' })).statusCode).toBe(403);
      expect((await client.post(`/contracts/${contractId}/edit`, { manager: '', frequency: 'monthly' })).statusCode).toBe(403);
    }
    const supplier = await signedInClient(t.app, 'supplier@supplier.example');
    expect((await supplier.post(`/contracts/${contractId}/rating`, { rating: 'good', reason: 'x' })).statusCode).toBe(403);
    expect((await row()).ratingOverride).toBeNull();
  });
});
