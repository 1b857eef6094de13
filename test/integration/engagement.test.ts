import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, engagementEntries } from '../../src/db/schema/index.js';
import { createTestApp, signedInClient, type Client, type TestApp } from '../helpers/app.js';
import { databaseKinds } from '../helpers/databases.js';
import { insertRequirement } from './assessment-requirements.js';

const entry = {
  who: 'Melton carers’ forum',
  'engagedOn-day': '3',
  'engagedOn-month': '2',
  'engagedOn-year': '2026',
  method: 'workshop',
  learned: 'Carers want evening sessions.\nTransport is the main barrier.',
};

describe.each(databaseKinds)('stakeholder engagement log on %s', (kind) => {
  let t: TestApp;
  let officer: Client;
  let admin: Client;
  let requirementId: string;
  beforeAll(async () => {
    t = await createTestApp(kind);
    officer = await signedInClient(t.app, 'officer@council.example');
    admin = await signedInClient(t.app, 'admin@council.example');
    requirementId = (await insertRequirement(t.services.database.db)).id;
  });
  afterAll(async () => t?.close());

  const db = () => t.services.database.db;
  const log = () => `/requirements/${requirementId}/engagement`;
  const entries = () => db().select().from(engagementEntries).where(eq(engagementEntries.requirementId, requirementId));

  it('starts empty, with a form to add an engagement', async () => {
    const response = await officer.get(log());
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('No engagement has been recorded for this requirement yet.');
    expect(response.body).toContain(`action="${log()}"`);
    for (const method of ['Meeting', 'Workshop', 'Survey', 'Market engagement event', 'Email', 'Phone call', 'Other']) expect(response.body).toContain(method);
  });

  it('names each problem and keeps what was typed, saving nothing', async () => {
    const response = await officer.post(log(), { ...entry, 'engagedOn-day': '30', learned: '', method: 'fax' });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('govuk-error-summary');
    expect(response.body).toContain('Date of the engagement must be a real date');
    expect(response.body).toContain('href="#engagedOn-day"');
    expect(response.body).toContain('Select how you engaged with them');
    expect(response.body).toContain('Enter what you learned');
    expect(response.body).toContain('value="Melton carers’ forum"');
    expect(response.body).toContain('value="30"');
    expect(response.body).toMatch(/govuk-input--error[^"]*" id="engagedOn-month"/);
    expect(await entries()).toEqual([]);

    const future = await officer.post(log(), { ...entry, 'engagedOn-year': '2099' });
    expect(future.statusCode).toBe(400);
    expect(future.body).toContain('Date of the engagement must be today or in the past');
  });

  it('adds an engagement to the table, audited, with who added it', async () => {
    const response = await officer.post(log(), entry);
    expect(response.statusCode).toBe(303);
    const [saved] = await entries();
    expect(saved).toMatchObject({ who: 'Melton carers’ forum', engagedOn: '2026-02-03', method: 'workshop', learned: entry.learned });
    expect(response.headers.location).toBe(`${log()}?done=added#entry-${saved!.id}`);

    const page = await officer.get(`${log()}?done=added`);
    expect(page.body).toContain('Engagement added to the log');
    expect(page.body).toMatch(/<caption[^>]*>\s*Engagement so far \(1 entry\)\s*<\/caption>/);
    expect(page.body).toContain('3 February 2026');
    expect(page.body).toContain('Workshop');
    expect(page.body).toMatch(/Carers want evening sessions\.<br \/>\s*Transport is the main barrier\./);
    expect(page.body).toContain('Owen Hughes');
    expect(page.body).toContain(`href="${log()}/${saved!.id}/edit"`);

    const [event] = await db()
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityTable, 'engagement_entries'), eq(auditEvents.entityId, saved!.id)));
    expect(event).toMatchObject({
      operation: 'insert',
      actorLabel: 'officer@council.example',
      action: 'Added an engagement with Melton carers’ forum to the log of Home care for older people in Charnwood',
    });
  });

  it('lets the author change an entry, keeping what was typed when it is wrong', async () => {
    const [saved] = await entries();
    const editUrl = `${log()}/${saved!.id}/edit`;
    const form = await officer.get(editUrl);
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('value="Melton carers’ forum"');
    expect(form.body).toMatch(/value="workshop" checked/);
    expect(form.body).toContain('name="engagedOn-day" type="text" value="3"');

    const bad = await officer.post(editUrl, { ...entry, who: '', method: 'survey' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Enter who you engaged with');
    expect(bad.body).toMatch(/value="survey" checked/);
    expect((await entries())[0]!.method).toBe('workshop');

    const good = await officer.post(editUrl, { ...entry, method: 'survey', learned: 'Most carers prefer evenings.' });
    expect(good.statusCode).toBe(303);
    expect(good.headers.location).toBe(`${log()}?done=changed#entry-${saved!.id}`);
    expect((await entries())[0]).toMatchObject({ method: 'survey', learned: 'Most carers prefer evenings.' });
    const events = await db()
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityTable, 'engagement_entries'), eq(auditEvents.operation, 'update')));
    expect(events.map((e) => e.action)).toContain('Changed the engagement with Melton carers’ forum in the log of Home care for older people in Charnwood');
  });

  it('lets an officer change anyone’s entry, but an admin only their own', async () => {
    const added = await admin.post(log(), { ...entry, who: 'Charnwood providers', method: 'meeting' });
    expect(added.statusCode).toBe(303);
    const all = await entries();
    const adminEntry = all.find((e) => e.who === 'Charnwood providers')!;
    const officerEntry = all.find((e) => e.who === 'Melton carers’ forum')!;

    expect((await admin.get(`${log()}/${adminEntry.id}/edit`)).statusCode).toBe(200);
    const refused = await admin.post(`${log()}/${officerEntry.id}/edit`, { ...entry, who: 'Changed by admin' });
    expect(refused.statusCode).toBe(403);
    expect((await admin.get(`${log()}/${officerEntry.id}/edit`)).statusCode).toBe(403);
    expect((await entries()).find((e) => e.id === officerEntry.id)!.who).toBe('Melton carers’ forum');
    const adminView = await admin.get(log());
    expect(adminView.body).toContain(`href="${log()}/${adminEntry.id}/edit"`);
    expect(adminView.body).not.toContain(`href="${log()}/${officerEntry.id}/edit"`);

    const byOfficer = await officer.post(`${log()}/${adminEntry.id}/edit`, { ...entry, who: 'Charnwood care providers', method: 'meeting' });
    expect(byOfficer.statusCode).toBe(303);
    expect((await entries()).find((e) => e.id === adminEntry.id)!.who).toBe('Charnwood care providers');
  });

  it('lists entries by date, and finds no entry of another requirement', async () => {
    const page = await officer.get(log());
    expect(page.body).toMatch(/Engagement so far \(2 entries\)/);
    const other = await insertRequirement(db(), { title: 'Another requirement' });
    const [saved] = await entries();
    expect((await officer.get(`/requirements/${other.id}/engagement/${saved!.id}/edit`)).statusCode).toBe(404);
    expect((await officer.post(`/requirements/${other.id}/engagement/${saved!.id}/edit`, entry)).statusCode).toBe(404);
    expect((await officer.get(`${log()}/not-an-id/edit`)).statusCode).toBe(404);
  });

  it('says an out-of-scope requirement needs no engagement log, and adds nothing to it', async () => {
    const { id } = await insertRequirement(db(), { title: 'Printer paper', valuePence: 4_000_000, cpvCode: '30197630' });
    const page = await officer.get(`/requirements/${id}/engagement`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('No engagement log is needed');
    expect(page.body).not.toContain(`action="/requirements/${id}/engagement"`);
    expect((await officer.post(`/requirements/${id}/engagement`, entry)).statusCode).toBe(409);
    expect(await db().select().from(engagementEntries).where(eq(engagementEntries.requirementId, id))).toEqual([]);
  });
});
