import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, localAreas, organisations, tenderSuppliers } from '../../src/db/schema/index.js';
import { createTestApp, signedInClient, type Client, type TestApp } from '../helpers/app.js';
import { databaseKinds } from '../helpers/databases.js';
import { createDraft, insertRequirement, organisationIdOf } from './tenders-fixtures.js';

describe.each(databaseKinds)('the supplier directory on %s', (kind) => {
  let t: TestApp;
  let officer: Client;
  const db = () => t.services.database.db;

  beforeAll(async () => {
    t = await createTestApp(kind);
    officer = await signedInClient(t.app, 'officer@council.example');
    await db()
      .insert(organisations)
      .values([
        {
          name: 'Wigston Bridge Builders Ltd',
          kind: 'supplier',
          size: 'small',
          postcode: 'LE18 4AA',
          district: 'Oadby and Wigston',
          isLocal: true,
          categories: ['45'],
          openToPartnering: true,
        },
        {
          name: 'City Centre Catering CIC',
          kind: 'supplier',
          size: 'micro',
          isVcse: true,
          isSocialEnterprise: true,
          postcode: 'LE3 5AA',
          categories: ['55', '15'],
        },
      ]);
  });
  afterAll(async () => t?.close());

  const names = (html: string) => [...html.matchAll(/<a class="govuk-link" href="\/directory\/[0-9a-f-]{36}">([^<]+)<\/a>/g)].map((m) => m[1]);

  it('finds organisations by name, size, flags, category and district, and leaves out the council', async () => {
    const all = await officer.get('/directory');
    expect(all.statusCode).toBe(200);
    expect(names(all.body)).toContain('Melton Community Larder');
    expect(names(all.body)).not.toContain('Leicestershire County Council');

    expect(names((await officer.get('/directory?flag=local&flag=open_to_partnering')).body)).toEqual(['Wigston Bridge Builders Ltd']);
    expect(names((await officer.get('/directory?category=55')).body)).toEqual(['City Centre Catering CIC']);
    const micro = names((await officer.get('/directory?flag=vcse&size=micro')).body);
    expect(micro).toContain('City Centre Catering CIC');
    expect(micro).not.toContain('Wigston Bridge Builders Ltd');
    expect(names((await officer.get('/directory?q=bridge')).body)).toEqual(['Wigston Bridge Builders Ltd']);
    expect(names((await officer.get('/directory?q=01234567')).body)).toEqual(['Midlands Facilities Group plc']);
    expect(names((await officer.get('/directory?district=Oadby%20and%20Wigston')).body)).toEqual(['Wigston Bridge Builders Ltd']);

    const bad = await officer.get('/directory?category=99&district=Atlantis');
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Choose a category of work from the list');
    expect(bad.body).toContain('Choose a district from the list');
  });

  it('is for council staff only; suppliers keep their own profile, audited', async () => {
    const supplier = await signedInClient(t.app, 'supplier@supplier.example');
    expect((await supplier.get('/directory')).statusCode).toBe(403);
    const form = await supplier.get('/directory/profile');
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('value="Charnwood Care Services Ltd"');

    const wrong = await supplier.post('/directory/profile', {
      name: 'Charnwood Care Services Ltd',
      size: 'small',
      postcode: 'LE11',
      categories: ['85'],
      kind: 'council',
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.body).toContain('Enter a full UK postcode, like LE11 3AB');
    expect(wrong.body).toContain('value="LE11"');

    const saved = await supplier.post('/directory/profile', {
      name: 'Charnwood Care Services Ltd',
      companiesHouseNumber: '09876543',
      size: 'small',
      flags: ['open_to_partnering'],
      postcode: 'LE11 3AB',
      categories: ['85', '98'],
      description: 'Home care in Loughborough',
      kind: 'council',
    });
    expect(saved.statusCode).toBe(303);
    const [row] = await db().select().from(organisations).where(eq(organisations.name, 'Charnwood Care Services Ltd'));
    // The type stays as it was: only an administrator changes it.
    expect(row).toMatchObject({ kind: 'supplier', categories: ['85', '98'], openToPartnering: true, description: 'Home care in Loughborough', isLocal: true });
    const audited = await db()
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityTable, 'organisations'), eq(auditEvents.entityId, row!.id), eq(auditEvents.operation, 'update')));
    expect(audited.length).toBeGreaterThan(0);
    expect((await officer.get('/directory?flag=open_to_partnering&category=85')).body).toContain('Charnwood Care Services Ltd');
  });

  it('invites a supplier to a draft tender from its directory page', async () => {
    const requirement = await insertRequirement(db());
    const tenderId = await createDraft(officer, requirement.id);
    const supplierId = await organisationIdOf(db(), 'Wigston Bridge Builders Ltd');
    const page = await officer.get(`/directory/${supplierId}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Invite to this tender');

    const none = await officer.post(`/directory/${supplierId}/invite`, {});
    expect(none.statusCode).toBe(400);
    expect(none.body).toContain('Select the tender to invite them to');

    const invited = await officer.post(`/directory/${supplierId}/invite`, { tender: tenderId });
    expect(invited.statusCode).toBe(303);
    const rows = await db().select().from(tenderSuppliers).where(eq(tenderSuppliers.tenderId, tenderId));
    expect(rows.map((r) => r.organisationId)).toEqual([supplierId]);
    expect((await officer.get(`/directory/${supplierId}?done=invited`)).body).toContain('Already invited to:');

    const viewer = await signedInClient(t.app, 'viewer@council.example');
    expect((await viewer.get(`/directory/${supplierId}`)).body).not.toContain('Invite to this tender');
    expect((await viewer.post(`/directory/${supplierId}/invite`, { tender: tenderId })).statusCode).toBe(403);
  });

  it('lets an administrator change which areas count as local, moving organisations with it, audited', async () => {
    const admin = await signedInClient(t.app, 'admin@council.example');
    const none = await admin.post('/admin/local-areas', {});
    expect(none.statusCode).toBe(400);
    expect(none.body).toContain('Select at least one area to count as local');

    const county = (await db().select().from(localAreas).where(eq(localAreas.isLocal, true))).map((a) => a.code);
    expect(county).toHaveLength(7);
    expect((await admin.post('/admin/local-areas', { areas: [...county, 'E06000016'] })).statusCode).toBe(303);
    const [city] = await db().select().from(organisations).where(eq(organisations.name, 'City Centre Catering CIC'));
    expect(city).toMatchObject({ isLocal: true, district: 'Leicester' });
    const events = await db().select().from(auditEvents).where(eq(auditEvents.action, 'Changed the areas counted as local'));
    expect(events.map((e) => e.entityTable)).toEqual(expect.arrayContaining(['local_areas', 'organisations']));

    // Melton alone: a Loughborough postcode is no longer local.
    expect((await admin.post('/admin/local-areas', { areas: ['E07000133'] })).statusCode).toBe(303);
    const [charnwood] = await db().select().from(organisations).where(eq(organisations.name, 'Charnwood Care Services Ltd'));
    expect(charnwood).toMatchObject({ isLocal: false, district: null });
    expect((await officer.get('/admin/local-areas')).statusCode).toBe(403);
    await admin.post('/admin/local-areas', { areas: county });
  });
});
