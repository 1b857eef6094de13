import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, hiaScreenings, requirements, users } from '../../src/db/schema/index.js';
import { determinants } from '../../src/features/hia/determinants.js';
import { createTestApp, signedInClient, type Client, type TestApp } from '../helpers/app.js';
import { databaseKinds } from '../helpers/databases.js';
import { findRequirement } from '../../src/features/assessment/requirement-pages.js';
import { saveAnswers, saveResult } from '../../src/features/hia/save-screening.js';
import { insertRequirement } from './assessment-requirements.js';

/** A screening form: every determinant "no effect", except those given. */
function answers(overrides: Record<string, string> = {}, notes: Record<string, string> = {}): Record<string, string> {
  const form: Record<string, string> = {};
  for (const d of determinants) {
    form[`impact-${d.key}`] = overrides[d.key] ?? 'none';
    if (notes[d.key]) form[`note-${d.key}`] = notes[d.key]!;
  }
  return form;
}

describe.each(databaseKinds)('health impact assessment screening on %s', (kind) => {
  let t: TestApp;
  let officer: Client;
  beforeAll(async () => {
    t = await createTestApp(kind);
    officer = await signedInClient(t.app, 'officer@council.example');
  });
  afterAll(async () => t?.close());

  const db = () => t.services.database.db;
  const screeningOf = async (id: string) => (await db().select().from(hiaScreenings).where(eq(hiaScreenings.requirementId, id)))[0];

  it('screens a requirement and confirms the proposed result', async () => {
    const { id } = await insertRequirement(db(), { title: 'Supported living in Blaby' });
    const base = `/requirements/${id}/hia`;
    const start = await officer.get(base);
    expect(start.statusCode).toBe(200);
    expect(start.body).toContain('Not started');
    expect(start.body).toContain(`href="${base}/answers"`);
    expect(start.body).toContain('Start the screening');
    // No answers yet: the result page sends the officer to answer first.
    expect((await officer.get(`${base}/result`)).headers.location).toBe(`${base}/answers`);

    const form = await officer.get(`${base}/answers`);
    for (const d of determinants) expect(form.body).toContain(d.name);
    expect(form.body).toContain('Likely positive');
    expect(form.body).toContain('Not known');

    const saved = await officer.post(
      `${base}/answers`,
      answers({ housing: 'negative', employment_income: 'positive' }, { housing: 'Two homes close during the move' }),
    );
    expect(saved.statusCode).toBe(303);
    expect(saved.headers.location).toBe(`${base}/result`);
    expect((await screeningOf(id))?.answers.housing).toEqual({ impact: 'negative', note: 'Two homes close during the move' });

    const result = await officer.get(`${base}/result`);
    expect(result.body).toContain('Proposed result: rapid health impact assessment');
    expect(result.body).toContain('One determinant is likely to be affected negatively: housing.');
    expect(result.body).toMatch(/value="rapid" checked/);

    const confirmed = await officer.post(`${base}/result`, { result: 'rapid', notes: '' });
    expect(confirmed.statusCode).toBe(303);
    expect(confirmed.headers.location).toBe(`${base}?done=completed`);
    const [owen] = await db().select().from(users).where(eq(users.email, 'officer@council.example'));
    expect(await screeningOf(id)).toMatchObject({ result: 'rapid', notes: '', completedBy: owen!.id });
    expect((await screeningOf(id))?.completedAt).toBeInstanceOf(Date);

    const summary = await officer.get(`${base}?done=completed`);
    expect(summary.body).toContain('Screening completed');
    expect(summary.body).toContain('Rapid health impact assessment');
    expect(summary.body).toContain('by Owen Hughes');
    expect(summary.body).toMatch(/<caption[^>]*>\s*Likely effects on health\s*<\/caption>/);
    expect(summary.body).toContain('Two homes close during the move');
    expect(summary.body).not.toContain('The result is not the one proposed');

    const trail = await db()
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityTable, 'hia_screenings'), eq(auditEvents.entityId, id)));
    expect(trail.map((e) => e.action)).toEqual(
      expect.arrayContaining([
        'Saved the health impact screening answers of Supported living in Blaby',
        'Completed the health impact screening of Supported living in Blaby',
      ]),
    );
    expect(trail.every((e) => e.actorLabel === 'officer@council.example')).toBe(true);
  });

  it('lets the officer choose another result, with a reason', async () => {
    const { id } = await insertRequirement(db(), { title: 'Youth clubs' });
    const base = `/requirements/${id}/hia`;
    await officer.post(`${base}/answers`, answers({ physical_activity: 'positive' }));
    expect((await officer.get(`${base}/result`)).body).toContain('Proposed result: no further assessment');

    const noReason = await officer.post(`${base}/result`, { result: 'full', notes: ' ' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.body).toContain('Enter why the result is not the one proposed (no further assessment)');
    expect(noReason.body).toContain('href="#notes"');
    expect(noReason.body).toMatch(/value="full" checked/);
    expect((await screeningOf(id))?.completedAt).toBeNull();

    const noResult = await officer.post(`${base}/result`, { notes: 'Something' });
    expect(noResult.statusCode).toBe(400);
    expect(noResult.body).toContain('Select the result of the screening');
    expect(noResult.body).toContain('Something</textarea>');

    const overridden = await officer.post(`${base}/result`, { result: 'full', notes: 'The clubs move to a site next to a main road.' });
    expect(overridden.statusCode).toBe(303);
    expect(await screeningOf(id)).toMatchObject({ result: 'full', notes: 'The clubs move to a site next to a main road.' });
    const summary = await officer.get(base);
    expect(summary.body).toContain('Full health impact assessment');
    expect(summary.body).toContain('No further assessment. No determinant is likely to be affected negatively.');
    expect(summary.body).toContain('The result is not the one proposed from the answers.');
    expect(summary.body).toContain('The clubs move to a site next to a main road.');
  });

  it('proposes a full assessment for a likely negative effect on vulnerable groups', async () => {
    const { id } = await insertRequirement(db(), { title: 'Benefits advice' });
    await officer.post(`/requirements/${id}/hia/answers`, answers({ vulnerable_groups: 'negative' }));
    const result = await officer.get(`/requirements/${id}/hia/result`);
    expect(result.body).toContain('Proposed result: full health impact assessment');
    expect(result.body).toContain('The effect on vulnerable groups and health inequalities is likely to be negative');
  });

  it('needs every determinant answered, keeping what was chosen and noted', async () => {
    const { id } = await insertRequirement(db(), { title: 'Grounds maintenance' });
    const response = await officer.post(`/requirements/${id}/hia/answers`, {
      'impact-housing': 'negative',
      'note-housing': 'Keep this note',
      'impact-healthy_food': 'perhaps',
    });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('Select the likely effect on employment and income');
    expect(response.body).toContain('href="#impact-employment_income"');
    expect(response.body).toContain('Select the likely effect on healthy food');
    expect(response.body).not.toContain('Select the likely effect on housing');
    expect(response.body).toMatch(/name="impact-housing" type="radio" value="negative" checked/);
    expect(response.body).toContain('Keep this note</textarea>');
    expect(await screeningOf(id)).toBeUndefined();
  });

  it('re-opens a completed screening when its answers change, but not when they are saved unchanged', async () => {
    const { id } = await insertRequirement(db(), { title: 'Home adaptations' });
    const base = `/requirements/${id}/hia`;
    await officer.post(`${base}/answers`, answers());
    await officer.post(`${base}/result`, { result: 'no_further_assessment' });
    expect((await screeningOf(id))?.completedAt).not.toBeNull();

    const same = await officer.post(`${base}/answers`, answers());
    expect(same.headers.location).toBe(`${base}/result`);
    expect((await screeningOf(id))?.completedAt).not.toBeNull();

    const changed = await officer.post(`${base}/answers`, answers({ older_people_carers: 'negative' }));
    expect(changed.headers.location).toBe(`${base}/result?done=reopened`);
    expect(await screeningOf(id)).toMatchObject({ completedAt: null, completedBy: null, result: null });
    const page = await officer.get(`${base}/result?done=reopened`);
    expect(page.body).toContain('The screening is no longer complete');
    expect(page.body).toContain('Proposed result: rapid health impact assessment');
    const summary = await officer.get(base);
    expect(summary.body).toContain('In progress');
    expect(summary.body).toContain('Confirm the result');
  });

  it('says an out-of-scope requirement needs no screening, and saves nothing', async () => {
    const { id } = await insertRequirement(db(), { title: 'Toner cartridges', valuePence: 4_000_000, cpvCode: '30125100' });
    for (const path of ['hia', 'hia/answers', 'hia/result']) {
      const page = await officer.get(`/requirements/${id}/${path}`);
      expect([path, page.statusCode]).toEqual([path, 200]);
      expect(page.body).toContain('No health impact screening is needed');
    }
    expect((await officer.post(`/requirements/${id}/hia/answers`, answers())).statusCode).toBe(409);
    expect((await officer.post(`/requirements/${id}/hia/result`, { result: 'rapid' })).statusCode).toBe(409);
    expect(await screeningOf(id)).toBeUndefined();
  });

  it('keeps the screening of an awarded requirement as it is', async () => {
    const { id } = await insertRequirement(db(), { title: 'Awarded already', stage: 'awarded' });
    const summary = await officer.get(`/requirements/${id}/hia`);
    expect(summary.statusCode).toBe(200);
    expect(summary.body).toContain('The requirement has been tendered and awarded');
    expect(summary.body).not.toContain('Start the screening');
    const page = await officer.get(`/requirements/${id}/hia/answers`);
    expect(page.statusCode).toBe(409);
    expect(page.body).toContain('The health impact screening can no longer be changed');
    expect((await officer.post(`/requirements/${id}/hia/answers`, answers())).statusCode).toBe(409);
    expect(await screeningOf(id)).toBeUndefined();
  });

  it('saves nothing that arrives after the requirement is cancelled, even from a form opened before', async () => {
    const { id } = await insertRequirement(db(), { title: 'Cancelled meanwhile' });
    await officer.post(`/requirements/${id}/hia/answers`, answers());
    const before = (await findRequirement(db(), id))!;
    await db().update(requirements).set({ stage: 'cancelled' }).where(eq(requirements.id, id));
    const actor = { id: null, label: 'officer@council.example' };
    const impacts = Object.fromEntries(determinants.map((d) => [d.key, { impact: 'negative', note: '' }]));
    expect(await saveAnswers(db(), actor, before, impacts)).toEqual({ status: 'settled' });
    expect(await saveResult(db(), actor, before, { result: 'no_further_assessment', notes: '' })).toEqual({ status: 'settled' });
    expect(await screeningOf(id)).toMatchObject({ result: null, completedAt: null });
    expect((await screeningOf(id))?.answers.housing?.impact).toBe('none');
  });
});
