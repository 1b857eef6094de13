import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { frameworkVersions, measures, outcomes } from '../../src/db/schema/index.js';
import { readContent } from '../../src/features/framework/content.js';
import { Client, createTestApp, signedInClient, type TestApp } from '../helpers/app.js';
import { databaseKinds } from '../helpers/databases.js';

describe.each(databaseKinds)('who may use the framework on %s', (kind) => {
  let t: TestApp;
  let ids: { draft: string; outcome: string; measure: string; active: string; activeMeasure: string };

  beforeAll(async () => {
    t = await createTestApp(kind);
    const admin = await signedInClient(t.app, 'admin@council.example');
    const created = await admin.post('/framework/drafts');
    const draft = /\/framework\/([0-9a-f-]{36})/.exec(String(created.headers.location))![1]!;
    const { db } = t.services.database;
    const [outcome] = await db
      .select()
      .from(outcomes)
      .where(and(eq(outcomes.versionId, draft), eq(outcomes.code, 'SE')));
    const [measure] = await db
      .select()
      .from(measures)
      .where(and(eq(measures.versionId, draft), eq(measures.code, 'SE01')));
    const [active] = await db.select().from(frameworkVersions).where(eq(frameworkVersions.status, 'active'));
    const [activeMeasure] = await db
      .select()
      .from(measures)
      .where(and(eq(measures.versionId, active!.id), eq(measures.code, 'SE01')));
    ids = { draft, outcome: outcome!.id, measure: measure!.id, active: active!.id, activeMeasure: activeMeasure!.id };
  });
  afterAll(async () => t?.close());

  const readRoutes = () => [
    '/framework',
    `/framework/${ids.active}`,
    `/framework/${ids.draft}`,
    `/framework/${ids.active}/measures/${ids.activeMeasure}`,
    `/framework/${ids.active}/export.csv`,
    `/framework/${ids.active}/export.json`,
  ];

  const adminRoutes = (): [method: 'GET' | 'POST', url: string][] => {
    const v = `/framework/${ids.draft}`;
    const pages = [
      '/framework/import',
      `${v}/edit`,
      `${v}/activate`,
      `${v}/delete`,
      `${v}/outcomes/new`,
      `${v}/outcomes/${ids.outcome}/edit`,
      `${v}/outcomes/${ids.outcome}/delete`,
      `${v}/measures/new`,
      `${v}/measures/${ids.measure}/edit`,
      `${v}/measures/${ids.measure}/delete`,
    ];
    return [
      ['POST', '/framework/drafts'],
      ...pages.flatMap(
        (url) =>
          [
            ['GET', url],
            ['POST', url],
          ] as ['GET' | 'POST', string][],
      ),
    ];
  };

  const changeForm = { code: 'XX', title: 'Changed', name: 'Changed', outcomeId: '', unit: 'hours' };

  for (const email of ['supplier@supplier.example', 'community@community.example']) {
    it(`refuses ${email} every framework page, export and change`, async () => {
      const before = await readContent(t.services.database.db, ids.draft);
      const client = await signedInClient(t.app, email);
      for (const url of readRoutes()) expect([url, (await client.get(url)).statusCode]).toEqual([url, 403]);
      for (const [method, url] of adminRoutes()) {
        const response = method === 'GET' ? await client.get(url) : await client.post(url, changeForm);
        expect([method, url, response.statusCode]).toEqual([method, url, 403]);
      }
      expect(await readContent(t.services.database.db, ids.draft)).toEqual(before);
    });
  }

  it('lets a viewer read and download, but not change anything', async () => {
    const before = await readContent(t.services.database.db, ids.draft);
    const viewer = await signedInClient(t.app, 'viewer@council.example');
    for (const url of readRoutes()) expect([url, (await viewer.get(url)).statusCode]).toEqual([url, 200]);
    const list = await viewer.get('/framework');
    expect(list.body).not.toContain('Create a new draft');
    expect(list.body).not.toContain('Import a framework');
    const draftPage = await viewer.get(`/framework/${ids.draft}`);
    expect(draftPage.body).not.toContain('Activate this version');
    expect(draftPage.body).not.toContain('>Change<');
    for (const [method, url] of adminRoutes()) {
      const response = method === 'GET' ? await viewer.get(url) : await viewer.post(url, changeForm);
      expect([method, url, response.statusCode]).toEqual([method, url, 403]);
    }
    const upload = await viewer.upload('/framework/import', {}, { field: 'file', name: 'f.csv', type: 'text/csv', content: 'x' });
    expect(upload.statusCode).toBe(403);
    expect(await readContent(t.services.database.db, ids.draft)).toEqual(before);
    expect(await t.services.database.db.select().from(frameworkVersions)).toHaveLength(2);
  });

  it('sends people who are not signed in to sign in', async () => {
    const response = await new Client(t.app).get(`/framework/${ids.active}/export.csv`);
    expect(response.statusCode).toBe(302);
    expect(response.headers.location).toBe(`/sign-in?next=${encodeURIComponent(`/framework/${ids.active}/export.csv`)}`);
  });

  it('treats unknown and malformed ids as not found', async () => {
    const admin = await signedInClient(t.app, 'admin@council.example');
    const unknown = '00000000-0000-4000-8000-000000000000';
    for (const url of [
      `/framework/${unknown}`,
      `/framework/${unknown}/export.csv`,
      `/framework/${ids.draft}/measures/nope/edit`,
      `/framework/${ids.draft}/outcomes/${unknown}/edit`,
    ]) {
      expect([url, (await admin.get(url)).statusCode]).toEqual([url, 404]);
    }
    expect((await admin.post(`/framework/${ids.draft}/measures/${unknown}/delete`)).statusCode).toBe(404);
  });
});
