import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, jobs } from '../../src/db/schema/index.js';
import { serviceJobs } from '../../src/features/background-jobs/service-jobs.js';
import { runDueJobs } from '../../src/platform/jobs.js';
import { createTestApp, signedInClient, type TestApp } from '../helpers/app.js';
import { databaseKinds } from '../helpers/databases.js';

const quiet = { info: () => undefined, error: () => undefined };

describe.each(databaseKinds)('background jobs for administrators on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(kind);
  });
  afterAll(async () => t?.close());

  it('lists every job with when it runs, before any has run', async () => {
    const admin = await signedInClient(t.app, 'admin@council.example');
    const page = await admin.get('/admin/jobs');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Reminders to suppliers of reports due and overdue');
    expect(page.body).toContain('Every day at 08:00, UK time');
    expect(page.body).toContain('Weekly digest to contract managers of delivery waiting for verification');
    expect(page.body).toContain('Every Monday at 07:00, UK time');
    expect(page.body).toContain('Social value reports to their subscriptions, once each quarter or year has ended');
    expect(page.body).toContain('Every day at 06:00, UK time');
    expect(page.body).toContain('Not run yet');
  });

  it('runs a job at the runner’s next look when an administrator asks, and records who asked', async () => {
    const db = t.services.database.db;
    const list = serviceJobs(t.services.config.baseUrl);
    // registered as the runner does at start: the first run is at the next scheduled time, not now
    expect(await runDueJobs(db, list, quiet)).toEqual([]);
    const admin = await signedInClient(t.app, 'admin@council.example');
    await admin.get('/admin/jobs');
    const asked = await admin.post('/admin/jobs/report-reminders/run');
    expect(asked.statusCode).toBe(303);
    expect(asked.headers.location).toBe('/admin/jobs?ran=report-reminders');
    expect((await admin.get('/admin/jobs?ran=report-reminders')).body).toContain('will run within a minute');
    expect(await runDueJobs(db, list, quiet)).toEqual(['report-reminders']);
    const [state] = await db.select().from(jobs).where(eq(jobs.name, 'report-reminders'));
    expect(state!.lastRunAt).not.toBeNull();
    expect(state!.runAt.getTime()).toBeGreaterThan(Date.now());
    const events = await db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityTable, 'jobs'), eq(auditEvents.entityId, 'report-reminders')));
    expect(events.map((e) => [e.actorLabel, e.action])).toEqual([
      ['admin@council.example', 'Asked for the background job "Reminders to suppliers of reports due and overdue" to run now'],
    ]);
    // only the digest and the report distribution have still not run
    expect((await admin.get('/admin/jobs')).body.match(/Not run yet/g)).toHaveLength(2);
  });

  it('refuses everyone but administrators, and jobs it does not know', async () => {
    const officer = await signedInClient(t.app, 'officer@council.example');
    expect((await officer.get('/admin/jobs')).statusCode).toBe(403);
    const admin = await signedInClient(t.app, 'admin@council.example');
    await admin.get('/admin/jobs');
    expect((await admin.post('/admin/jobs/no-such-job/run')).statusCode).toBe(404);
    expect((await officer.post('/admin/jobs/report-reminders/run')).statusCode).toBe(403);
  });
});
