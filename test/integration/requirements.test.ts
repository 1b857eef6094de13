import { and, count, desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, frameworkVersions, hiaScreenings, opportunityAssessments, requirements, tenders, users } from '../../src/db/schema/index.js';
import { applicability } from '../../src/domain/applicability.js';
import { todayIso } from '../../src/domain/dates.js';
import { loadThresholds } from '../../src/features/thresholds/repository.js';
import { systemActor, withAudit } from '../../src/platform/audit.js';
import { createTestApp, signedInClient, type Client, type TestApp } from '../helpers/app.js';
import { databaseKinds } from '../helpers/databases.js';

const HOME_CARE = 'Home care support for adults in Charnwood';
const STATIONERY = 'Stationery for county libraries';

/** The forward plan's row for a requirement, from its title to the end of the row. */
function rowOf(body: string, title: string): string {
  const start = body.indexOf(`>${title}</a>`);
  if (start < 0) throw new Error(`no row for ${title}`);
  return body.slice(start, body.indexOf('</tr>', start));
}

/** The titles listed in the forward plan's tables. */
function titlesIn(body: string): string[] {
  return [...body.matchAll(/<a class="govuk-link" href="\/requirements\/[0-9a-f-]{36}">([^<]+)<\/a>/g)].map((m) => m[1]!);
}

/** The value a text input shows. */
function inputValue(body: string, name: string): string | undefined {
  return new RegExp(`<input[^>]* name="${name}"[^>]* value="([^"]*)"`).exec(body)?.[1];
}

/** The applicability tag's words. */
function tagsIn(body: string): string[] {
  return [...body.matchAll(/<span class="govuk-visually-hidden">Social value: <\/span>([^<]+)<\/strong>/g)].map((m) => m[1]!);
}

describe.each(databaseKinds)('requirements on %s', (kind) => {
  let t: TestApp;
  let officer: Client;
  let admin: Client;
  let viewer: Client;
  let supplier: Client;
  let officerId: string;

  /** A complete requirement form, with some fields changed. */
  function form(changes: Record<string, string | string[]> = {}): Record<string, string | string[]> {
    return {
      title: 'School transport in Melton',
      description: 'Home to school transport for pupils with special educational needs',
      directorate: 'Children and Family Services',
      category: '60130000',
      cpvCode: '',
      value: '75,000',
      includesVat: 'no',
      'expectedStart-day': '1',
      'expectedStart-month': '9',
      'expectedStart-year': '2027',
      duration: '36',
      districts: ['Melton'],
      owner: officerId,
      ...changes,
    };
  }

  async function create(changes: Record<string, string | string[]> = {}): Promise<string> {
    const response = await officer.post('/requirements/new', form(changes));
    expect(response.statusCode).toBe(303);
    const id = /^\/requirements\/([0-9a-f-]{36})\?done=added$/.exec(String(response.headers.location))?.[1];
    if (!id) throw new Error(`unexpected redirect to ${response.headers.location}`);
    return id;
  }

  async function stored(id: string) {
    const [row] = await t.testDb.database.db.select().from(requirements).where(eq(requirements.id, id));
    return row!;
  }

  async function idOf(title: string): Promise<string> {
    const [row] = await t.testDb.database.db.select({ id: requirements.id }).from(requirements).where(eq(requirements.title, title));
    return row!.id;
  }

  async function requirementCount(): Promise<number> {
    const [row] = await t.testDb.database.db.select({ n: count() }).from(requirements);
    return row!.n;
  }

  beforeAll(async () => {
    t = await createTestApp(kind);
    [officer, admin, viewer, supplier] = await Promise.all([
      signedInClient(t.app, 'officer@council.example'),
      signedInClient(t.app, 'admin@council.example'),
      signedInClient(t.app, 'viewer@council.example'),
      signedInClient(t.app, 'supplier@supplier.example'),
    ]);
    const [me] = await t.testDb.database.db.select({ id: users.id }).from(users).where(eq(users.email, 'officer@council.example'));
    officerId = me!.id;
  });
  afterAll(async () => t?.close());

  describe('the demo requirements', () => {
    it('are stored with the applicability the real rule gives today with the seeded thresholds', async () => {
      const db = t.testDb.database.db;
      const thresholds = await loadThresholds(db);
      for (const [title, level] of [
        [HOME_CARE, 'policy'],
        [STATIONERY, 'out_of_scope'],
      ] as const) {
        const row = await stored(await idOf(title));
        const answer = applicability(row.estimatedValuePence, row.valueIncludesVat, todayIso(), thresholds);
        expect(row.applicability).toBe(level);
        expect(answer.level).toBe(level);
        expect(row.applicabilityExplanation).toBe(answer.explanation);
        expect(row.stage).toBe('pipeline');
        expect(row.ownerId).toBe(officerId);
      }
      const homeCare = await stored(await idOf(HOME_CARE));
      expect(homeCare).toMatchObject({ estimatedValuePence: 7_500_000, cpvCode: '85000000', durationMonths: 24, districts: ['Charnwood', 'Melton'] });
      // planned to have started two quarters ago, so that an award with the planned dates has two reports due
      expect(homeCare.expectedStart < todayIso()).toBe(true);
      expect(homeCare.expectedStart).toMatch(/^\d{4}-(01|04|07|10)-01$/);
    });

    it('show in the forward plan: the £75,000 one with what it lacks, the £40,000 one out of scope and lacking nothing', async () => {
      const response = await viewer.get('/requirements');
      expect(response.statusCode).toBe(200);
      const homeCare = rowOf(response.body, HOME_CARE);
      expect(homeCare).toContain('£75,000');
      expect(tagsIn(homeCare)).toEqual(['Required by policy']);
      for (const lack of ['Opportunity assessment not started', 'Health impact screening not started', 'No tender yet']) expect(homeCare).toContain(lack);
      const stationery = rowOf(response.body, STATIONERY);
      expect(stationery).toContain('£40,000');
      expect(tagsIn(stationery)).toEqual(['Out of scope']);
      expect(stationery).toContain('Nothing: social value is not required');
      expect(stationery).not.toMatch(/assessment|screening|No tender/);
      expect(response.body).toMatch(/<caption[^>]*>\s*Requirements by stage\s*<\/caption>/);
      expect(response.body).toMatch(/<caption[^>]*>\s*Pipeline\s*<\/caption>/);
    });

    it('do not ask the £40,000 requirement for an assessment', async () => {
      const response = await officer.get(`/requirements/${await idOf(STATIONERY)}`);
      expect(response.statusCode).toBe(200);
      expect(tagsIn(response.body)).toEqual(['Out of scope']);
      expect(response.body).toContain('Social value is not required for this requirement');
      expect(response.body).toContain('No social value opportunity assessment or health impact screening is asked for');
      expect(response.body).not.toContain('/assessment"');
      expect(response.body).not.toContain('/hia"');
      // It can go straight to tender.
      expect(response.body).toMatch(/<form method="post" action="\/requirements\/[0-9a-f-]{36}\/tender"/);
    });
  });

  describe('adding a requirement', () => {
    it.each([
      ['49,999', 'out_of_scope', 'Out of scope', 'below the policy minimum of £50,000 excluding VAT'],
      ['50,000', 'policy', 'Required by policy', 'at or above the policy minimum of £50,000 excluding VAT'],
      ['250,000', 'statutory', 'Statutory duty', 'at or above the statutory threshold of £214,904 including VAT'],
    ])('of £%s stores and shows %s', async (value, level, label, reason) => {
      const id = await create({ title: `Transport worth £${value}`, value });
      const row = await stored(id);
      expect(row).toMatchObject({
        title: `Transport worth £${value}`,
        applicability: level,
        stage: 'pipeline',
        estimatedValuePence: Number(value.replace(',', '')) * 100,
        valueIncludesVat: false,
        cpvCode: '60130000',
        categoryLabel: 'Special-purpose road passenger transport services',
        expectedStart: '2027-09-01',
        durationMonths: 36,
        districts: ['Melton'],
        directorate: 'Children and Family Services',
        ownerId: officerId,
        createdBy: officerId,
      });
      expect(row.applicabilityExplanation).toContain(reason);
      const page = await officer.get(`/requirements/${id}?done=added`);
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('Requirement added');
      expect(tagsIn(page.body)).toEqual([label]);
      expect(page.body).toContain(reason);
      expect(page.body).toContain(`£${value} excluding VAT`);
      const [event] = await t.testDb.database.db
        .select()
        .from(auditEvents)
        .where(and(eq(auditEvents.entityTable, 'requirements'), eq(auditEvents.entityId, id)));
      expect(event).toMatchObject({ action: `Added requirement “Transport worth £${value}”`, operation: 'insert', actorId: officerId });
    });

    it('takes a typed CPV code and Countywide', async () => {
      const id = await create({ title: 'Countywide advocacy', category: '', cpvCode: '85320000-8', districts: 'Countywide', includesVat: 'yes' });
      const row = await stored(id);
      expect(row).toMatchObject({ cpvCode: '85320000-8', categoryLabel: 'Health and social work services', valueIncludesVat: true });
      expect(row.districts).toHaveLength(7);
      const page = await officer.get(`/requirements/${id}`);
      expect(page.body).toContain('Health and social work services (CPV 85320000-8)');
      expect(page.body).toContain('Countywide');
      expect(page.body).toContain('£75,000 including VAT');
    });

    it.each<[Record<string, string>, string, string]>([
      [{ title: '' }, 'title', 'Enter a title'],
      [{ value: 'fifty' }, 'value', 'Estimated total value must be an amount in pounds, like 75,000'],
      [{ cpvCode: '123' }, 'cpvCode', 'Enter a CPV code in the correct format, like 85000000 or 85000000-9'],
      [{ 'expectedStart-day': '31', 'expectedStart-month': '2' }, 'expectedStart-day', 'Expected start date must be a real date'],
      [{ duration: '0' }, 'duration', 'Duration must be at least 1 month'],
    ])('refuses %j, keeping what was typed and saving nothing', async (changes, anchor, message) => {
      const before = await requirementCount();
      const response = await officer.post('/requirements/new', form({ title: 'Kept title', ...changes }));
      expect(response.statusCode).toBe(400);
      expect(response.body).toContain('There is a problem');
      expect(response.body).toContain(`<a href="#${anchor}">${message}</a>`);
      expect(response.body).toContain(`</span> ${message}`);
      const typed = { ...form({ title: 'Kept title' }), ...changes } as Record<string, string>;
      expect(inputValue(response.body, 'title')).toBe(typed.title);
      expect(inputValue(response.body, 'value')).toBe(typed.value);
      expect(inputValue(response.body, 'cpvCode')).toBe(typed.cpvCode);
      expect(inputValue(response.body, 'duration')).toBe(typed.duration);
      expect(inputValue(response.body, 'expectedStart-day')).toBe(typed['expectedStart-day']);
      expect(response.body).toMatch(/value="Melton" checked/);
      expect(response.body).toMatch(/<option value="60130000" selected/);
      expect(response.body).toMatch(/<title>Error: /);
      expect(await requirementCount()).toBe(before);
    });

    it('offers the officer as owner and the categories, directorates and districts', async () => {
      const response = await officer.get('/requirements/new');
      expect(response.statusCode).toBe(200);
      expect(response.body).toMatch(new RegExp(`<option value="${officerId}" selected>Owen Hughes</option>`));
      expect(response.body).toContain('Health and social work services (85000000)');
      expect(response.body).toContain('<option value="Public Health">Public Health</option>');
      for (const district of [
        'Blaby',
        'Charnwood',
        'Harborough',
        'Hinckley and Bosworth',
        'Melton',
        'North West Leicestershire',
        'Oadby and Wigston',
        'Countywide',
      ]) {
        expect(response.body).toContain(`value="${district}"`);
      }
      expect(response.body).toContain('thresholds</a> in force today');
      // Only council officers can own a requirement.
      expect(response.body).not.toContain('Asha Patel');
      expect(response.body).not.toContain('Sam Fletcher');
    });
  });

  describe('changing a requirement', () => {
    it('shows the saved details, and works out the applicability again on save', async () => {
      const id = await create({ title: 'Grounds maintenance', value: '49,999' });
      const edit = await officer.get(`/requirements/${id}/edit`);
      expect(edit.statusCode).toBe(200);
      expect(inputValue(edit.body, 'title')).toBe('Grounds maintenance');
      expect(inputValue(edit.body, 'value')).toBe('49,999');
      expect(inputValue(edit.body, 'duration')).toBe('36');
      expect(inputValue(edit.body, 'expectedStart-month')).toBe('9');
      expect(edit.body).toMatch(/value="Melton" checked/);
      expect(edit.body).toMatch(/<option value="Children and Family Services" selected/);
      expect(tagsIn(edit.body)).toEqual(['Out of scope']);
      const version = /name="version" value="([^"]+)"/.exec(edit.body)![1]!;
      const saved = await officer.post(`/requirements/${id}/edit`, form({ title: 'Grounds maintenance', value: '250,000', version }));
      expect(saved.statusCode).toBe(303);
      expect(saved.headers.location).toBe(`/requirements/${id}?done=saved`);
      expect(await stored(id)).toMatchObject({ applicability: 'statutory', estimatedValuePence: 25_000_000 });
      const page = await officer.get(`/requirements/${id}?done=saved`);
      expect(page.body).toContain('Changes saved');
      expect(tagsIn(page.body)).toEqual(['Statutory duty']);
      const [event] = await t.testDb.database.db
        .select()
        .from(auditEvents)
        .where(and(eq(auditEvents.entityTable, 'requirements'), eq(auditEvents.entityId, id), eq(auditEvents.operation, 'update')));
      const { number } = await stored(id);
      expect(event).toMatchObject({ action: `Changed requirement ${number}`, actorId: officerId });
      expect(event!.before).toMatchObject({ applicability: 'out_of_scope' });
      expect(event!.after).toMatchObject({ applicability: 'statutory' });
    });

    it('keeps what was typed on an error and changes nothing', async () => {
      const id = await create({ title: 'Library van' });
      const edit = await officer.get(`/requirements/${id}/edit`);
      const version = /name="version" value="([^"]+)"/.exec(edit.body)![1]!;
      const response = await officer.post(`/requirements/${id}/edit`, form({ title: 'Library vans', duration: '0', version }));
      expect(response.statusCode).toBe(400);
      expect(response.body).toContain('Duration must be at least 1 month');
      expect(response.body).toContain('value="Library vans"');
      expect((await stored(id)).title).toBe('Library van');
    });

    it('refuses to overwrite a change someone else saved meanwhile', async () => {
      const id = await create({ title: 'Meals on wheels' });
      const edit = await officer.get(`/requirements/${id}/edit`);
      const version = /name="version" value="([^"]+)"/.exec(edit.body)![1]!;
      expect((await admin.post(`/requirements/${id}/edit`, form({ title: 'Meals at home', owner: officerId, version }))).statusCode).toBe(303);
      const late = await officer.post(`/requirements/${id}/edit`, form({ title: 'Hot meals', version }));
      expect(late.statusCode).toBe(400);
      expect(late.body).toContain('Someone else saved this requirement while you were changing it');
      expect(late.body).toContain('value="Hot meals"');
      expect((await stored(id)).title).toBe('Meals at home');
      // The form now carries the latest version, so saving again works.
      const newVersion = /name="version" value="([^"]+)"/.exec(late.body)![1]!;
      expect((await officer.post(`/requirements/${id}/edit`, form({ title: 'Hot meals', version: newVersion }))).statusCode).toBe(303);
      expect((await stored(id)).title).toBe('Hot meals');
    });
  });

  describe('the forward plan', () => {
    let ids: Record<string, string>;
    beforeAll(async () => {
      ids = {
        health: await create({ title: 'Plan: health checks', directorate: 'Public Health', value: '60,000' }),
        roads: await create({ title: 'Plan: road resurfacing', directorate: 'Environment and Transport', value: '300,000', category: '45233000' }),
        small: await create({ title: 'Plan: small survey', directorate: 'Public Health', value: '5,000' }),
      };
      await withAudit(t.testDb.database.db, systemActor, 'Test: stage', (tx) =>
        tx.update(requirements).set({ stage: 'awarded' }).where(eq(requirements.id, ids.roads!)),
      );
    });

    it('filters by directorate', async () => {
      const titles = titlesIn((await viewer.get('/requirements?directorate=Public+Health')).body);
      expect(titles).toContain('Plan: health checks');
      expect(titles).toContain('Plan: small survey');
      expect(titles).not.toContain(HOME_CARE);
    });

    it('filters by applicability', async () => {
      const inScope = titlesIn((await viewer.get('/requirements?directorate=Public+Health&applicability=in_scope')).body);
      expect(inScope).toEqual(['Plan: health checks']);
      const out = titlesIn((await viewer.get('/requirements?applicability=out_of_scope')).body);
      expect(out).toContain('Plan: small survey');
      expect(out).toContain(STATIONERY);
      expect(out).not.toContain(HOME_CARE);
    });

    it('shows requirements not yet awarded or cancelled unless another stage is chosen', async () => {
      expect(titlesIn((await viewer.get('/requirements')).body)).not.toContain('Plan: road resurfacing');
      const awarded = await viewer.get('/requirements?stage=awarded');
      expect(titlesIn(awarded.body)).toEqual(['Plan: road resurfacing']);
      expect(awarded.body).toContain('Showing 1 to 1 of 1 requirement that matches.');
      expect(titlesIn((await viewer.get('/requirements?stage=all')).body)).toContain('Plan: road resurfacing');
    });

    it('orders by stage, then expected start', async () => {
      const later = await create({ title: 'Plan: later', 'expectedStart-year': '2030' });
      const sooner = await create({ title: 'Plan: sooner', 'expectedStart-year': '2026', 'expectedStart-month': '12' });
      const titles = titlesIn((await viewer.get('/requirements?stage=pipeline')).body);
      expect(titles.indexOf('Plan: sooner')).toBeLessThan(titles.indexOf('Plan: later'));
      expect(titles.indexOf(HOME_CARE)).toBeLessThan(titles.indexOf('Plan: sooner'));
      expect(titles.at(-1)).toBe('Plan: later');
      expect(later).not.toBe(sooner);
    });

    it('ignores filters it does not know', async () => {
      const response = await viewer.get('/requirements?directorate=Sales&stage=lost&applicability=maybe&page=zero');
      expect(response.statusCode).toBe(200);
      expect(titlesIn(response.body)).toContain(HOME_CARE);
    });

    it('says what each in-scope requirement lacks from the assessment, screening and tender tables', async () => {
      const db = t.testDb.database.db;
      const id = ids.health!;
      await withAudit(db, systemActor, 'Test: progress', async (tx) => {
        await tx.insert(opportunityAssessments).values({ requirementId: id, completedAt: new Date() });
        await tx.insert(hiaScreenings).values({ requirementId: id });
      });
      let row = rowOf((await viewer.get('/requirements?stage=all')).body, 'Plan: health checks');
      expect(row).not.toContain('Opportunity assessment');
      expect(row).toContain('Health impact screening not complete');
      expect(row).toContain('No tender yet');
      const [version] = await db.select({ id: frameworkVersions.id }).from(frameworkVersions).where(eq(frameworkVersions.status, 'active'));
      await withAudit(db, systemActor, 'Test: tender', async (tx) => {
        await tx.update(hiaScreenings).set({ completedAt: new Date(), result: 'no_further_assessment' }).where(eq(hiaScreenings.requirementId, id));
        await tx.insert(tenders).values({ requirementId: id, title: 'Health checks', scale: [], frameworkVersionId: version!.id });
      });
      row = rowOf((await viewer.get('/requirements?stage=all')).body, 'Plan: health checks');
      expect(row).toContain('Tender not published yet');
      expect(row).not.toContain('screening');
      await withAudit(db, systemActor, 'Test: publish', (tx) => tx.update(tenders).set({ status: 'published' }).where(eq(tenders.requirementId, id)));
      row = rowOf((await viewer.get('/requirements?stage=all')).body, 'Plan: health checks');
      expect(row).toMatch(/<td class="govuk-table__cell">\s*Nothing\s*<\/td>/);
    });
  });

  describe('the requirement page', () => {
    it('shows the social value tasks with their status from the tables, and holds back the tender until they are done', async () => {
      const db = t.testDb.database.db;
      const id = await create({ title: 'Day services' });
      let page = await officer.get(`/requirements/${id}`);
      expect(page.body).toContain(`href="/requirements/${id}/assessment"`);
      expect(page.body).toContain(`href="/requirements/${id}/hia"`);
      expect(page.body).toContain(`href="/requirements/${id}/engagement"`);
      expect(page.body.match(/>\s*Not started\s*</g)).toHaveLength(2);
      expect(page.body).toContain('No entries yet');
      expect(page.body).toContain('Complete the opportunity assessment and the health impact screening before you set up a tender.');
      expect(page.body).toMatch(/<button[^>]*disabled[^>]*aria-describedby="tender-blocked"|<button[^>]*aria-describedby="tender-blocked"[^>]*disabled/);
      expect(page.body).not.toContain(`action="/requirements/${id}/tender"`);

      await withAudit(db, systemActor, 'Test: progress', async (tx) => {
        await tx.insert(opportunityAssessments).values({ requirementId: id, completedAt: new Date() });
        await tx.insert(hiaScreenings).values({ requirementId: id });
      });
      page = await officer.get(`/requirements/${id}`);
      expect(page.body).toMatch(/>\s*Completed\s*</);
      expect(page.body).toMatch(/>\s*In progress\s*</);
      expect(page.body).toContain('Complete the health impact screening before you set up a tender.');

      await withAudit(db, systemActor, 'Test: screened', (tx) =>
        tx.update(hiaScreenings).set({ completedAt: new Date(), result: 'rapid' }).where(eq(hiaScreenings.requirementId, id)),
      );
      page = await officer.get(`/requirements/${id}`);
      expect(page.body.match(/>\s*Completed\s*</g)).toHaveLength(2);
      expect(page.body).toContain(`action="/requirements/${id}/tender"`);
      expect(page.body).not.toContain('tender-blocked');

      const [version] = await db.select({ id: frameworkVersions.id }).from(frameworkVersions).where(eq(frameworkVersions.status, 'active'));
      const [tender] = await withAudit(db, systemActor, 'Test: tender', (tx) =>
        tx.insert(tenders).values({ requirementId: id, title: 'Day services', scale: [], frameworkVersionId: version!.id }).returning({ id: tenders.id }),
      );
      page = await officer.get(`/requirements/${id}`);
      expect(page.body).toContain(`href="/tenders/${tender!.id}"`);
      expect(page.body).toContain('Draft: not yet published');
      expect(page.body).not.toContain(`action="/requirements/${id}/tender"`);
    });

    it('gives managers change links and nobody else', async () => {
      const id = await idOf(HOME_CARE);
      const mine = await officer.get(`/requirements/${id}`);
      expect(mine.body).toContain(`href="/requirements/${id}/edit#value"`);
      expect(mine.body).toContain(`href="/requirements/${id}/cancel"`);
      const theirs = await viewer.get(`/requirements/${id}`);
      expect(theirs.statusCode).toBe(200);
      expect(theirs.body).not.toContain('/edit#');
      expect(theirs.body).not.toContain(`/requirements/${id}/cancel`);
      expect(theirs.body).not.toContain('Set up a tender');
      expect(theirs.body).toContain('No tender has been set up yet.');
    });

    it('is not found for an unknown or malformed id', async () => {
      expect((await officer.get('/requirements/00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
      expect((await officer.get('/requirements/nonsense')).statusCode).toBe(404);
      expect((await officer.get('/requirements/nonsense/edit')).statusCode).toBe(404);
      expect((await officer.post('/requirements/00000000-0000-4000-8000-000000000000/cancel', { reason: 'x' })).statusCode).toBe(404);
    });
  });

  describe('cancelling a requirement', () => {
    it('asks for a reason, then cancels it with its draft tender, keeping the reason in the audit trail', async () => {
      const db = t.testDb.database.db;
      const id = await create({ title: 'Youth clubs' });
      const [version] = await db.select({ id: frameworkVersions.id }).from(frameworkVersions).where(eq(frameworkVersions.status, 'active'));
      await withAudit(db, systemActor, 'Test: tender', (tx) =>
        tx.insert(tenders).values({ requirementId: id, title: 'Youth clubs', scale: [], frameworkVersionId: version!.id }),
      );
      const confirm = await officer.get(`/requirements/${id}/cancel`);
      expect(confirm.statusCode).toBe(200);
      expect(confirm.body).toContain('Are you sure you want to cancel Youth clubs?');
      expect(confirm.body).toContain('Its draft tender will be cancelled too.');

      const empty = await officer.post(`/requirements/${id}/cancel`, { reason: '  ' });
      expect(empty.statusCode).toBe(400);
      expect(empty.body).toContain('Enter why the requirement is being cancelled');
      expect((await stored(id)).stage).toBe('pipeline');

      const done = await officer.post(`/requirements/${id}/cancel`, { reason: 'The service is moving in house' });
      expect(done.statusCode).toBe(303);
      expect(done.headers.location).toBe(`/requirements/${id}?done=cancelled`);
      expect((await stored(id)).stage).toBe('cancelled');
      const [tender] = await db.select({ status: tenders.status }).from(tenders).where(eq(tenders.requirementId, id));
      expect(tender!.status).toBe('cancelled');

      const { number } = await stored(id);
      const events = await db
        .select()
        .from(auditEvents)
        .where(eq(auditEvents.action, `Cancelled requirement ${number}`))
        .orderBy(desc(auditEvents.id));
      expect(events.map((e) => [e.operation, e.entityTable]).sort()).toEqual([
        ['event', 'requirements'],
        ['update', 'requirements'],
        ['update', 'tenders'],
      ]);
      expect(events.find((e) => e.operation === 'event')!.after).toEqual({ reason: 'The service is moving in house' });

      const page = await viewer.get(`/requirements/${id}`);
      expect(page.body).toContain('This requirement has been cancelled.');
      expect(page.body).toContain('by Owen Hughes');
      expect(page.body).toContain('Reason: The service is moving in house');
      expect(page.body).toContain('A cancelled requirement cannot go to tender.');

      // It leaves the forward plan, unless cancelled ones are asked for.
      expect(titlesIn((await viewer.get('/requirements')).body)).not.toContain('Youth clubs');
      const cancelled = await viewer.get('/requirements?stage=cancelled');
      expect(titlesIn(cancelled.body)).toEqual(['Youth clubs']);
      expect(rowOf(cancelled.body, 'Youth clubs')).toContain('Nothing: cancelled');
    });

    it('cannot be changed or cancelled again once cancelled', async () => {
      const id = await create({ title: 'Adult learning' });
      expect((await officer.post(`/requirements/${id}/cancel`, { reason: 'Merged with another contract' })).statusCode).toBe(303);
      const edit = await officer.get(`/requirements/${id}/edit`);
      expect(edit.statusCode).toBe(302);
      expect(edit.headers.location).toBe(`/requirements/${id}`);
      const save = await officer.post(`/requirements/${id}/edit`, form({ title: 'Changed after cancelling', version: 'x' }));
      expect(save.statusCode).toBe(303);
      expect((await stored(id)).title).toBe('Adult learning');
      expect((await officer.get(`/requirements/${id}/cancel`)).statusCode).toBe(302);
      const again = await officer.post(`/requirements/${id}/cancel`, { reason: 'Again' });
      expect(again.headers.location).toBe(`/requirements/${id}`);
      expect((await officer.get(`/requirements/${id}`)).body).toContain('Reason: Merged with another contract');
    });
  });

  describe('access', () => {
    it('lets viewers read but not add, change or cancel', async () => {
      const id = await idOf(HOME_CARE);
      const list = await viewer.get('/requirements');
      expect(list.statusCode).toBe(200);
      expect(list.body).not.toContain('href="/requirements/new"');
      expect((await officer.get('/requirements')).body).toContain('href="/requirements/new"');
      expect((await viewer.get('/requirements/new')).statusCode).toBe(403);
      expect((await viewer.post('/requirements/new', form())).statusCode).toBe(403);
      expect((await viewer.get(`/requirements/${id}/edit`)).statusCode).toBe(403);
      expect((await viewer.post(`/requirements/${id}/edit`, form())).statusCode).toBe(403);
      expect((await viewer.get(`/requirements/${id}/cancel`)).statusCode).toBe(403);
      expect((await viewer.post(`/requirements/${id}/cancel`, { reason: 'No' })).statusCode).toBe(403);
      expect((await stored(id)).stage).toBe('pipeline');
    });

    it('refuses suppliers everywhere', async () => {
      const id = await idOf(HOME_CARE);
      for (const path of ['/requirements', '/requirements/new', `/requirements/${id}`, `/requirements/${id}/edit`, `/requirements/${id}/cancel`]) {
        const response = await supplier.get(path);
        expect(response.statusCode, path).toBe(403);
        expect(response.body).not.toContain(HOME_CARE);
      }
      for (const path of ['/requirements/new', `/requirements/${id}/edit`, `/requirements/${id}/cancel`]) {
        expect((await supplier.post(path, form())).statusCode, path).toBe(403);
      }
    });

    it('sends people who are not signed in to sign in', async () => {
      const response = await t.app.inject({ method: 'GET', url: '/requirements' });
      expect(response.statusCode).toBe(302);
      expect(response.headers.location).toBe('/sign-in?next=%2Frequirements');
    });
  });
});
