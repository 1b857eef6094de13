import { and, eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appSettings, auditEvents, mailOutbox, requirements, tenders } from '../../src/db/schema/index.js';
import { defaultScale } from '../../src/features/tenders/defaults.js';
import { saveMeasures } from '../../src/features/tenders/save-measures.js';
import { saveTenderFields } from '../../src/features/tenders/save-tender-fields.js';
import { createTestApp, signedInClient, type Client, type TestApp } from '../helpers/app.js';
import { databaseKinds } from '../helpers/databases.js';
import {
  activeMeasureIds,
  activeVersionId,
  completeSetup,
  createDraft,
  futureClosing,
  insertRequirement,
  organisationIdOf,
  tenderMeasureCodes,
  tenderRow,
  tenderSnapshot,
  userIdOf,
} from './tenders-fixtures.js';

describe.each(databaseKinds)('tender set-up and publication on %s', (kind) => {
  let t: TestApp;
  let officer: Client;
  const db = () => t.services.database.db;

  beforeAll(async () => {
    t = await createTestApp(kind);
    officer = await signedInClient(t.app, 'officer@council.example');
  });
  afterAll(async () => t?.close());

  it('creates a draft tender from a ready requirement, with the defaults and the assessment’s measures', async () => {
    const requirement = await insertRequirement(db(), {
      assessed: [
        { code: 'SE01', targetHundredths: 250 },
        { code: 'WO02', targetHundredths: null },
      ],
    });
    const response = await officer.post(`/requirements/${requirement.id}/tender`);
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toMatch(/^\/tenders\/[0-9a-f-]{36}\?done=created$/);
    const id = /\/tenders\/([0-9a-f-]{36})/.exec(String(response.headers.location))![1]!;

    const tender = await tenderRow(db(), id);
    expect(tender).toMatchObject({
      requirementId: requirement.id,
      title: requirement.title,
      status: 'draft',
      svWeightBps: 1000,
      quantitativeShareBps: 5000,
      quantitativeMethod: 'highest_offer',
      riskShareBps: 2000,
      scale: defaultScale,
      frameworkVersionId: await activeVersionId(db()),
      closingAt: null,
    });
    expect(tender.scale.map((p) => p.score)).toEqual([0, 25, 50, 75, 100]);
    expect(await tenderMeasureCodes(db(), id)).toEqual([
      expect.objectContaining({ code: 'SE01', minimumHundredths: 250 }),
      expect.objectContaining({ code: 'WO02', minimumHundredths: null }),
    ]);

    const page = await officer.get(response.headers.location!);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Draft tender created');
    expect(page.body).toContain('Before you can publish');
    expect(page.body).toContain('2.5 ');

    // One live tender per requirement: asking again goes to the same tender.
    const again = await officer.post(`/requirements/${requirement.id}/tender`);
    expect(again.statusCode).toBe(303);
    expect(again.headers.location).toBe(`/tenders/${id}`);
    expect(await db().select().from(tenders).where(eq(tenders.requirementId, requirement.id))).toHaveLength(1);

    const [event] = await db()
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityTable, 'tenders'), eq(auditEvents.entityId, id), eq(auditEvents.operation, 'insert')));
    expect(event).toMatchObject({ actorLabel: 'officer@council.example' });
    expect(event!.action).toMatch(/^Created a draft tender for requirement \d+$/);
  });

  it('refuses a tender for an in-scope requirement that is not ready, listing what it lacks, unless the gate is relaxed', async () => {
    const requirement = await insertRequirement(db(), { ready: false });
    const refused = await officer.post(`/requirements/${requirement.id}/tender`);
    expect(refused.statusCode).toBe(409);
    expect(refused.body).toContain('This requirement is not ready to tender');
    expect(refused.body).toContain('Complete the opportunity assessment');
    expect(refused.body).toContain('Complete the health impact screening');
    expect(refused.body).toContain(`href="/requirements/${requirement.id}"`);
    expect(await db().select().from(tenders).where(eq(tenders.requirementId, requirement.id))).toHaveLength(0);

    await db()
      .insert(appSettings)
      .values({ key: 'tender_gate', value: { requireAssessment: false } });
    try {
      const allowed = await officer.post(`/requirements/${requirement.id}/tender`);
      expect(allowed.statusCode).toBe(303);
      expect(await db().select().from(tenders).where(eq(tenders.requirementId, requirement.id))).toHaveLength(1);
    } finally {
      await db().delete(appSettings).where(eq(appSettings.key, 'tender_gate'));
    }
  });

  it('lets an out-of-scope requirement go to tender without the gate', async () => {
    const requirement = await insertRequirement(db(), { applicability: 'out_of_scope', ready: false });
    expect((await officer.post(`/requirements/${requirement.id}/tender`)).statusCode).toBe(303);
  });

  it('treats unknown and malformed ids as not found', async () => {
    const unknown = '00000000-0000-4000-8000-000000000000';
    expect((await officer.post(`/requirements/${unknown}/tender`)).statusCode).toBe(404);
    expect((await officer.post('/requirements/nope/tender')).statusCode).toBe(404);
    for (const url of [`/tenders/${unknown}`, '/tenders/nope', `/tenders/${unknown}/weighting`, `/tenders/${unknown}/publish`]) {
      expect([url, (await officer.get(url)).statusCode]).toEqual([url, 404]);
    }
  });

  describe('set-up pages refuse bad input, keep what was typed and save nothing', () => {
    let id: string;
    beforeAll(async () => {
      id = await createDraft(officer, (await insertRequirement(db())).id);
    });

    async function expectRefused(path: string, form: Record<string, string | string[]>, messages: string[], kept: string[] = []) {
      const before = await tenderSnapshot(db(), id);
      const response = await officer.post(`/tenders/${id}/${path}`, form);
      expect(response.statusCode).toBe(400);
      expect(response.body).toContain('govuk-error-summary');
      for (const message of messages) expect(response.body).toContain(message);
      for (const value of kept) expect(response.body).toContain(value);
      expect(await tenderSnapshot(db(), id)).toEqual(before);
      return response;
    }

    it('weighting: the split must add up to 100%', async () => {
      await expectRefused(
        'weighting',
        { svWeight: '15', lowWeightReason: '', quantitativeShare: '60', qualitativeShare: '30' },
        ['The quantitative and qualitative shares must add up to 100%'],
        ['value="15"', 'value="60"', 'value="30"'],
      );
    });

    it('weighting: below 10% needs a reason, which is kept only while needed', async () => {
      await expectRefused('weighting', { svWeight: '5', lowWeightReason: ' ', quantitativeShare: '50', qualitativeShare: '50' }, [
        'Enter why social value is weighted below 10%',
      ]);
      await expectRefused('weighting', { svWeight: 'ten', lowWeightReason: '', quantitativeShare: '', qualitativeShare: '50' }, [
        'Enter the social value weighting as a percentage from 0 to 100, like 10',
        'Enter the quantitative share as a percentage, like 50',
      ]);
      const reason = 'A call-off from a national framework whose scoring model is fixed';
      const saved = await officer.post(`/tenders/${id}/weighting`, { svWeight: '5', lowWeightReason: reason, quantitativeShare: '70', qualitativeShare: '30' });
      expect(saved.statusCode).toBe(303);
      expect(await tenderRow(db(), id)).toMatchObject({ svWeightBps: 500, lowWeightReason: reason, quantitativeShareBps: 7000 });
      await officer.post(`/tenders/${id}/weighting`, { svWeight: '12.5', lowWeightReason: reason, quantitativeShare: '50', qualitativeShare: '50' });
      const tender = await tenderRow(db(), id);
      expect(tender).toMatchObject({ svWeightBps: 1250, lowWeightReason: null, quantitativeShareBps: 5000 });
      const events = await db()
        .select()
        .from(auditEvents)
        .where(and(eq(auditEvents.entityId, id), eq(auditEvents.action, `Changed the social value weighting of tender ${tender.number}`)));
      expect(events).toHaveLength(2);
      expect(events[1]).toMatchObject({ actorLabel: 'officer@council.example', operation: 'update' });
      expect(events[1]!.after).toMatchObject({ sv_weight_bps: 1250, low_weight_reason: null });
    });

    it('measures: at least one, only from the framework, and readable minimums', async () => {
      const byCode = await activeMeasureIds(db());
      await expectRefused('measures', {}, ['Select at least one measure that bidders may commit to']);
      await expectRefused('measures', { measures: [byCode.get('SE01')!, '00000000-0000-4000-8000-000000000000'] }, ['Select measures from the list']);
      const se01 = byCode.get('SE01')!;
      const response = await expectRefused('measures', { measures: [se01], [`minimum-${se01}`]: '-3' }, [
        'Enter the minimum for SE01 as a number of 0 or more, like 12.5, or leave it empty',
      ]);
      expect(response.body).toContain('value="-3"');
      expect(response.body).toContain(`href="#minimum-${se01}"`);
      const saved = await officer.post(`/tenders/${id}/measures`, { measures: [se01, byCode.get('GC01')!], [`minimum-${se01}`]: '1,200.5' });
      expect(saved.statusCode).toBe(303);
      expect(await tenderMeasureCodes(db(), id)).toEqual([
        expect.objectContaining({ code: 'GC01', minimumHundredths: null }),
        expect.objectContaining({ code: 'SE01', minimumHundredths: 120050 }),
      ]);
    });

    it('questions: each needs wording and a weight, and together they may not pass 100%', async () => {
      await expectRefused('questions/new', { title: '', guidance: '', weight: '' }, [
        'Enter the question bidders must answer',
        'Enter the weight of the question as a percentage of the qualitative score, like 50',
      ]);
      expect((await officer.post(`/tenders/${id}/questions/new`, { title: 'How will you recruit locally?', guidance: '', weight: '60' })).statusCode).toBe(303);
      await expectRefused(
        'questions/new',
        { title: 'How will you reduce carbon?', guidance: 'Cover travel.', weight: '50' },
        ['The question weights would add up to 110%. Enter a weight of 40% or less'],
        ['How will you reduce carbon?', 'Cover travel.', 'value="50"'],
      );
    });

    it('closing date: must be a real date and time, in the future', async () => {
      await expectRefused('closing', { 'closingDate-day': '', 'closingDate-month': '', 'closingDate-year': '', closingTime: '' }, [
        'Enter the closing date',
        'Enter the closing time, like 12pm or 17:00',
      ]);
      await expectRefused('closing', { 'closingDate-day': '31', 'closingDate-month': '2', 'closingDate-year': '2030', closingTime: '25:00' }, [
        'Closing date must be a real date',
        'Enter the closing time as a time of day, like 12pm or 17:00',
      ]);
      await expectRefused(
        'closing',
        { 'closingDate-day': '1', 'closingDate-month': '3', 'closingDate-year': '2021', closingTime: '5pm' },
        ['The closing date and time must be in the future'],
        ['value="2021"', 'value="5pm"'],
      );
      const year = String(new Date().getUTCFullYear() + 1);
      expect((await officer.post(`/tenders/${id}/closing`, { ...futureClosing(), 'closingDate-month': '7', closingTime: '17:00' })).statusCode).toBe(303);
      expect((await tenderRow(db(), id)).closingAt!.toISOString()).toBe(`${year}-07-30T16:00:00.000Z`);
    });

    it('suppliers and evaluators: at least one, from the list', async () => {
      await expectRefused('suppliers', {}, ['Select at least one supplier to invite']);
      const council = await organisationIdOf(db(), 'Leicestershire County Council');
      await expectRefused('suppliers', { suppliers: council }, ['Select suppliers from the list']);
      await expectRefused('evaluators', {}, ['Select at least one evaluator']);
      const notAnEvaluator = await userIdOf(db(), 'officer@council.example');
      await expectRefused('evaluators', { evaluators: notAnEvaluator }, ['Select evaluators from the list']);
    });

    it('scale, method and risk flag: each needs an answer', async () => {
      await expectRefused('scale', { descriptor0: 'Nothing', descriptor25: '', descriptor50: 'Some', descriptor75: 'Good', descriptor100: 'Great' }, [
        'Enter what a score of 25 means',
      ]);
      await expectRefused('method', { method: 'lowest_price' }, ['Select how the quantitative score is worked out']);
      await expectRefused('risk-share', { riskShare: '0' }, ['Enter the share of the bid price as a percentage more than 0 and up to 100, like 20']);
    });

    it('publishing lists every problem and publishes nothing', async () => {
      const before = await tenderSnapshot(db(), id);
      const response = await officer.post(`/tenders/${id}/publish`);
      expect(response.statusCode).toBe(400);
      expect(response.body).toContain('You cannot publish this tender yet');
      expect(response.body).toContain('The question weights add up to 60%. Change them so that they add up to 100%');
      expect(response.body).toContain('Invite at least one supplier');
      expect(response.body).toContain('Choose at least one evaluator');
      expect(response.body).toContain(`href="/tenders/${id}/questions#questions"`);
      expect(await tenderSnapshot(db(), id)).toEqual(before);
    });
  });

  it('publishes a complete tender, freezing its set-up and recording the framework version', async () => {
    const requirement = await insertRequirement(db());
    const id = await createDraft(officer, requirement.id);
    await completeSetup(db(), officer, id);

    const check = await officer.get(`/tenders/${id}/publish`);
    expect(check.statusCode).toBe(200);
    expect(check.body).toContain('Check the tender before you publish it');
    expect(check.body).toContain('How will you recruit local people?');
    expect(check.body).toContain('Publish tender');

    const published = await officer.post(`/tenders/${id}/publish`);
    expect(published.statusCode).toBe(303);
    expect(published.headers.location).toBe(`/tenders/${id}?done=published`);
    const tender = await tenderRow(db(), id);
    expect(tender.status).toBe('published');
    expect(tender.publishedAt).toBeInstanceOf(Date);
    expect(tender.frameworkVersionId).toBe(await activeVersionId(db()));
    const [req] = await db().select().from(requirements).where(eq(requirements.id, requirement.id));
    expect(req!.stage).toBe('tendering');

    const mail = await db().select().from(mailOutbox);
    expect(
      mail
        .filter((m) => m.subject === `Invitation to tender: ${tender.title}`)
        .map((m) => m.to)
        .sort(),
    ).toEqual(['supplier3@soarvalley.example', 'supplier@supplier.example']);
    expect(mail.filter((m) => m.subject === `You are an evaluator for tender ${tender.number}`).map((m) => m.to)).toEqual(['evaluator@council.example']);

    const [event] = await db()
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityTable, 'tenders'), eq(auditEvents.entityId, id), like(auditEvents.action, 'Published tender%')));
    expect(event).toMatchObject({ action: `Published tender ${tender.number}`, actorLabel: 'officer@council.example', operation: 'update' });

    const page = await officer.get(published.headers.location!);
    expect(page.body).toContain('Tender published');
    expect(page.body).toContain('Open for bids');
    expect(page.body).not.toContain('>Change<');

    // Frozen: every set-up page refuses, and nothing changes.
    const before = await tenderSnapshot(db(), id);
    const byCode = await activeMeasureIds(db());
    const question = before.questions[0]!.id;
    const attempts: [string, Record<string, string | string[]>][] = [
      ['title', { title: 'Changed' }],
      ['weighting', { svWeight: '30', lowWeightReason: '', quantitativeShare: '50', qualitativeShare: '50' }],
      ['method', { method: 'value_per_pound' }],
      ['measures', { measures: [byCode.get('GC01')!] }],
      ['questions/new', { title: 'Another', guidance: '', weight: '10' }],
      [`questions/${question}/edit`, { title: 'Changed', guidance: '', weight: '60' }],
      [`questions/${question}/delete`, {}],
      ['scale', { descriptor0: 'a', descriptor25: 'b', descriptor50: 'c', descriptor75: 'd', descriptor100: 'e' }],
      ['closing', futureClosing()],
      ['risk-share', { riskShare: '50' }],
      ['suppliers', { suppliers: before.suppliers.map((s) => s.organisationId).slice(0, 1) }],
      ['evaluators', { evaluators: before.evaluators.map((e) => e.userId) }],
      ['publish', {}],
    ];
    for (const [path, form] of attempts) {
      const response = await officer.post(`/tenders/${id}/${path}`, form);
      expect([path, response.statusCode]).toEqual([path, 409]);
      expect(response.body).toContain(`Tender ${tender.number} can no longer be changed`);
      const get = await officer.get(`/tenders/${id}/${path}`);
      expect([path, get.statusCode]).toEqual([path, 409]);
    }
    expect(await tenderSnapshot(db(), id)).toEqual(before);

    // A change begun before publication (the page was loaded while it was a draft) is refused under the tender's lock.
    const stale = { ...tender, status: 'draft' as const };
    expect(await saveTenderFields(db(), { id: null, label: 'test' }, stale, 'Changed the risk flag', { riskShareBps: 5000 })).toEqual({ status: 'frozen' });
    expect(await saveMeasures(db(), { id: null, label: 'test' }, stale, tender.frameworkVersionId, [])).toEqual({ status: 'frozen' });
    expect(await tenderSnapshot(db(), id)).toEqual(before);
  });
});
