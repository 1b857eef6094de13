import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, contracts } from '../../src/db/schema/index.js';
import { Client, createTestApp, signedInClient, type TestApp } from '../helpers/app.js';
import { databaseKinds } from '../helpers/databases.js';
import { userId } from './contracts-fixtures.js';
import { verificationContract } from './verification-fixtures.js';

describe.each(databaseKinds)('publishing a contract on the transparency site on %s', (kind) => {
  let t: TestApp;
  let contract: { id: string; reference: string };

  beforeAll(async () => {
    t = await createTestApp(kind);
    contract = await verificationContract(t.services.database.db, { title: 'Publishing test contract' });
  });
  afterAll(async () => t?.close());

  const row = async () =>
    (await t.services.database.db.select({ at: contracts.publishedAt, by: contracts.publishedBy }).from(contracts).where(eq(contracts.id, contract.id)))[0]!;

  it('asks an officer to confirm, then publishes with the date and the officer, audited, and shows it on the contract page', async () => {
    const officer = await signedInClient(t.app, 'officer@council.example');
    const before = await officer.get(`/contracts/${contract.id}`);
    expect(before.body).toContain('Not published');
    expect(before.body).toContain(`href="/contracts/${contract.id}/publish"`);

    const confirm = await officer.get(`/contracts/${contract.id}/publish`);
    expect(confirm.statusCode).toBe(200);
    expect(confirm.body).toContain('Publish this contract on the transparency site?');
    expect((await row()).at).toBeNull();

    const done = await officer.post(`/contracts/${contract.id}/publish`);
    expect(done.statusCode).toBe(303);
    expect(done.headers.location).toBe(`/contracts/${contract.id}?done=published`);
    const published = await row();
    expect(published.at).toBeInstanceOf(Date);
    expect(published.by).toBe(await userId(t.services.database.db, 'officer@council.example'));

    const page = await officer.get(done.headers.location as string);
    expect(page.body).toContain('Contract published.');
    expect(page.body).toContain('Published</strong> on');
    expect(page.body).toContain('by Owen Hughes');
    expect(page.body).toContain(`href="/transparency/contracts/${contract.id}"`);

    const events = await t.services.database.db
      .select({ action: auditEvents.action, actor: auditEvents.actorLabel })
      .from(auditEvents)
      .where(and(eq(auditEvents.entityTable, 'contracts'), eq(auditEvents.entityId, contract.id)));
    expect(events).toContainEqual({ action: `Published contract ${contract.reference} on the transparency site`, actor: 'officer@council.example' });

    // publishing again changes nothing: the first date stays
    await officer.post(`/contracts/${contract.id}/publish`);
    expect((await row()).at?.getTime()).toBe(published.at?.getTime());
  });

  it('unpublishes after a confirmation, audited', async () => {
    const admin = await signedInClient(t.app, 'admin@council.example');
    const confirm = await admin.get(`/contracts/${contract.id}/unpublish`);
    expect(confirm.statusCode).toBe(200);
    expect(confirm.body).toContain('Take this contract off the transparency site?');
    const done = await admin.post(`/contracts/${contract.id}/unpublish`);
    expect(done.headers.location).toBe(`/contracts/${contract.id}?done=unpublished`);
    expect(await row()).toEqual({ at: null, by: null });
    const events = await t.services.database.db
      .select({ action: auditEvents.action })
      .from(auditEvents)
      .where(and(eq(auditEvents.entityTable, 'contracts'), eq(auditEvents.entityId, contract.id), eq(auditEvents.actorLabel, 'admin@council.example')));
    expect(events.map((e) => e.action)).toContain(`Took contract ${contract.reference} off the transparency site`);
    // the confirmation of what is already done goes back to the contract
    expect((await admin.get(`/contracts/${contract.id}/unpublish`)).statusCode).toBe(302);
  });

  it('refuses people who may not publish, a form without its CSRF token, and unknown contracts', async () => {
    for (const email of ['manager@council.example', 'viewer@council.example', 'supplier@supplier.example']) {
      const client = await signedInClient(t.app, email);
      const refused = await client.post(`/contracts/${contract.id}/publish`);
      expect(refused.statusCode).toBe(403);
      const page = await client.get(`/contracts/${contract.id}`);
      expect(page.body).not.toContain(`/contracts/${contract.id}/publish`);
    }
    const anonymous = new Client(t.app);
    expect((await anonymous.get(`/contracts/${contract.id}/publish`)).statusCode).toBe(302);
    const officer = await signedInClient(t.app, 'officer@council.example');
    expect((await officer.post(`/contracts/${contract.id}/publish`, { _csrf: 'forged' })).statusCode).toBe(403);
    expect((await officer.get('/contracts/not-a-uuid/publish')).statusCode).toBe(404);
    expect((await officer.post('/contracts/00000000-0000-4000-8000-000000000000/publish')).statusCode).toBe(404);
    expect((await row()).at).toBeNull();
  });
});
