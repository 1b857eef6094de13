import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, remediationActions } from '../../src/db/schema/index.js';
import { createTestApp, signedInClient, type TestApp } from '../helpers/app.js';
import { databaseKinds } from '../helpers/databases.js';
import { demoMeasures, insertContract, organisationOf, quarters } from './contracts-fixtures.js';

describe.each(databaseKinds)('remediation actions on %s', (kind) => {
  let t: TestApp;
  let contractId: string;
  let commitmentId: string;

  beforeAll(async () => {
    t = await createTestApp(kind);
    const db = t.services.database.db;
    const m = await demoMeasures(db);
    // nothing delivered against a profile that is all due: red
    const contract = await insertContract(db, {
      supplierId: await organisationOf(db, 'supplier@supplier.example'),
      frameworkVersionId: m.versionId,
      commitments: [{ measureId: m.valued.id, quantityHundredths: 800, profile: quarters(200) }],
    });
    contractId = contract.id;
    commitmentId = contract.commitmentIds[0]!;
  });
  afterAll(async () => t?.close());

  const openPath = () => `/contracts/${contractId}/commitments/${commitmentId}/remediation/new`;
  const actions = async () => t.services.database.db.select().from(remediationActions).where(eq(remediationActions.contractId, contractId));

  it('opens an action for a red commitment, with errors that keep the input', async () => {
    const manager = await signedInClient(t.app, 'manager@council.example');
    const contractPage = await manager.get(`/contracts/${contractId}`);
    expect(contractPage.body).toContain(openPath());
    expect((await manager.get(openPath())).statusCode).toBe(200);

    const bad = await manager.post(openPath(), { action: 'Extra recruitment days', owner: '', 'due-day': '31', 'due-month': '2', 'due-year': '2099' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Enter who will do it');
    expect(bad.body).toContain('Date it will be done by must be a real date');
    expect(bad.body).toContain('Extra recruitment days');
    expect(await actions()).toHaveLength(0);

    const opened = await manager.post(openPath(), {
      action: 'Extra recruitment days',
      owner: 'Sam Fletcher',
      'due-day': '1',
      'due-month': '3',
      'due-year': '2099',
    });
    expect(opened.statusCode).toBe(303);
    const [action] = await actions();
    expect(action).toMatchObject({ commitmentId, action: 'Extra recruitment days', owner: 'Sam Fletcher', dueDate: '2099-03-01', status: 'open' });
    expect(opened.headers.location).toBe(`/contracts/${contractId}?done=remediation-opened#remediation`);
    const page = await manager.get(`/contracts/${contractId}?done=remediation-opened`);
    expect(page.body).toContain('Remediation action opened.');
    expect(page.body).toContain('Extra recruitment days');
    expect(page.body).toContain('1 March 2099');
    // one open action per commitment is offered at a time
    expect(page.body).not.toContain(openPath());
  });

  it('closes an action with a note, once, audited', async () => {
    const db = t.services.database.db;
    const [action] = await actions();
    const closePath = `/contracts/${contractId}/remediation/${action!.id}/close`;
    const officer = await signedInClient(t.app, 'officer@council.example');
    const empty = await officer.post(closePath, { note: '' });
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain('Enter what was done, to close the action');
    expect((await actions())[0]!.status).toBe('open');

    expect((await officer.post(closePath, { note: 'Twelve people recruited' })).statusCode).toBe(303);
    expect((await actions())[0]).toMatchObject({ status: 'closed', closureNote: 'Twelve people recruited' });
    expect((await officer.get(`/contracts/${contractId}`)).body).toContain('Twelve people recruited');
    expect((await officer.post(closePath, { note: 'Again' })).statusCode).toBe(409);
    expect((await actions())[0]!.closureNote).toBe('Twelve people recruited');

    const trail = await db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityTable, 'remediation_actions'), eq(auditEvents.entityId, action!.id)));
    expect(trail.map((e) => e.operation).sort()).toEqual(['insert', 'update']);
    expect(trail.map((e) => e.action).some((a) => a.startsWith('Closed a remediation action'))).toBe(true);
  });

  it('lets viewers, evaluators and suppliers open or close nothing', async () => {
    const [action] = await actions();
    for (const email of ['viewer@council.example', 'evaluator@council.example', 'supplier@supplier.example']) {
      const client = await signedInClient(t.app, email);
      expect((await client.post(openPath(), { action: 'x', owner: 'y', 'due-day': '1', 'due-month': '1', 'due-year': '2099' })).statusCode).toBe(403);
      expect((await client.post(`/contracts/${contractId}/remediation/${action!.id}/close`, { note: 'x' })).statusCode).toBe(403);
    }
    expect(await actions()).toHaveLength(1);
  });
});
