import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { measures } from '../../src/db/schema/index.js';
import { createTestApp, signedInClient, type Client, type TestApp } from '../helpers/app.js';
import { databaseKinds } from '../helpers/databases.js';
import {
  activeMeasureIds,
  activeVersionId,
  completeSetup,
  createDraft,
  insertRequirement,
  tenderMeasureCodes,
  tenderRow,
  tenderSnapshot,
} from './tenders-fixtures.js';

describe.each(databaseKinds)('publishing freezes the framework version active at the time, on %s', (kind) => {
  let t: TestApp;
  let officer: Client;
  let admin: Client;
  const db = () => t.services.database.db;

  beforeAll(async () => {
    t = await createTestApp(kind);
    officer = await signedInClient(t.app, 'officer@council.example');
    admin = await signedInClient(t.app, 'admin@council.example');
  });
  afterAll(async () => t?.close());

  /** Makes a new framework version as a copy of the active one, without the measures given, and activates it. */
  async function activateNewVersion(without: string[] = []): Promise<string> {
    const created = await admin.post('/framework/drafts');
    const versionId = /\/framework\/([0-9a-f-]{36})/.exec(String(created.headers.location))![1]!;
    for (const code of without) {
      const [measure] = await db()
        .select()
        .from(measures)
        .where(and(eq(measures.versionId, versionId), eq(measures.code, code)));
      expect((await admin.post(`/framework/${versionId}/measures/${measure!.id}/delete`)).statusCode).toBe(303);
    }
    expect((await admin.post(`/framework/${versionId}/activate`)).statusCode).toBe(303);
    return versionId;
  }

  it('moves a draft’s measures to a newer active version by code when it is published', async () => {
    const first = await activeVersionId(db());
    const id = await createDraft(officer, (await insertRequirement(db())).id);
    await completeSetup(db(), officer, id);
    const byCode = await activeMeasureIds(db());
    const withMinimum = await officer.post(`/tenders/${id}/measures`, {
      measures: [byCode.get('SE01')!, byCode.get('WO01')!],
      [`minimum-${byCode.get('SE01')}`]: '3',
    });
    expect(withMinimum.statusCode).toBe(303);
    expect((await tenderMeasureCodes(db(), id)).every((m) => m.versionId === first)).toBe(true);

    const second = await activateNewVersion();
    const page = await officer.get(`/tenders/${id}`);
    expect(page.body).toContain('A new framework version has been activated since this draft was made');

    expect((await officer.post(`/tenders/${id}/publish`)).statusCode).toBe(303);
    expect(await tenderRow(db(), id)).toMatchObject({ status: 'published', frameworkVersionId: second });
    expect(await tenderMeasureCodes(db(), id)).toEqual([
      { code: 'SE01', versionId: second, minimumHundredths: 300 },
      { code: 'WO01', versionId: second, minimumHundredths: null },
    ]);
  });

  it('refuses to publish when the active version no longer has a chosen measure, until the measures are chosen again', async () => {
    const id = await createDraft(officer, (await insertRequirement(db())).id);
    await completeSetup(db(), officer, id, { measureCodes: ['SE01', 'WO01'] });
    const third = await activateNewVersion(['WO01']);

    const before = await tenderSnapshot(db(), id);
    const refused = await officer.post(`/tenders/${id}/publish`);
    expect(refused.statusCode).toBe(409);
    expect(refused.body).toContain('does not have these measures');
    expect(refused.body).toContain('<li>WO01</li>');
    expect(await tenderSnapshot(db(), id)).toEqual(before);

    // The measures page offers the active version, with the choices that still exist carried over by code.
    const measuresPage = await officer.get(`/tenders/${id}/measures`);
    const se01 = (await activeMeasureIds(db())).get('SE01')!;
    expect(measuresPage.body).toMatch(new RegExp(`value="${se01}" checked`));
    expect((await officer.post(`/tenders/${id}/measures`, { measures: [se01] })).statusCode).toBe(303);
    expect((await tenderRow(db(), id)).frameworkVersionId).toBe(third);

    expect((await officer.post(`/tenders/${id}/publish`)).statusCode).toBe(303);
    expect(await tenderRow(db(), id)).toMatchObject({ status: 'published', frameworkVersionId: third });
    expect(await tenderMeasureCodes(db(), id)).toEqual([{ code: 'SE01', versionId: third, minimumHundredths: null }]);
  });
});
