import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, frameworkVersions, measures, outcomes, users } from '../../src/db/schema/index.js';
import { readContent } from '../../src/features/framework/content.js';
import { changeDraft } from '../../src/features/framework/change-draft.js';
import { systemActor } from '../../src/platform/audit.js';
import { createTestApp, signedInClient, type Client, type TestApp } from '../helpers/app.js';
import { databaseKinds } from '../helpers/databases.js';

const awkwardGuidance = 'Count each hour once, by person.\nDo not count "training" hours, or travel; they are separate.\n\n=Not a formula';

describe.each(databaseKinds)('framework of outcomes and measures on %s', (kind) => {
  let t: TestApp;
  let admin: Client;
  let db: TestApp['services']['database']['db'];

  beforeAll(async () => {
    t = await createTestApp(kind);
    db = t.services.database.db;
    admin = await signedInClient(t.app, 'admin@council.example');
  });
  afterAll(async () => t?.close());

  const versionByNumber = async (number: number) => (await db.select().from(frameworkVersions).where(eq(frameworkVersions.number, number)))[0]!;
  const outcomeId = async (versionId: string, code: string) =>
    (
      await db
        .select()
        .from(outcomes)
        .where(and(eq(outcomes.versionId, versionId), eq(outcomes.code, code)))
    )[0]!.id;
  const idFrom = (location: unknown, pattern: RegExp) => pattern.exec(String(location))?.[1] ?? '';

  const measureForm = (outcome: string, changes: Record<string, string> = {}) => ({
    code: 'SE90',
    outcomeId: outcome,
    title: 'Volunteering hours by staff, in work time',
    unit: 'hours',
    countingGuidance: awkwardGuidance,
    evidenceExpected: 'Timesheets signed by the organisation helped.',
    proxyPounds: '12.71',
    proxySource: 'GOV.UK, National Living Wage rates, 2026',
    proxySourceUrl: 'https://www.gov.uk/national-minimum-wage-rates',
    proxyYear: '2026',
    proxyLicence: 'Open Government Licence v3.0',
    deadweight: '12.5',
    attribution: '5',
    ...changes,
  });

  it('lists the seeded version, active, with its counts', async () => {
    const response = await admin.get('/framework');
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('Version 1');
    expect(response.body).toContain('Active');
    expect(response.body).toMatch(/numeric">5<\/td>\s*<td class="govuk-table__cell govuk-table__cell--numeric">48</);
    expect(response.body).toContain('Create a new draft');
    expect(response.body).toContain('href="/framework/import"');
  });

  it('shows the active version with its outcomes and measures, and no way to change it', async () => {
    const v1 = await versionByNumber(1);
    const response = await admin.get(`/framework/${v1.id}`);
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('SE: A strong economy');
    expect(response.body).toContain('£12.71');
    expect(response.body).toContain('Counted, not valued');
    expect(response.body).toContain('It cannot be changed');
    expect(response.body).not.toContain('>Change<');
    expect(response.body).not.toContain('Add a measure');
  });

  it('shows everything about a measure, with its proxy source and adjustments', async () => {
    const v1 = await versionByNumber(1);
    const [measure] = await db
      .select()
      .from(measures)
      .where(and(eq(measures.versionId, v1.id), eq(measures.code, 'GC01')));
    const response = await admin.get(`/framework/${v1.id}/measures/${measure!.id}`);
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain(`href="${measure!.proxySourceUrl}"`);
    expect(response.body).toContain('Open Government Licence v3.0');
    expect(response.body).toContain('Default deadweight');
    expect(response.body).toContain('0%');
    expect(response.body).toContain('Counting guidance');
    expect(response.body).toContain('Evidence expected');
    const other = await admin.get(`/framework/${v1.id}/measures/00000000-0000-4000-8000-000000000000`);
    expect(other.statusCode).toBe(404);
  });

  it('runs the whole journey: draft, add a measure with a proxy, activate, frozen, export and import back', async () => {
    const v1 = await versionByNumber(1);

    // Create a draft: a copy of the active version.
    const created = await admin.post('/framework/drafts');
    expect(created.statusCode).toBe(303);
    const draftId = idFrom(created.headers.location, /^\/framework\/([0-9a-f-]{36})\?done=created$/);
    const draft = await versionByNumber(2);
    expect(draft).toMatchObject({ id: draftId, status: 'draft', basedOnId: v1.id });
    expect(await readContent(db, draftId)).toEqual(await readContent(db, v1.id));
    const again = await admin.post('/framework/drafts');
    expect(again.headers.location).toBe(`/framework/${draftId}`);
    expect((await admin.get('/framework')).body).toContain('Continue editing the draft (version 2)');
    const draftPage = await admin.get(created.headers.location as string);
    expect(draftPage.body).toContain('Draft created as a copy of the active version');
    expect(draftPage.body).toContain('Activate this version');

    // Add a measure with a proxy value: a mistake first, then the right values.
    const se = await outcomeId(draftId, 'SE');
    const form = await admin.get(`/framework/${draftId}/measures/new?outcome=${se}`);
    expect(form.statusCode).toBe(200);
    expect(form.body).toMatch(new RegExp(`<option value="${se}" selected`));
    const wrong = await admin.post(`/framework/${draftId}/measures/new`, measureForm(se, { proxyPounds: '12.7.1', code: 'SE01' }));
    expect(wrong.statusCode).toBe(400);
    expect(wrong.body).toContain('govuk-error-summary');
    expect(wrong.body).toContain('Enter the proxy value in pounds and pence, like 12.71');
    expect(wrong.body).toContain('value="12.7.1"');
    const taken = await admin.post(`/framework/${draftId}/measures/new`, measureForm(se, { code: 'se01' }));
    expect(taken.statusCode).toBe(400);
    expect(taken.body).toContain('Enter a different code: another measure in this version already uses it');
    const added = await admin.post(`/framework/${draftId}/measures/new`, measureForm(se));
    expect(added.statusCode).toBe(303);
    const measureId = idFrom(added.headers.location, /\/measures\/([0-9a-f-]{36})\?done=measure-added$/);
    const [stored] = await db.select().from(measures).where(eq(measures.id, measureId));
    expect(stored).toMatchObject({ code: 'SE90', proxyPencePerUnit: 1271, deadweightBps: 1250, attributionBps: 500, countingGuidance: awkwardGuidance });
    const measurePage = await admin.get(added.headers.location as string);
    expect(measurePage.body).toContain('Measure added');
    expect(measurePage.body).toContain('£12.71');
    expect(measurePage.body).toContain('12.5%');
    expect(measurePage.body).toContain(`href="/framework/${draftId}/measures/${measureId}/edit#proxyPounds"`);

    // Activate it.
    const confirm = await admin.get(`/framework/${draftId}/activate`);
    expect(confirm.statusCode).toBe(200);
    expect(confirm.body).toContain('can never be changed');
    expect(confirm.body).toContain('Version 1, the active version now, will be retired');
    const activated = await admin.post(`/framework/${draftId}/activate`);
    expect(activated.statusCode).toBe(303);
    const [adminUser] = await db.select().from(users).where(eq(users.email, 'admin@council.example'));
    expect(await versionByNumber(2)).toMatchObject({ status: 'active', activatedBy: adminUser!.id });
    expect(await versionByNumber(1)).toMatchObject({ status: 'retired' });
    expect((await versionByNumber(1)).retiredAt).toBeInstanceOf(Date);

    // It can no longer be edited: every change is refused with a clear message, and nothing changes.
    const before = await readContent(db, draftId);
    const beforeVersion = await versionByNumber(2);
    const attempts = [
      admin.post(`/framework/${draftId}/measures/${measureId}/edit`, measureForm(se, { title: 'Changed' })),
      admin.post(`/framework/${draftId}/measures/${measureId}/delete`),
      admin.post(`/framework/${draftId}/measures/new`, measureForm(se, { code: 'SE91' })),
      admin.post(`/framework/${draftId}/outcomes/new`, { code: 'NEW', title: 'New outcome' }),
      admin.post(`/framework/${draftId}/outcomes/${se}/edit`, { code: 'SE', title: 'Changed' }),
      admin.post(`/framework/${draftId}/outcomes/${se}/delete`),
      admin.post(`/framework/${draftId}/edit`, { name: 'Changed', notes: '' }),
      admin.post(`/framework/${draftId}/activate`),
      admin.post(`/framework/${draftId}/delete`),
      admin.get(`/framework/${draftId}/measures/${measureId}/edit`),
      admin.get(`/framework/${draftId}/edit`),
    ];
    for (const response of await Promise.all(attempts)) {
      expect(response.statusCode).toBe(409);
      expect(response.body).toContain('Version 2 cannot be changed');
    }
    expect(await readContent(db, draftId)).toEqual(before);
    expect(await versionByNumber(2)).toEqual(beforeVersion);
    const frozenPage = await admin.get(`/framework/${draftId}/measures/${measureId}`);
    expect(frozenPage.body).toContain('cannot be changed');
    expect(frozenPage.body).not.toContain('/edit#');

    // The changes were audited, by the admin.
    const audit = await db.select().from(auditEvents).where(eq(auditEvents.actorId, adminUser!.id));
    const actions = audit.map((e) => `${e.action} | ${e.entityTable} | ${e.operation}`);
    expect(actions).toContain('Created framework version 2 as a copy of version 1 | framework_versions | insert');
    expect(actions).toContain('Created framework version 2 as a copy of version 1 | measures | insert');
    expect(actions).toContain('Added measure SE90 to framework version 2 | measures | insert');
    expect(actions).toContain('Activated framework version 2 | framework_versions | update');
    expect(
      audit
        .filter((e) => e.action === 'Activated framework version 2')
        .map((e) => e.entityId)
        .sort(),
    ).toEqual([v1.id, draftId].sort());

    // Export it, as CSV and as JSON.
    const csv = await admin.get(`/framework/${draftId}/export.csv`);
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.headers['content-disposition']).toBe('attachment; filename="leicestershire-social-value-framework-version-2.csv"');
    expect(csv.body).toContain('SE90');
    const json = await admin.get(`/framework/${draftId}/export.json`);
    expect(json.statusCode).toBe(200);
    expect(json.headers['content-disposition']).toBe('attachment; filename="leicestershire-social-value-framework-version-2.json"');
    expect(json.json()).toMatchObject({ format: 'sv-framework', formatVersion: 1, version: { name: 'Leicestershire social value framework' } });
    const exports = await db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, draftId), eq(auditEvents.operation, 'event')));
    expect(exports.map((e) => e.action).sort()).toEqual(['Exported framework version 2 as CSV', 'Exported framework version 2 as JSON']);

    // Import each back: the content is exactly the same.
    const fromCsv = await admin.upload('/framework/import', {}, { field: 'file', name: 'framework-copy.csv', type: 'text/csv', content: csv.rawPayload });
    expect(fromCsv.statusCode).toBe(303);
    const csvDraftId = idFrom(fromCsv.headers.location, /^\/framework\/([0-9a-f-]{36})\?done=imported$/);
    expect(await readContent(db, csvDraftId)).toEqual(before);
    expect(await versionByNumber(3)).toMatchObject({ id: csvDraftId, status: 'draft', name: 'Framework copy', basedOnId: null });
    expect((await admin.get(fromCsv.headers.location as string)).body).toContain('File imported as a new draft');

    const refused = await admin.upload('/framework/import', {}, { field: 'file', name: 'again.json', type: 'application/json', content: json.rawPayload });
    expect(refused.statusCode).toBe(409);
    expect(refused.body).toContain('There is already a draft');
    expect(await db.select().from(frameworkVersions)).toHaveLength(3);

    const deleted = await admin.post(`/framework/${csvDraftId}/delete`);
    expect(deleted.headers.location).toBe('/framework?done=draft-deleted');
    expect(await db.select().from(outcomes).where(eq(outcomes.versionId, csvDraftId))).toEqual([]);

    const fromJson = await admin.upload('/framework/import', {}, { field: 'file', name: 'again.json', type: 'application/json', content: json.rawPayload });
    expect(fromJson.statusCode).toBe(303);
    const jsonDraftId = idFrom(fromJson.headers.location, /^\/framework\/([0-9a-f-]{36})\?done=imported$/);
    expect(await readContent(db, jsonDraftId)).toEqual(before);
    const jsonDraft = (await db.select().from(frameworkVersions).where(eq(frameworkVersions.id, jsonDraftId)))[0]!;
    expect({ name: jsonDraft.name, notes: jsonDraft.notes }).toEqual({ name: beforeVersion.name, notes: beforeVersion.notes });
    expect((await db.select().from(auditEvents).where(eq(auditEvents.action, 'Imported framework version 3 from again.json'))).length).toBeGreaterThan(0);

    await admin.post(`/framework/${jsonDraftId}/delete`);
  });

  it('edits the name, notes and outcomes of a draft', async () => {
    const created = await admin.post('/framework/drafts');
    const draftId = idFrom(created.headers.location, /^\/framework\/([0-9a-f-]{36})/);

    const blank = await admin.post(`/framework/${draftId}/edit`, { name: '  ', notes: 'Kept' });
    expect(blank.statusCode).toBe(400);
    expect(blank.body).toContain('Enter a name for the framework');
    expect(blank.body).toContain('>Kept</textarea>');
    const saved = await admin.post(`/framework/${draftId}/edit`, { name: 'Framework 2027', notes: 'Adds a community outcome.' });
    expect(saved.headers.location).toBe(`/framework/${draftId}?done=details-saved`);
    expect((await db.select().from(frameworkVersions).where(eq(frameworkVersions.id, draftId)))[0]).toMatchObject({
      name: 'Framework 2027',
      notes: 'Adds a community outcome.',
    });

    const duplicate = await admin.post(`/framework/${draftId}/outcomes/new`, { code: 'se', title: 'Another economy' });
    expect(duplicate.statusCode).toBe(400);
    expect(duplicate.body).toContain('Enter a different code: another outcome in this version already uses it');
    const added = await admin.post(`/framework/${draftId}/outcomes/new`, { code: 'CO', title: 'Community', description: 'Stronger communities.' });
    expect(added.headers.location).toBe(`/framework/${draftId}?done=outcome-added`);
    const co = await outcomeId(draftId, 'CO');
    const content = await readContent(db, draftId);
    expect(content.outcomes.at(-1)).toEqual({ code: 'CO', title: 'Community', description: 'Stronger communities.' });
    const changed = await admin.post(`/framework/${draftId}/outcomes/${co}/edit`, { code: 'CM', title: 'Communities', description: '' });
    expect(changed.headers.location).toBe(`/framework/${draftId}?done=outcome-saved`);
    expect((await readContent(db, draftId)).outcomes.at(-1)).toEqual({ code: 'CM', title: 'Communities', description: '' });

    // An outcome with measures cannot be deleted; one without can.
    const se = await outcomeId(draftId, 'SE');
    const withMeasures = await admin.get(`/framework/${draftId}/outcomes/${se}/delete`);
    expect(withMeasures.statusCode).toBe(409);
    expect(withMeasures.body).toContain('It still has 10 measures');
    expect((await admin.post(`/framework/${draftId}/outcomes/${se}/delete`)).statusCode).toBe(409);
    expect(await outcomeId(draftId, 'SE')).toBe(se);
    expect((await admin.get(`/framework/${draftId}/outcomes/${co}/delete`)).body).toContain('Delete outcome CM: Communities?');
    const removed = await admin.post(`/framework/${draftId}/outcomes/${co}/delete`);
    expect(removed.headers.location).toBe(`/framework/${draftId}?done=outcome-deleted`);
    expect((await readContent(db, draftId)).outcomes.map((o) => o.code)).toEqual(['SE', 'WO', 'KS', 'GC', 'AH']);
  });

  it('edits and deletes a measure of a draft, moving it between outcomes', async () => {
    const draft = (await db.select().from(frameworkVersions).where(eq(frameworkVersions.status, 'draft')))[0]!;
    const [measure] = await db
      .select()
      .from(measures)
      .where(and(eq(measures.versionId, draft.id), eq(measures.code, 'GC01')));
    const edit = await admin.get(`/framework/${draft.id}/measures/${measure!.id}/edit`);
    expect(edit.statusCode).toBe(200);
    expect(edit.body).toContain('value="12.71"');
    const wo = await outcomeId(draft.id, 'WO');
    const noProxy = await admin.post(
      `/framework/${draft.id}/measures/${measure!.id}/edit`,
      measureForm(wo, { code: 'WO90', proxyPounds: '', deadweight: '0', attribution: '0', countingGuidance: '<script>alert(1)</script>\r\nSecond line' }),
    );
    expect(noProxy.headers.location).toBe(`/framework/${draft.id}/measures/${measure!.id}?done=measure-saved`);
    expect((await db.select().from(measures).where(eq(measures.id, measure!.id)))[0]).toMatchObject({
      code: 'WO90',
      outcomeId: wo,
      proxyPencePerUnit: null,
      proxySource: null,
      proxySourceUrl: null,
      proxyYear: null,
      proxyLicence: null,
    });
    const page = await admin.get(`/framework/${draft.id}/measures/${measure!.id}`);
    expect(page.body).toContain('Counted, not valued');
    expect(page.body).toContain('&lt;script&gt;alert(1)&lt;/script&gt;<br />');
    expect(page.body).not.toContain('<script>alert(1)');

    expect((await admin.get(`/framework/${draft.id}/measures/${measure!.id}/delete`)).body).toContain('Delete measure WO90');
    const deleted = await admin.post(`/framework/${draft.id}/measures/${measure!.id}/delete`);
    expect(deleted.headers.location).toBe(`/framework/${draft.id}?done=measure-deleted`);
    expect(await db.select().from(measures).where(eq(measures.id, measure!.id))).toEqual([]);
  });

  it('will not activate a draft with no measures', async () => {
    const draft = (await db.select().from(frameworkVersions).where(eq(frameworkVersions.status, 'draft')))[0]!;
    await db.transaction(async (tx) => {
      await tx.delete(measures).where(eq(measures.versionId, draft.id));
    });
    const page = await admin.get(`/framework/${draft.id}/activate`);
    expect(page.statusCode).toBe(409);
    expect(page.body).toContain('It has no measures');
    expect((await admin.post(`/framework/${draft.id}/activate`)).statusCode).toBe(409);
    expect((await db.select().from(frameworkVersions).where(eq(frameworkVersions.id, draft.id)))[0]!.status).toBe('draft');
  });

  it('reports a change refused by the database freeze as frozen, not as a failure', async () => {
    const draft = (await db.select().from(frameworkVersions).where(eq(frameworkVersions.status, 'draft')))[0]!;
    const active = (await db.select().from(frameworkVersions).where(eq(frameworkVersions.status, 'active')))[0]!;
    const result = await changeDraft(db, systemActor, draft.id, 'Test', async (tx) => {
      await tx.update(outcomes).set({ title: 'Sneaky' }).where(eq(outcomes.versionId, active.id));
    });
    expect(result).toEqual({ status: 'frozen' });
    expect((await readContent(db, active.id)).outcomes.map((o) => o.title)).not.toContain('Sneaky');
  });

  it('deletes a draft after a confirmation page', async () => {
    const draft = (await db.select().from(frameworkVersions).where(eq(frameworkVersions.status, 'draft')))[0]!;
    const confirm = await admin.get(`/framework/${draft.id}/delete`);
    expect(confirm.body).toContain(`Delete draft version ${draft.number}?`);
    expect((await admin.post(`/framework/${draft.id}/delete`)).statusCode).toBe(303);
    expect(await db.select().from(frameworkVersions).where(eq(frameworkVersions.status, 'draft'))).toEqual([]);
    expect((await admin.get('/framework?done=draft-deleted')).body).toContain('Draft deleted');
  });
});
