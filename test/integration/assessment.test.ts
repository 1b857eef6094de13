import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assessmentMeasures, auditEvents, frameworkVersions, measures, opportunityAssessments, requirements, users } from '../../src/db/schema/index.js';
import { determinants } from '../../src/features/hia/determinants.js';
import { createTestApp, signedInClient, type Client, type TestApp } from '../helpers/app.js';
import { databaseKinds } from '../helpers/databases.js';
import { findRequirement } from '../../src/features/assessment/requirement-pages.js';
import { saveTask } from '../../src/features/assessment/save-task.js';
import { insertRequirement } from './assessment-requirements.js';

/** Each task's title and status, as the task list shows them. */
function taskStatuses(body: string): Record<string, string> {
  const statuses: Record<string, string> = {};
  for (const item of body.split('<li class="govuk-task-list__item').slice(1)) {
    const words = item
      .slice(0, item.indexOf('</li>'))
      .replace(/^[^>]*>/, '')
      .replace(/<[^>]+>/g, '\n')
      .split('\n')
      .map((s) => s.trim())
      .filter(Boolean);
    statuses[words[0]!] = words[words.length - 1]!;
  }
  return statuses;
}

const allPositive = Object.fromEntries(determinants.map((d) => [`impact-${d.key}`, 'positive']));

describe.each(databaseKinds)('social value opportunity assessment on %s', (kind) => {
  let t: TestApp;
  let officer: Client;
  let measureIds: Record<string, string>;
  beforeAll(async () => {
    t = await createTestApp(kind);
    officer = await signedInClient(t.app, 'officer@council.example');
    const { db } = t.services.database;
    const [active] = await db.select().from(frameworkVersions).where(eq(frameworkVersions.status, 'active'));
    const rows = await db.select({ id: measures.id, code: measures.code }).from(measures).where(eq(measures.versionId, active!.id));
    measureIds = Object.fromEntries(rows.map((r) => [r.code, r.id]));
  });
  afterAll(async () => t?.close());

  const db = () => t.services.database.db;
  const assessmentOf = async (id: string) => (await db().select().from(opportunityAssessments).where(eq(opportunityAssessments.requirementId, id)))[0];
  const stageOf = async (id: string) => (await db().select({ stage: requirements.stage }).from(requirements).where(eq(requirements.id, id)))[0]!.stage;

  /** Completes every task of the assessment through the forms. */
  async function completeTasks(id: string): Promise<void> {
    const base = `/requirements/${id}/assessment`;
    const forms: [string, Record<string, string | string[]>][] = [
      ['shaping', { shaping: 'Offer jobs to care leavers and support unpaid carers.' }],
      ['outcomes', { outcomeCodes: ['WO'] }],
      ['measures', { measureIds: [measureIds.WO03!] }],
      ['targets', {}],
      ['cost', { cost: 'none' }],
    ];
    for (const [task, form] of forms) {
      const response = await officer.post(`${base}/${task}`, { ...form, completed: 'yes' });
      expect([task, response.statusCode]).toEqual([task, 303]);
    }
  }

  it('takes an in-scope requirement through every task, checking answers, to a completed assessment', async () => {
    const { id } = await insertRequirement(db(), { districts: ['Charnwood'] });
    const base = `/requirements/${id}/assessment`;

    const start = await officer.get(base);
    expect(start.statusCode).toBe(200);
    expect(taskStatuses(start.body)).toEqual({
      'How the requirement could be shaped': 'Not started',
      'Strategic outcomes it can serve': 'Not started',
      'Measures to ask bidders for': 'Not started',
      Targets: 'Cannot start yet',
      'Cost to suppliers': 'Not started',
      'Check and complete': 'Cannot start yet',
    });
    expect(start.body).toContain(`href="${base}/shaping"`);
    expect(start.body).not.toContain(`href="${base}/targets"`);

    // Shaping: saved for later first, then finished.
    const shapingPage = await officer.get(`${base}/shaping`);
    expect(shapingPage.body).toContain('How could this requirement be shaped to bring wider benefits for Leicestershire?');
    expect(shapingPage.body).toContain('‘How this requirement could better be shaped to bring wider benefits for Leicestershire?’');
    expect((await officer.post(`${base}/shaping`, { shaping: 'Jobs for care leavers', completed: 'no' })).headers.location).toBe(base);
    expect(taskStatuses((await officer.get(base)).body)['How the requirement could be shaped']).toBe('In progress');
    const assessment = await assessmentOf(id);
    const [active] = await db().select().from(frameworkVersions).where(eq(frameworkVersions.status, 'active'));
    expect(assessment?.frameworkVersionId).toBe(active!.id);
    expect(await stageOf(id)).toBe('assessment');
    const shapingAgain = await officer.get(`${base}/shaping`);
    expect(shapingAgain.body).toContain('Jobs for care leavers</textarea>');
    expect(shapingAgain.body).toMatch(/value="no" checked/);
    await officer.post(`${base}/shaping`, { shaping: 'Jobs for care leavers, and help for unpaid carers', completed: 'yes' });

    // Outcomes.
    const outcomesPage = await officer.get(`${base}/outcomes`);
    for (const title of ['A strong economy', 'Wellbeing and opportunity', 'Keeping people safe', 'Great communities', 'Affordable and quality homes']) {
      expect(outcomesPage.body).toContain(title);
    }
    expect((await officer.post(`${base}/outcomes`, { outcomeCodes: ['WO', 'SE'], completed: 'yes' })).statusCode).toBe(303);
    expect((await assessmentOf(id))?.outcomeCodes).toEqual(['SE', 'WO']);

    // Measures: suggestions first, with reasons, then the rest by outcome.
    const measuresPage = await officer.get(`${base}/measures`);
    const body = measuresPage.body;
    expect(body).toContain('You chose these strategic outcomes: A strong economy, Wellbeing and opportunity.');
    expect(body).toContain(
      'Suggested because the requirement is in health and social work services and you chose Wellbeing and opportunity. Counted in FTE years.',
    );
    expect(body).toContain('Suggested because the work is delivered in Charnwood and you chose A strong economy. Counted in FTE years.');
    const suggested = body.slice(body.indexOf('Suggested measures'), body.indexOf('Other measures'));
    expect(suggested).toContain(`value="${measureIds.WO03}"`);
    expect(suggested).toContain(`value="${measureIds.WO15}"`);
    expect(suggested).not.toContain(`value="${measureIds.AH01}"`);
    expect(body.slice(body.indexOf('Other measures'))).toContain(`value="${measureIds.AH01}"`);
    expect(body.indexOf(`value="${measureIds.WO03}"`)).toBeLessThan(body.indexOf(`value="${measureIds.KS01}"`));
    // Each measure is offered once.
    expect(body.split(`value="${measureIds.WO03}"`)).toHaveLength(2);

    const chosen = [measureIds.WO03!, measureIds.WO15!, measureIds.AH01!];
    expect((await officer.post(`${base}/measures`, { measureIds: chosen, completed: 'yes' })).statusCode).toBe(303);
    const saved = await db().select().from(assessmentMeasures).where(eq(assessmentMeasures.requirementId, id));
    const reasons = Object.fromEntries(saved.map((m) => [m.measureId, m.reason]));
    expect(reasons[measureIds.WO03!]).toBe('Suggested because the requirement is in health and social work services and you chose Wellbeing and opportunity');
    expect(reasons[measureIds.AH01!]).toBe('');

    // Targets: a bad one is named and kept, nothing is saved; then good ones.
    const targetsPage = await officer.get(`${base}/targets`);
    expect(targetsPage.body).toContain('Jobs for care leavers');
    const bad = await officer.post(`${base}/targets`, {
      [`target-${measureIds.WO03}`]: '-2',
      [`target-${measureIds.WO15}`]: '24',
      notes: 'From the providers’ day',
      completed: 'yes',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Target for Jobs for care leavers must be 0 or more');
    expect(bad.body).toContain(`href="#target-${measureIds.WO03}"`);
    expect(bad.body).toContain('value="-2"');
    expect(bad.body).toContain('value="24"');
    expect(bad.body).toContain('From the providers’ day</textarea>');
    expect((await db().select().from(assessmentMeasures).where(eq(assessmentMeasures.requirementId, id))).every((m) => m.targetHundredths === null)).toBe(true);
    await officer.post(`${base}/targets`, {
      [`target-${measureIds.WO03}`]: '2.5',
      [`target-${measureIds.WO15}`]: '24',
      notes: 'From the providers’ day',
      completed: 'yes',
    });

    // Cost to suppliers: an added cost needs explaining.
    const cost = await officer.post(`${base}/cost`, { cost: 'some', completed: 'yes' });
    expect(cost.statusCode).toBe(400);
    expect(cost.body).toContain('Explain what the added cost to suppliers would be and why it is needed');
    expect(cost.body).toMatch(/value="some" checked/);
    await officer.post(`${base}/cost`, { cost: 'none', completed: 'yes' });

    const ready = await officer.get(base);
    expect(taskStatuses(ready.body)).toEqual({
      'How the requirement could be shaped': 'Completed',
      'Strategic outcomes it can serve': 'Completed',
      'Measures to ask bidders for': 'Completed',
      Targets: 'Completed',
      'Cost to suppliers': 'Completed',
      'Check and complete': 'Not started',
    });

    // Check answers, then complete.
    const check = await officer.get(`${base}/check`);
    expect(check.statusCode).toBe(200);
    expect(check.body).toContain('Check your answers');
    for (const text of [
      'Jobs for care leavers, and help for unpaid carers',
      'A strong economy',
      'Wellbeing and opportunity',
      '2.5 FTE years',
      '24 sessions',
      'No target',
      'Yes, at no added cost to suppliers',
      'From the providers’ day',
    ]) {
      expect(check.body).toContain(text);
    }
    expect(check.body).toContain(`href="${base}/targets"`);
    expect(check.body).toContain('Complete assessment');
    const completed = await officer.post(`${base}/check`);
    expect(completed.statusCode).toBe(303);
    expect(completed.headers.location).toBe(`${base}?done=completed`);
    expect((await assessmentOf(id))?.completedAt).toBeInstanceOf(Date);
    const after = await officer.get(`${base}?done=completed`);
    expect(after.body).toContain('Assessment completed');
    expect(taskStatuses(after.body)['Check and complete']).toBe('Completed');
    expect(await stageOf(id)).toBe('assessment');

    // The trail has each change, by the officer, in plain words.
    const [owen] = await db().select().from(users).where(eq(users.email, 'officer@council.example'));
    const trail = await db()
      .select()
      .from(auditEvents)
      .where(and(inArray(auditEvents.entityTable, ['opportunity_assessments', 'assessment_measures']), eq(auditEvents.entityId, id)));
    const actions = trail.map((e) => e.action);
    expect(actions).toContain('Completed the social value assessment of Home care for older people in Charnwood');
    expect(actions).toContain('Saved “Measures to ask bidders for” in the social value assessment of Home care for older people in Charnwood');
    expect(trail.every((e) => e.actorId === owen!.id)).toBe(true);
    const measureTrail = await db()
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityTable, 'assessment_measures'), eq(auditEvents.operation, 'insert')));
    expect(measureTrail.length).toBeGreaterThanOrEqual(3);
  });

  it('suggests apprenticeships for a statutory-scale construction requirement, saying why', async () => {
    const { id, applicability } = await insertRequirement(db(), {
      title: 'New school building',
      valuePence: 600_000_000,
      cpvCode: '45214200',
      districts: ['Harborough'],
    });
    expect(applicability).toBe('statutory');
    const body = (await officer.get(`/requirements/${id}/assessment/measures`)).body;
    expect(body).toContain(
      'Suggested because the requirement is construction work and its value is above the statutory threshold, large enough to offer apprenticeships.',
    );
    expect(body).toContain('Suggested because the work is delivered in Harborough.');
    expect(body).toContain('You have not chosen any strategic outcomes yet.');
    const suggested = body.slice(body.indexOf('Suggested measures'), body.indexOf('Other measures'));
    expect(suggested.indexOf(`value="${measureIds.SE02}"`)).toBeGreaterThan(-1);
    expect(suggested.indexOf(`value="${measureIds.SE02}"`)).toBeLessThan(suggested.indexOf(`value="${measureIds.SE05}"`));
  });

  it('re-opens a completed assessment when a task changes, but not when it is saved unchanged', async () => {
    const { id } = await insertRequirement(db(), { title: 'Day services in Melton' });
    const base = `/requirements/${id}/assessment`;
    await completeTasks(id);
    await officer.post(`${base}/check`);
    expect((await assessmentOf(id))?.completedAt).not.toBeNull();

    const same = await officer.post(`${base}/outcomes`, { outcomeCodes: ['WO'], completed: 'yes' });
    expect(same.headers.location).toBe(base);
    expect((await assessmentOf(id))?.completedAt).not.toBeNull();

    const changed = await officer.post(`${base}/outcomes`, { outcomeCodes: ['WO', 'GC'], completed: 'yes' });
    expect(changed.headers.location).toBe(`${base}?done=reopened`);
    expect((await assessmentOf(id))?.completedAt).toBeNull();
    const page = await officer.get(`${base}?done=reopened`);
    expect(page.body).toContain('The assessment is no longer complete');
    expect(taskStatuses(page.body)['Check and complete']).toBe('Not started');

    await officer.post(`${base}/check`);
    expect((await assessmentOf(id))?.completedAt).not.toBeNull();
    // Saying a task is not finished after all also re-opens it.
    const unfinished = await officer.post(`${base}/cost`, { cost: 'none', completed: 'no' });
    expect(unfinished.headers.location).toBe(`${base}?done=reopened`);
    const after = await assessmentOf(id);
    expect(after?.completedAt).toBeNull();
    expect(after?.completedTasks).not.toContain('cost');
  });

  it('puts the requirement ready to tender once the assessment and the screening are complete, and back when either re-opens', async () => {
    const { id } = await insertRequirement(db(), { title: 'Carers’ breaks' });
    await completeTasks(id);
    await officer.post(`/requirements/${id}/assessment/check`);
    expect(await stageOf(id)).toBe('assessment');
    await officer.post(`/requirements/${id}/hia/answers`, allPositive);
    await officer.post(`/requirements/${id}/hia/result`, { result: 'no_further_assessment' });
    expect(await stageOf(id)).toBe('ready_to_tender');

    await officer.post(`/requirements/${id}/assessment/shaping`, { shaping: 'A different idea', completed: 'yes' });
    expect(await stageOf(id)).toBe('assessment');
  });

  it('refuses to complete an assessment with unfinished tasks, linking to each', async () => {
    const { id } = await insertRequirement(db(), { title: 'Meals at home' });
    const base = `/requirements/${id}/assessment`;
    await officer.post(`${base}/shaping`, { shaping: 'Local food', completed: 'yes' });
    const response = await officer.post(`${base}/check`);
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('govuk-error-summary');
    expect(response.body).toContain(`href="${base}/outcomes"`);
    expect(response.body).toContain('Complete “Strategic outcomes it can serve” before you complete the assessment');
    expect(response.body).toContain('Complete “Cost to suppliers” before you complete the assessment');
    expect(response.body).not.toContain('Complete “How the requirement could be shaped”');
    expect((await assessmentOf(id))?.completedAt).toBeNull();
    // The check page does not offer to complete it.
    expect((await officer.get(`${base}/check`)).body).not.toContain('Complete assessment');
  });

  it('asks whether a task is finished, keeps what was typed, and refuses measures that are not in the framework', async () => {
    const { id } = await insertRequirement(db(), { title: 'Library van' });
    const base = `/requirements/${id}/assessment`;
    const noAnswer = await officer.post(`${base}/shaping`, { shaping: 'A mobile library stop at schools' });
    expect(noAnswer.statusCode).toBe(400);
    expect(noAnswer.body).toContain('Select whether you have completed this task');
    expect(noAnswer.body).toContain('A mobile library stop at schools</textarea>');

    const empty = await officer.post(`${base}/measures`, { completed: 'yes' });
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain('Select at least one measure to ask bidders for');
    expect(empty.body).toContain('href="#measureIds"');

    const unknown = await officer.post(`${base}/measures`, { measureIds: [measureIds.WO03!, '00000000-0000-4000-8000-000000000000'], completed: 'yes' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.body).toContain('Select measures from the list');
    expect(await db().select().from(assessmentMeasures).where(eq(assessmentMeasures.requirementId, id))).toEqual([]);
    expect(await assessmentOf(id)).toBeUndefined();

    // Targets cannot start until there are measures.
    const targets = await officer.get(`${base}/targets`);
    expect(targets.statusCode).toBe(303);
    expect(targets.headers.location).toBe(base);
  });

  it('shows an out-of-scope requirement a page saying no assessment is needed, and saves nothing', async () => {
    const { id, applicability } = await insertRequirement(db(), { title: 'Office chairs', valuePence: 4_000_000, cpvCode: '39110000' });
    expect(applicability).toBe('out_of_scope');
    for (const path of ['assessment', 'assessment/shaping', 'assessment/measures', 'assessment/check']) {
      const response = await officer.get(`/requirements/${id}/${path}`);
      expect([path, response.statusCode]).toEqual([path, 200]);
      expect(response.body).toContain('No social value assessment is needed');
      expect(response.body).toContain('£40,000');
      expect(response.body).not.toContain(`action="/requirements/${id}`);
    }
    const post = await officer.post(`/requirements/${id}/assessment/shaping`, { shaping: 'Forced', completed: 'yes' });
    expect(post.statusCode).toBe(409);
    expect(post.body).toContain('No social value assessment is needed');
    expect(await assessmentOf(id)).toBeUndefined();
  });

  it('keeps the assessment of a requirement that is out to tender as it is', async () => {
    const { id } = await insertRequirement(db(), { title: 'Tendered already', stage: 'tendering' });
    const base = `/requirements/${id}/assessment`;
    const list = await officer.get(base);
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain('The requirement is out to tender');
    expect(list.body).not.toContain(`href="${base}/shaping"`);
    const page = await officer.get(`${base}/shaping`);
    expect(page.statusCode).toBe(409);
    expect(page.body).toContain('The assessment can no longer be changed');
    expect((await officer.post(`${base}/shaping`, { shaping: 'Late', completed: 'yes' })).statusCode).toBe(409);
    expect((await officer.post(`${base}/check`)).statusCode).toBe(409);
    expect(await assessmentOf(id)).toBeUndefined();
    expect(await stageOf(id)).toBe('tendering');
  });

  it('saves nothing that arrives after the requirement went out to tender, even from a form opened before', async () => {
    const { id } = await insertRequirement(db(), { title: 'Opened before publication' });
    const before = (await findRequirement(db(), id))!;
    await db().update(requirements).set({ stage: 'tendering' }).where(eq(requirements.id, id));
    const actor = { id: null, label: 'officer@council.example' };
    expect(await saveTask(db(), actor, before, { task: 'shaping', shaping: 'Too late' }, true)).toEqual({ status: 'settled' });
    expect(await assessmentOf(id)).toBeUndefined();
    expect(await stageOf(id)).toBe('tendering');
  });

  // Last: it activates a new framework version.
  it('keeps the framework version an assessment started with, and says when a newer one is active', async () => {
    const { id } = await insertRequirement(db(), { title: 'Respite care' });
    const base = `/requirements/${id}/assessment`;
    await officer.post(`${base}/measures`, { measureIds: [measureIds.WO03!], completed: 'no' });
    const started = (await assessmentOf(id))!.frameworkVersionId;
    expect((await officer.get(base)).body).not.toContain('A newer version is now active');

    const admin = await signedInClient(t.app, 'admin@council.example');
    const draft = await admin.post('/framework/drafts');
    const draftId = /\/framework\/([0-9a-f-]{36})/.exec(String(draft.headers.location))![1]!;
    expect((await admin.post(`/framework/${draftId}/activate`)).statusCode).toBe(303);

    const list = await officer.get(base);
    expect(list.body).toContain('This assessment uses version 1 of the framework');
    expect(list.body).toContain('A newer version is now active');
    const page = await officer.get(`${base}/measures`);
    expect(page.body).toContain(`value="${measureIds.WO03}" checked`);
    await officer.post(`${base}/shaping`, { shaping: 'Breaks for carers', completed: 'yes' });
    expect((await assessmentOf(id))!.frameworkVersionId).toBe(started);

    // A new assessment starts with the version active now.
    const later = await insertRequirement(db(), { title: 'Later requirement' });
    await officer.post(`/requirements/${later.id}/assessment/shaping`, { shaping: 'Something', completed: 'no' });
    expect((await assessmentOf(later.id))!.frameworkVersionId).toBe(draftId);
    expect((await officer.get(`/requirements/${later.id}/assessment`)).body).toContain('Version 2 of the social value framework');
  });
});
