import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db, Tx } from '../../src/db/client.js';
import { auditEvents, hiaScreenings, opportunityAssessments, requirements, users, type RequirementStage } from '../../src/db/schema/index.js';
import { isReadyForTender, tenderGate } from '../../src/features/requirements/readiness.js';
import { refreshRequirementStage } from '../../src/features/requirements/refresh-stage.js';
import { createRequirement } from '../../src/features/requirements/save-requirement.js';
import { saveTenderGate } from '../../src/features/settings/save-tender-gate.js';
import { systemActor, withAudit, type Actor } from '../../src/platform/audit.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { databaseKinds } from '../helpers/databases.js';

describe.each(databaseKinds)('requirement stages and readiness for tender on %s', (kind) => {
  let t: TestApp;
  let db: Db;
  let officer: Actor;
  let admin: Actor;

  async function newRequirement(title: string, pounds: number): Promise<string> {
    return createRequirement(db, officer, {
      title,
      description: '',
      directorate: 'Adults and Communities',
      cpvCode: '85000000',
      categoryLabel: 'Health and social work services',
      estimatedValuePence: pounds * 100,
      valueIncludesVat: false,
      expectedStart: '2027-04-01',
      durationMonths: 24,
      districts: ['Charnwood'],
      ownerId: officer.id!,
    });
  }

  async function stageOf(id: string): Promise<RequirementStage> {
    const [row] = await db.select({ stage: requirements.stage }).from(requirements).where(eq(requirements.id, id));
    return row!.stage;
  }

  /** Changes the assessment or screening as the other parts do: with the stage refreshed in the same transaction. */
  async function work(id: string, action: string, change: (tx: Tx) => Promise<unknown>): Promise<RequirementStage | null> {
    return withAudit(db, officer, action, async (tx) => {
      await change(tx);
      return refreshRequirementStage(tx, id);
    });
  }

  beforeAll(async () => {
    t = await createTestApp(kind);
    db = t.testDb.database.db;
    const people = await db.select({ id: users.id, email: users.email }).from(users);
    const actor = (email: string): Actor => ({ id: people.find((p) => p.email === email)!.id, label: email });
    officer = actor('officer@council.example');
    admin = actor('admin@council.example');
  });
  afterAll(async () => t?.close());

  it('moves an in-scope requirement from pipeline to assessment to ready to tender as the work is done', async () => {
    const id = await newRequirement('Supported living', 90_000);
    expect(await stageOf(id)).toBe('pipeline');
    expect(await isReadyForTender(db, id)).toEqual({
      ready: false,
      missing: ['Complete the opportunity assessment', 'Complete the health impact screening'],
      message: 'Complete the opportunity assessment and the health impact screening before you set up a tender',
    });

    expect(await work(id, 'Started the assessment', (tx) => tx.insert(opportunityAssessments).values({ requirementId: id }))).toBe('assessment');
    expect(await stageOf(id)).toBe('assessment');

    await work(id, 'Completed the assessment', (tx) =>
      tx.update(opportunityAssessments).set({ completedAt: new Date() }).where(eq(opportunityAssessments.requirementId, id)),
    );
    expect(await stageOf(id)).toBe('assessment');
    expect((await isReadyForTender(db, id)).missing).toEqual(['Complete the health impact screening']);

    await work(id, 'Completed the screening', (tx) =>
      tx.insert(hiaScreenings).values({ requirementId: id, result: 'no_further_assessment', completedAt: new Date() }),
    );
    expect(await stageOf(id)).toBe('ready_to_tender');
    expect(await isReadyForTender(db, id)).toEqual({ ready: true, missing: [], message: null });

    // The stage change is audited with the change that caused it.
    const events = await db.select().from(auditEvents).where(eq(auditEvents.action, 'Completed the screening'));
    expect(events.map((e) => e.entityTable).sort()).toEqual(['hia_screenings', 'requirements']);
    expect(events.find((e) => e.entityTable === 'requirements')!.after).toMatchObject({ stage: 'ready_to_tender' });

    // Reopening the screening takes it back to assessment.
    await work(id, 'Reopened the screening', (tx) => tx.update(hiaScreenings).set({ completedAt: null }).where(eq(hiaScreenings.requirementId, id)));
    expect(await stageOf(id)).toBe('assessment');
    expect((await isReadyForTender(db, id)).ready).toBe(false);
  });

  it('never moves a requirement back from tendering, awarded or cancelled', async () => {
    for (const stage of ['tendering', 'awarded', 'cancelled'] as const) {
      const id = await newRequirement(`Finished: ${stage}`, 90_000);
      await withAudit(db, systemActor, 'Test: stage', (tx) => tx.update(requirements).set({ stage }).where(eq(requirements.id, id)));
      expect(await work(id, 'Refreshed', async () => undefined)).toBe(stage);
      expect(await stageOf(id)).toBe(stage);
    }
  });

  it('returns null for a requirement that does not exist', async () => {
    expect(await withAudit(db, systemActor, 'Test: refresh', (tx) => refreshRequirementStage(tx, '00000000-0000-4000-8000-000000000000'))).toBeNull();
    expect((await isReadyForTender(db, '00000000-0000-4000-8000-000000000000')).ready).toBe(false);
  });

  it('lets an out-of-scope requirement go to tender without an assessment, and keeps it in the pipeline', async () => {
    const id = await newRequirement('Stationery', 40_000);
    expect(await work(id, 'Refreshed', async () => undefined)).toBe('pipeline');
    expect(await isReadyForTender(db, id)).toEqual({ ready: true, missing: [], message: null });
  });

  it('holds nothing back while an admin has relaxed the tender gate, except cancelled requirements', async () => {
    const id = await newRequirement('Respite care', 250_000);
    const cancelled = await newRequirement('Cancelled care', 250_000);
    await withAudit(db, systemActor, 'Test: cancel', (tx) => tx.update(requirements).set({ stage: 'cancelled' }).where(eq(requirements.id, cancelled)));
    expect(await tenderGate(db)).toEqual({ requireAssessment: true });
    expect((await isReadyForTender(db, id)).ready).toBe(false);

    expect(await saveTenderGate(db, admin, { requireAssessment: false })).toBe(true);
    expect(await tenderGate(db)).toEqual({ requireAssessment: false });
    expect(await isReadyForTender(db, id)).toEqual({ ready: true, missing: [], message: null });
    expect((await isReadyForTender(db, cancelled)).ready).toBe(false);
    // The stage still says what has been done.
    expect(await work(id, 'Refreshed', async () => undefined)).toBe('pipeline');

    expect(await saveTenderGate(db, admin, { requireAssessment: true })).toBe(true);
    expect((await isReadyForTender(db, id)).ready).toBe(false);
  });
});
