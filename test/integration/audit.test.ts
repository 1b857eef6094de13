import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { recordEvent, withAudit } from '../../src/platform/audit.js';
import { thresholds } from '../../src/db/schema/index.js';
import { createTestApp, signedInClient, type Client, type TestApp } from '../helpers/app.js';
import { databaseKinds } from '../helpers/databases.js';

describe.each(databaseKinds)('audit trail on %s', (kind) => {
  let t: TestApp;
  let admin: Client;
  beforeAll(async () => {
    t = await createTestApp(kind);
    admin = await signedInClient(t.app, 'admin@council.example');
    await withAudit(t.services.database.db, { id: null, label: 'tester@council.example' }, 'Added a test threshold', (tx) =>
      tx
        .insert(thresholds)
        .values({ kind: 'statutory', amountPence: 99_900_000, includesVat: true, effectiveFrom: '2030-01-01', source: 'test' })
        .then(() => undefined),
    );
  });
  afterAll(async () => t?.close());

  it('lists changes newest first with who and what', async () => {
    const response = await admin.get('/admin/audit');
    expect(response.statusCode).toBe(200);
    const body = response.body;
    expect(body.indexOf('Added a test threshold')).toBeGreaterThan(-1);
    expect(body.indexOf('Signed in')).toBeLessThan(body.indexOf('Added a test threshold'));
    expect(body).toContain('tester@council.example');
  });

  it('filters by actor, action, kind of record and date', async () => {
    const byActor = await admin.get('/admin/audit?actor=tester%40council');
    expect(byActor.body).toContain('Added a test threshold');
    expect(byActor.body).not.toContain('Loaded demo data');
    const byTable = await admin.get('/admin/audit?table=users');
    expect(byTable.body).toContain('Loaded demo data');
    expect(byTable.body).not.toContain('Added a test threshold');
    const byAction = await admin.get('/admin/audit?action=threshold&operation=insert');
    expect(byAction.body).toContain('Added a test threshold');
    expect(byAction.body).not.toContain('Loaded demo data');
    const future = await admin.get('/admin/audit?from-day=1&from-month=1&from-year=2099');
    expect(future.body).toContain('No changes match these filters');
  });

  it('shows the values before and after on the event page', async () => {
    const list = await admin.get('/admin/audit?action=test+threshold');
    const id = /href="\/admin\/audit\/(\d+)"/.exec(list.body)?.[1];
    expect(id).toBeDefined();
    const event = await admin.get(`/admin/audit/${id}`);
    expect(event.statusCode).toBe(200);
    expect(event.body).toContain('999000');
    expect(event.body).toContain('Values before and after');
  });

  it('explains a bad date filter instead of failing', async () => {
    const response = await admin.get('/admin/audit?from-day=31&from-month=2&from-year=2026&actor=keep-me');
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('Date from must be a real date');
    expect(response.body).toContain('value="keep-me"');
  });

  it('shows one sign-in as one event, in its own words', async () => {
    await signedInClient(t.app, 'officer@council.example');
    const response = await admin.get('/admin/audit?actor=officer%40council.example');
    expect(response.statusCode).toBe(200);
    const rows = response.body.split('<tr class="govuk-table__row">').slice(2);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toContain('Signed in');
    expect(response.body).not.toContain('Users changed');
  });

  it('shows an action that changed many rows once, with its row changes beneath it', async () => {
    await withAudit(t.services.database.db, { id: null, label: 'bulk@council.example' }, 'Added three test thresholds', async (tx) => {
      for (const year of [2031, 2032, 2033]) {
        await tx
          .insert(thresholds)
          .values({ kind: 'statutory', amountPence: 1_000_000 + year, includesVat: true, effectiveFrom: `${year}-01-01`, source: 'test' });
      }
    });
    const list = await admin.get('/admin/audit?actor=bulk%40council');
    expect(list.body.match(/Added three test thresholds/g)).toHaveLength(1);
    const id = /href="\/admin\/audit\/(\d+)"/.exec(list.body)?.[1];
    const event = await admin.get(`/admin/audit/${id}`);
    expect(event.statusCode).toBe(200);
    for (const year of [2031, 2032, 2033]) expect(event.body).toContain(String(1_000_000 + year));
    expect(event.body.match(/Threshold added/g)).toHaveLength(3);
    const all = await admin.get('/admin/audit');
    expect(all.body.match(/>Loaded demo data</g)).toHaveLength(1);
  });

  it('offers every audited table as a kind of record, and filters by each', async () => {
    const result = await t.services.database.db.execute(
      sql`select distinct c.relname as name from pg_trigger g join pg_class c on c.oid = g.tgrelid where g.tgfoid = 'sv_audit_row'::regproc`,
    );
    const tables = (result as unknown as { rows: { name: string }[] }).rows.map((r) => r.name);
    expect(tables.length).toBeGreaterThan(30);
    const page = await admin.get('/admin/audit');
    for (const table of tables) expect(page.body).toContain(`<option value="${table}"`);
    const requirements = await admin.get('/admin/audit?table=requirements');
    expect(requirements.body).toContain('<option value="requirements" selected');
    expect(requirements.body).toContain('Loaded demo data');
    expect(requirements.body).not.toContain('Added a test threshold');
    const none = await admin.get('/admin/audit?table=evidence_files');
    expect(none.body).toContain('<option value="evidence_files" selected');
  });

  it('pages through older changes', async () => {
    for (let i = 0; i < 55; i += 1) await recordEvent(t.services.database.db, { id: null, label: 'pager@council.example' }, `Exported page ${i}`);
    const first = await admin.get('/admin/audit');
    const older = /href="(\/admin\/audit\?[^"]*before=\d+[^"]*)"/.exec(first.body)?.[1];
    expect(older).toBeDefined();
    const next = await admin.get(older!.replace(/&amp;/g, '&'));
    expect(next.statusCode).toBe(200);
    expect(next.body).toContain('Older changes');
  });

  it('is for admins only, and unknown events are not found', async () => {
    for (const email of ['viewer@council.example', 'supplier@supplier.example']) {
      const client = await signedInClient(t.app, email);
      expect((await client.get('/admin/audit')).statusCode).toBe(403);
      expect((await client.get('/admin/audit/1')).statusCode).toBe(403);
    }
    expect((await admin.get('/admin/audit/999999999')).statusCode).toBe(404);
    expect((await admin.get('/admin/audit/abc')).statusCode).toBe(404);
  });
});
