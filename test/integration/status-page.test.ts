import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { openDatabase } from '../../src/db/client.js';
import { jobs, mailOutbox } from '../../src/db/schema/index.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { databaseKinds } from '../helpers/databases.js';

/** The status shown for each part of the service, by its name in the summary list. */
function statuses(body: string): Record<string, string> {
  const rows = [
    ...body.matchAll(/<dt class="govuk-summary-list__key">\s*([^<]+?)\s*<\/dt>\s*<dd class="govuk-summary-list__value">\s*<strong[^>]*>([^<]+)<\/strong>/g),
  ];
  return Object.fromEntries(rows.map((m) => [m[1]!, m[2]!.trim()]));
}

describe.each(databaseKinds)('the service status page on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(kind, { seed: false });
  });
  afterAll(async () => t?.close());
  const db = () => t.services.database.db;

  it('is linked from the footer of every page instead of the machines’ JSON', async () => {
    const page = await t.app.inject('/sign-in');
    expect(page.body).toContain('<a class="govuk-footer__link" href="/status">Service status</a>');
    expect(page.body).not.toContain('href="/health"');
  });

  it('says in words that the service, the database, email and background jobs are working, to anyone', async () => {
    const page = await t.app.inject('/status');
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.body).toContain('<h1 class="govuk-heading-l">Service status</h1>');
    expect(statuses(page.body)).toEqual({ 'This service': 'Working', Database: 'Working', Email: 'Working', 'Background jobs': 'Working' });
    // nothing a person has no use for: no kind of database, no addresses, no error text
    expect(page.body).not.toMatch(/pglite|postgres|127\.0\.0\.1|ECONN/i);
  });

  it('shows a problem with email when messages cannot be sent, without the error itself', async () => {
    await db()
      .insert(mailOutbox)
      .values({ to: 'someone@supplier.example', subject: 'Report due', text: 'x', attempts: 5, lastError: 'ECONNREFUSED 10.1.2.3:25' });
    const page = await t.app.inject('/status');
    expect(statuses(page.body).Email).toBe('Problem');
    expect(page.body).toContain('Some emails could not be sent');
    expect(page.body).not.toContain('ECONNREFUSED');
    await db().delete(mailOutbox);
  });

  it('shows a problem with background jobs when one failed last time, without the error itself', async () => {
    await db()
      .insert(jobs)
      .values({ name: 'report-reminders', runAt: new Date(Date.now() + 3_600_000), lastRunAt: new Date(), lastError: 'Error: relation x does not exist' });
    const page = await t.app.inject('/status');
    expect(statuses(page.body)['Background jobs']).toBe('Problem');
    expect(page.body).not.toContain('relation x');
    await db().delete(jobs).where(eq(jobs.name, 'report-reminders'));
    expect(statuses((await t.app.inject('/status')).body)['Background jobs']).toBe('Working');
  });

  it('keeps /health as JSON for machines', async () => {
    const health = await t.app.inject('/health');
    expect(health.json()).toEqual({ status: 'ok', database: { kind, status: 'up' } });
  });
});

describe('the service status page when the database has gone', () => {
  it('still shows, with the database and what depends on it as problems', async () => {
    const database = await openDatabase({});
    const app = await buildApp({ config: loadConfig({ LOG_LEVEL: 'silent' }), database, mailer: { send: async () => undefined } }, { logger: false });
    await database.close();
    try {
      const page = await app.inject('/status');
      expect(page.statusCode).toBe(200);
      expect(statuses(page.body)).toEqual({ 'This service': 'Working', Database: 'Problem', Email: 'Problem', 'Background jobs': 'Problem' });
      expect(page.body).toContain('The service cannot read or save information at the moment');
    } finally {
      await app.close();
    }
  });
});
