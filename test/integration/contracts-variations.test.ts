import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, commitmentVariations, contractCommitments } from '../../src/db/schema/index.js';
import { createTestApp, signedInClient, type TestApp } from '../helpers/app.js';
import { databaseKinds } from '../helpers/databases.js';
import { demoMeasures, insertContract, organisationOf, quarters } from './contracts-fixtures.js';

describe.each(databaseKinds)('variations of commitments on %s', (kind) => {
  let t: TestApp;
  let contractId: string;
  let commitmentId: string;
  let m: Awaited<ReturnType<typeof demoMeasures>>;

  beforeAll(async () => {
    t = await createTestApp(kind);
    const db = t.services.database.db;
    m = await demoMeasures(db);
    const contract = await insertContract(db, {
      supplierId: await organisationOf(db, 'supplier@supplier.example'),
      frameworkVersionId: m.versionId,
      commitments: [{ measureId: m.valued.id, quantityHundredths: 800, profile: quarters(200) }],
    });
    contractId = contract.id;
    commitmentId = contract.commitmentIds[0]!;
  });
  afterAll(async () => t?.close());

  const newPath = () => `/contracts/${contractId}/commitments/${commitmentId}/variations/new`;
  const commitment = async () => (await t.services.database.db.select().from(contractCommitments).where(eq(contractCommitments.id, commitmentId)))[0]!;
  const proposal = (overrides: Record<string, string> = {}) => ({
    measure: m.valued2.id,
    quantity: '10',
    'period-0': '1',
    'period-1': '2',
    'period-2': '3',
    'period-3': '4',
    reason: 'The service moved to a new site',
    ...overrides,
  });

  it('refuses a profile that does not add up, keeping the input and saving nothing', async () => {
    const manager = await signedInClient(t.app, 'manager@council.example');
    const form = await manager.get(newPath());
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('April to June 2025');
    const bad = await manager.post(newPath(), proposal({ 'period-3': '5', reason: '' }));
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('The quantities in the periods add up to 11; make them add up to the quantity, 10');
    expect(bad.body).toContain('Enter the reason for the variation');
    expect(bad.body).toMatch(/id="period-3" name="period-3" type="text"[^>]*value="5"/);
    expect(await t.services.database.db.select().from(commitmentVariations)).toHaveLength(0);
  });

  it('requests a variation, which its requester cannot approve, and another officer approves; the tender promise stays', async () => {
    const db = t.services.database.db;
    const manager = await signedInClient(t.app, 'manager@council.example');
    expect((await manager.post(newPath(), proposal())).headers.location).toBe(`/contracts/${contractId}?done=variation-requested`);
    const [variation] = await db.select().from(commitmentVariations).where(eq(commitmentVariations.commitmentId, commitmentId));
    expect(variation).toMatchObject({
      status: 'pending',
      proposedQuantityHundredths: 1000,
      proposedMeasureId: m.valued2.id,
      reason: 'The service moved to a new site',
    });
    expect((await commitment()).quantityHundredths).toBe(800);

    // a second request while one waits is refused
    const second = await manager.post(newPath(), proposal());
    expect(second.statusCode).toBe(409);
    expect(second.body).toContain('already waiting for a decision');

    const officer = await signedInClient(t.app, 'officer@council.example');
    const own = await officer.post(newPath().replace(commitmentId, commitmentId), proposal());
    expect(own.statusCode).toBe(409);

    // the manager (not an approver) cannot decide
    expect((await manager.post(`/contracts/${contractId}/variations/${variation!.id}`, { decision: 'approve' })).statusCode).toBe(403);

    const page = await officer.get(`/contracts/${contractId}/variations/${variation!.id}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Tender promise');
    const noNote = await officer.post(`/contracts/${contractId}/variations/${variation!.id}`, { decision: 'reject', note: '' });
    expect(noNote.statusCode).toBe(400);
    expect(noNote.body).toContain('Enter why you are rejecting the variation');

    const approved = await officer.post(`/contracts/${contractId}/variations/${variation!.id}`, { decision: 'approve', note: '' });
    expect(approved.headers.location).toBe(`/contracts/${contractId}?done=variation-approved`);
    expect(await commitment()).toMatchObject({
      measureId: m.valued2.id,
      quantityHundredths: 1000,
      originalMeasureId: m.valued.id,
      originalQuantityHundredths: 800,
    });
    expect((await commitment()).profile.map((p) => p.quantityHundredths)).toEqual([100, 200, 300, 400]);
    expect((await commitment()).originalProfile.map((p) => p.quantityHundredths)).toEqual([200, 200, 200, 200]);

    const contractPage = await officer.get(`/contracts/${contractId}`);
    expect(contractPage.body).toContain(`Tender promise: ${m.valued.code}`);
    expect(contractPage.body).toContain('Approved');

    // deciding again changes nothing
    const again = await officer.post(`/contracts/${contractId}/variations/${variation!.id}`, { decision: 'reject', note: 'Too late' });
    expect(again.statusCode).toBe(409);
    expect((await db.select().from(commitmentVariations).where(eq(commitmentVariations.id, variation!.id)))[0]!.status).toBe('approved');

    const audited = await db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityTable, 'contract_commitments'), eq(auditEvents.entityId, commitmentId), eq(auditEvents.operation, 'update')));
    expect(audited.some((e) => e.action.startsWith('Approved a variation'))).toBe(true);
  });

  it('tells a requester who is an officer that someone else must decide, and lets an admin reject with a note', async () => {
    const db = t.services.database.db;
    const officer = await signedInClient(t.app, 'officer@council.example');
    expect((await officer.post(newPath(), proposal({ quantity: '4', 'period-0': '1', 'period-1': '1', 'period-2': '1', 'period-3': '1' }))).statusCode).toBe(
      303,
    );
    const [variation] = await db
      .select()
      .from(commitmentVariations)
      .where(and(eq(commitmentVariations.commitmentId, commitmentId), eq(commitmentVariations.status, 'pending')));
    const path = `/contracts/${contractId}/variations/${variation!.id}`;
    expect((await officer.get(path)).body).toContain('You asked for this variation, so another officer or an admin must approve or reject it.');
    const refused = await officer.post(path, { decision: 'approve' });
    expect(refused.statusCode).toBe(403);
    expect((await commitment()).quantityHundredths).toBe(1000);

    const admin = await signedInClient(t.app, 'admin@council.example');
    const rejected = await admin.post(path, { decision: 'reject', note: 'The supplier has not agreed' });
    expect(rejected.headers.location).toBe(`/contracts/${contractId}?done=variation-rejected`);
    expect((await db.select().from(commitmentVariations).where(eq(commitmentVariations.id, variation!.id)))[0]).toMatchObject({
      status: 'rejected',
      decisionNote: 'The supplier has not agreed',
    });
    expect((await commitment()).quantityHundredths).toBe(1000);
  });

  it('keeps viewers, evaluators and suppliers out of variations', async () => {
    for (const email of ['viewer@council.example', 'evaluator@council.example', 'supplier@supplier.example']) {
      const client = await signedInClient(t.app, email);
      expect((await client.get(newPath())).statusCode).toBe(403);
      expect((await client.post(newPath(), proposal())).statusCode).toBe(403);
    }
    const manager = await signedInClient(t.app, 'manager@council.example');
    expect((await manager.get(`/contracts/${contractId}/commitments/00000000-0000-4000-8000-000000000000/variations/new`)).statusCode).toBe(404);
  });
});
