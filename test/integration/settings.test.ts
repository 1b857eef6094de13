import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appSettings, auditEvents, requirements } from '../../src/db/schema/index.js';
import { tenderGate } from '../../src/features/settings/tender-gate.js';
import { createTestApp, signedInClient, type Client, type TestApp } from '../helpers/app.js';
import { databaseKinds } from '../helpers/databases.js';

const RELAXED = 'Allowed tenders to be set up without a completed opportunity assessment and health impact screening';
const REQUIRED = 'Required a completed opportunity assessment and health impact screening before a tender is set up';

describe.each(databaseKinds)('settings on %s', (kind) => {
  let t: TestApp;
  let admin: Client;
  let officer: Client;

  async function gateEvents(action: string) {
    return t.testDb.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, action), eq(auditEvents.entityTable, 'app_settings')));
  }

  beforeAll(async () => {
    t = await createTestApp(kind);
    [admin, officer] = await Promise.all([signedInClient(t.app, 'admin@council.example'), signedInClient(t.app, 'officer@council.example')]);
  });
  afterAll(async () => t?.close());

  it('shows the tender gate as the policy sets it until an admin changes it', async () => {
    const response = await admin.get('/admin/settings');
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('Must the assessment and the screening be complete before a tender is set up?');
    expect(response.body).toMatch(/value="yes" checked/);
    expect(response.body).not.toMatch(/value="no" checked/);
    expect(response.body).toContain('This has not been changed since the service was set up.');
  });

  it('relaxes the gate, audited, and the requirement page then offers the tender', async () => {
    const db = t.testDb.database.db;
    const [homeCare] = await db.select({ id: requirements.id }).from(requirements).where(eq(requirements.title, 'Home care support for adults in Charnwood'));
    expect((await officer.get(`/requirements/${homeCare!.id}`)).body).toContain('tender-blocked');

    const response = await admin.post('/admin/settings', { requireAssessment: 'no' });
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe('/admin/settings?done=saved');
    expect(await tenderGate(db)).toEqual({ requireAssessment: false });
    const [row] = await db.select().from(appSettings).where(eq(appSettings.key, 'tender_gate'));
    expect(row!.value).toEqual({ requireAssessment: false });
    const events = await gateEvents(RELAXED);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ operation: 'insert', actorLabel: 'admin@council.example', entityId: 'tender_gate' });

    const page = await admin.get('/admin/settings?done=saved');
    expect(page.body).toContain('Setting saved.');
    expect(page.body).toMatch(/value="no" checked/);
    expect(page.body).toContain('Last changed by Asha Patel on');

    const requirement = await officer.get(`/requirements/${homeCare!.id}`);
    expect(requirement.body).not.toContain('tender-blocked');
    expect(requirement.body).toContain(`action="/requirements/${homeCare!.id}/tender"`);
    expect(requirement.body).toContain('An administrator has allowed tenders to be set up before the assessment and the screening are complete.');
  });

  it('records nothing when the setting is saved unchanged', async () => {
    const response = await admin.post('/admin/settings', { requireAssessment: 'no' });
    expect(response.headers.location).toBe('/admin/settings?done=unchanged');
    expect(await gateEvents(RELAXED)).toHaveLength(1);
    expect((await admin.get('/admin/settings?done=unchanged')).body).toContain('nothing has changed');
  });

  it('puts the gate back, audited', async () => {
    expect((await admin.post('/admin/settings', { requireAssessment: 'yes' })).statusCode).toBe(303);
    expect(await tenderGate(t.testDb.database.db)).toEqual({ requireAssessment: true });
    const events = await gateEvents(REQUIRED);
    expect(events).toHaveLength(1);
    expect(events[0]!.before).toMatchObject({ value: { requireAssessment: false } });
    expect(events[0]!.after).toMatchObject({ value: { requireAssessment: true } });
  });

  it('asks for a choice when none is made', async () => {
    const response = await admin.post('/admin/settings', { requireAssessment: 'perhaps' });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('<a href="#requireAssessment">Select whether a tender needs a completed assessment and screening first</a>');
    expect(await tenderGate(t.testDb.database.db)).toEqual({ requireAssessment: true });
  });

  it('is for admins only', async () => {
    for (const email of ['officer@council.example', 'viewer@council.example', 'supplier@supplier.example']) {
      const client = email === 'officer@council.example' ? officer : await signedInClient(t.app, email);
      expect((await client.get('/admin/settings')).statusCode, email).toBe(403);
      expect((await client.post('/admin/settings', { requireAssessment: 'no' })).statusCode, email).toBe(403);
    }
    expect(await tenderGate(t.testDb.database.db)).toEqual({ requireAssessment: true });
  });
});
