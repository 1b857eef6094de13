import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engagementEntries, frameworkVersions, hiaScreenings, measures, opportunityAssessments } from '../../src/db/schema/index.js';
import { determinants } from '../../src/features/hia/determinants.js';
import { Client, createTestApp, signedInClient, type TestApp } from '../helpers/app.js';
import { databaseKinds } from '../helpers/databases.js';
import { insertRequirement } from './assessment-requirements.js';

type Route = ['GET' | 'POST', string];

describe.each(databaseKinds)('who may use the assessment, engagement log and HIA screening on %s', (kind) => {
  let t: TestApp;
  let id: string;
  let entryId: string;
  beforeAll(async () => {
    t = await createTestApp(kind);
    const { db } = t.services.database;
    id = (await insertRequirement(db)).id;
    const officer = await signedInClient(t.app, 'officer@council.example');
    const [active] = await db.select().from(frameworkVersions).where(eq(frameworkVersions.status, 'active'));
    const [measure] = await db.select().from(measures).where(eq(measures.versionId, active!.id)).limit(1);
    await officer.post(`/requirements/${id}/assessment/measures`, { measureIds: measure!.id, completed: 'yes' });
    await officer.post(`/requirements/${id}/hia/answers`, Object.fromEntries(determinants.map((d) => [`impact-${d.key}`, 'none'])));
    await officer.post(`/requirements/${id}/engagement`, {
      who: 'Providers',
      'engagedOn-day': '1',
      'engagedOn-month': '2',
      'engagedOn-year': '2026',
      method: 'email',
      learned: 'Fine',
    });
    [{ id: entryId }] = (await db.select({ id: engagementEntries.id }).from(engagementEntries).where(eq(engagementEntries.requirementId, id))) as [
      { id: string },
    ];
  });
  afterAll(async () => t?.close());

  const readPages = (rid: string) => [
    `/requirements/${rid}/assessment`,
    `/requirements/${rid}/assessment/check`,
    `/requirements/${rid}/engagement`,
    `/requirements/${rid}/hia`,
  ];
  const changeRoutes = (rid: string, eid: string): Route[] => {
    const a = `/requirements/${rid}/assessment`;
    const forms = ['shaping', 'outcomes', 'measures', 'targets', 'cost'].map((task) => `${a}/${task}`);
    const pages = [...forms, `/requirements/${rid}/hia/answers`, `/requirements/${rid}/hia/result`, `/requirements/${rid}/engagement/${eid}/edit`];
    return [
      ...pages.flatMap((url): Route[] => [
        ['GET', url],
        ['POST', url],
      ]),
      ['POST', `${a}/check`],
      ['POST', `/requirements/${rid}/engagement`],
    ];
  };
  const form = { shaping: 'Changed', completed: 'yes', who: 'X', method: 'email', learned: 'Y', result: 'full', notes: 'Z' };

  /** What the three tables hold for the requirement, to show that refused requests changed nothing. */
  async function snapshot() {
    const { db } = t.services.database;
    return {
      assessment: await db.select().from(opportunityAssessments).where(eq(opportunityAssessments.requirementId, id)),
      screening: await db.select().from(hiaScreenings).where(eq(hiaScreenings.requirementId, id)),
      entries: await db.select().from(engagementEntries).where(eq(engagementEntries.requirementId, id)),
    };
  }

  for (const email of ['supplier@supplier.example', 'community@community.example']) {
    it(`refuses ${email} every page and every change`, async () => {
      const before = await snapshot();
      const client = await signedInClient(t.app, email);
      for (const url of readPages(id)) expect([url, (await client.get(url)).statusCode]).toEqual([url, 403]);
      for (const [method, url] of changeRoutes(id, entryId)) {
        const response = method === 'GET' ? await client.get(url) : await client.post(url, form);
        expect([method, url, response.statusCode]).toEqual([method, url, 403]);
      }
      expect(await snapshot()).toEqual(before);
    });
  }

  for (const email of ['viewer@council.example', 'evaluator@council.example', 'manager@council.example']) {
    it(`lets ${email} read, with nothing offered to change, and refuses every change`, async () => {
      const before = await snapshot();
      const client = await signedInClient(t.app, email);
      for (const url of readPages(id)) expect([url, (await client.get(url)).statusCode]).toEqual([url, 200]);
      const list = await client.get(`/requirements/${id}/assessment`);
      expect(list.body).not.toContain(`href="/requirements/${id}/assessment/shaping"`);
      expect(list.body).toContain('Not started');
      const check = await client.get(`/requirements/${id}/assessment/check`);
      expect(check.body).not.toContain('Complete assessment');
      expect(check.body).not.toContain('>Change<');
      const log = await client.get(`/requirements/${id}/engagement`);
      expect(log.body).toContain('Providers');
      expect(log.body).not.toContain('Add an engagement');
      expect(log.body).not.toContain('/edit"');
      const hia = await client.get(`/requirements/${id}/hia`);
      expect(hia.body).not.toContain('Change the answers');
      for (const [method, url] of changeRoutes(id, entryId)) {
        const response = method === 'GET' ? await client.get(url) : await client.post(url, form);
        expect([method, url, response.statusCode]).toEqual([method, url, 403]);
      }
      expect(await snapshot()).toEqual(before);
    });
  }

  it('sends someone signed out to sign in, and refuses their changes', async () => {
    const client = new Client(t.app);
    for (const url of readPages(id)) {
      const response = await client.get(url);
      expect(response.statusCode).toBe(302);
      expect(response.headers.location).toBe(`/sign-in?next=${encodeURIComponent(url)}`);
    }
    for (const [method, url] of changeRoutes(id, entryId).filter(([m]) => m === 'POST')) {
      expect([method, url, (await client.post(url, form)).statusCode]).toEqual([method, url, 401]);
    }
  });

  it('finds no page for an unknown or malformed requirement or entry', async () => {
    const officer = await signedInClient(t.app, 'officer@council.example');
    const unknown = '7c9e6679-7425-40de-944b-e07fc1f90ae7';
    for (const rid of [unknown, 'not-a-uuid']) {
      for (const url of readPages(rid)) expect([url, (await officer.get(url)).statusCode]).toEqual([url, 404]);
      for (const [method, url] of changeRoutes(rid, entryId)) {
        const response = method === 'GET' ? await officer.get(url) : await officer.post(url, form);
        expect([method, url, response.statusCode]).toEqual([method, url, 404]);
      }
    }
    for (const eid of [unknown, 'nope']) {
      expect((await officer.get(`/requirements/${id}/engagement/${eid}/edit`)).statusCode).toBe(404);
      expect((await officer.post(`/requirements/${id}/engagement/${eid}/edit`, form)).statusCode).toBe(404);
    }
  });
});
