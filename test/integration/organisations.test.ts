import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, organisations } from '../../src/db/schema/index.js';
import { createTestApp, signedInClient, type Client, type TestApp } from '../helpers/app.js';
import { databaseKinds } from '../helpers/databases.js';

const newOrganisation = {
  name: 'Hinckley Makers CIC',
  kind: 'supplier',
  companiesHouseNumber: '1234567',
  charityNumber: '',
  size: 'small',
  flags: ['vcse', 'social_enterprise'],
  postcode: 'le10 0ab',
};

describe.each(databaseKinds)('organisations on %s', (kind) => {
  let t: TestApp;
  let admin: Client;

  beforeAll(async () => {
    t = await createTestApp(kind);
    admin = await signedInClient(t.app, 'admin@council.example');
  });
  afterAll(async () => t?.close());

  async function organisationNamed(name: string) {
    const [row] = await t.services.database.db.select().from(organisations).where(eq(organisations.name, name));
    return row;
  }

  it('lists organisations in a table with a caption, and filters them by type', async () => {
    const all = await admin.get('/admin/organisations');
    expect(all.statusCode).toBe(200);
    expect(all.body).toContain('<caption class="govuk-table__caption govuk-table__caption--m">');
    expect(all.body).toContain('All organisations');
    expect(all.body).toContain('Leicestershire County Council');
    expect(all.body).toContain('Melton Community Larder');

    const suppliers = await admin.get('/admin/organisations?kind=supplier');
    expect(suppliers.body).toMatch(/<caption[^>]*>\s*Suppliers\s*</);
    expect(suppliers.body).toContain('Charnwood Care Services Ltd');
    expect(suppliers.body).toContain('Midlands Facilities Group plc');
    expect(suppliers.body).not.toContain('Melton Community Larder');
    expect(suppliers.body).toMatch(/<option value="supplier" selected>/);

    const unknownKind = await admin.get('/admin/organisations?kind=%3Cscript%3E');
    expect(unknownKind.statusCode).toBe(200);
    expect(unknownKind.body).toContain('All organisations');
  });

  it('adds an organisation, normalising the postcode and working out its district and whether it is local', async () => {
    const form = await admin.get('/admin/organisations/new');
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('<legend class="govuk-fieldset__legend govuk-fieldset__legend--s">');
    const response = await admin.post('/admin/organisations/new', newOrganisation);
    expect(response.statusCode).toBe(303);
    const saved = await organisationNamed('Hinckley Makers CIC');
    expect(saved).toMatchObject({
      kind: 'supplier',
      companiesHouseNumber: '01234567',
      size: 'small',
      isVcse: true,
      isSocialEnterprise: true,
      postcode: 'LE10 0AB',
      district: 'Hinckley and Bosworth',
      isLocal: true,
    });
    expect(response.headers.location).toBe(`/admin/organisations/${saved!.id}?done=added`);

    const page = await admin.get(response.headers.location!);
    expect(page.body).toContain('Organisation added');
    expect(page.body).toContain('LE10 0AB');
    expect(page.body).toContain('Hinckley and Bosworth');
    expect(page.body).toContain(`href="/admin/users/invite?organisation=${saved!.id}"`);

    const [event] = await t.services.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityTable, 'organisations'), eq(auditEvents.entityId, saved!.id)));
    expect(event).toMatchObject({ actorLabel: 'admin@council.example', action: 'Added organisation Hinckley Makers CIC', operation: 'insert' });
  });

  it('treats a postcode outside the county as not local, with no district', async () => {
    await admin.get('/admin/organisations/new');
    await admin.post('/admin/organisations/new', { ...newOrganisation, name: 'Coventry Cleaning Co', flags: [], postcode: 'CV1 2GT' });
    expect(await organisationNamed('Coventry Cleaning Co')).toMatchObject({ postcode: 'CV1 2GT', district: null, isLocal: false });
  });

  it('keeps what was typed and names each field with a problem', async () => {
    await admin.get('/admin/organisations/new');
    const response = await admin.post('/admin/organisations/new', {
      name: '',
      kind: 'supplier',
      companiesHouseNumber: 'not-a-number',
      charityNumber: '',
      size: 'medium',
      flags: ['vcse'],
      postcode: 'LE11 3A',
    });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('govuk-error-summary');
    expect(response.body).toContain('href="#name"');
    expect(response.body).toContain('Enter the organisation&#39;s name');
    expect(response.body).toContain('href="#companiesHouseNumber"');
    expect(response.body).toContain('href="#postcode"');
    expect(response.body).toContain('Enter a full UK postcode, like LE11 3AB');
    expect(response.body).toContain('id="postcode-error"');
    expect(response.body).toContain('value="LE11 3A"');
    expect(response.body).toContain('value="not-a-number"');
    expect(response.body).toMatch(/value="supplier" checked/);
    expect(response.body).toMatch(/value="medium" checked/);
    expect(response.body).toMatch(/value="vcse" checked/);
    expect(response.body).toContain('<title>Error: Add an organisation');
  });

  it('edits an organisation, working out the district again from a new postcode', async () => {
    const saved = await organisationNamed('Coventry Cleaning Co');
    const form = await admin.get(`/admin/organisations/${saved!.id}/edit`);
    expect(form.body).toContain('value="CV1 2GT"');
    const response = await admin.post(`/admin/organisations/${saved!.id}/edit`, {
      ...newOrganisation,
      name: 'Coventry Cleaning Co',
      kind: 'community',
      flags: [],
      postcode: 'le13 1aa',
    });
    expect(response.statusCode).toBe(303);
    expect(await organisationNamed('Coventry Cleaning Co')).toMatchObject({
      kind: 'community',
      postcode: 'LE13 1AA',
      district: 'Melton',
      isLocal: true,
      isVcse: false,
    });
    expect((await admin.get(response.headers.location!)).body).toContain('Changes saved');
  });

  it('does not change the type of an organisation that has users, and says why', async () => {
    const charnwood = await organisationNamed('Charnwood Care Services Ltd');
    await admin.get(`/admin/organisations/${charnwood!.id}/edit`);
    const response = await admin.post(`/admin/organisations/${charnwood!.id}/edit`, {
      name: 'Charnwood Care Services Ltd',
      kind: 'partner',
      size: 'small',
      postcode: 'LE11 3AB',
    });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('href="#kind"');
    expect(response.body).toContain('Keep the type as it is: the organisation has users');
    expect(response.body).toMatch(/value="partner" checked/);
    expect((await organisationNamed('Charnwood Care Services Ltd'))?.kind).toBe('supplier');
  });

  it('answers 404 for an unknown or malformed organisation id', async () => {
    expect((await admin.get('/admin/organisations/not-an-id')).statusCode).toBe(404);
    const charnwood = await organisationNamed('Charnwood Care Services Ltd');
    const oddFlash = await admin.get(`/admin/organisations/${charnwood!.id}?done=constructor`);
    expect(oddFlash.statusCode).toBe(200);
    expect(oddFlash.body).not.toContain('govuk-notification-banner');
    expect((await admin.get('/admin/organisations/00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
    expect((await admin.get('/admin/organisations/00000000-0000-4000-8000-000000000000/edit')).statusCode).toBe(404);
    await admin.get('/admin/organisations');
    expect((await admin.post('/admin/organisations/00000000-0000-4000-8000-000000000000/edit', newOrganisation)).statusCode).toBe(404);
  });

  it('pages a long list', async () => {
    const { db } = t.services.database;
    await db
      .insert(organisations)
      .values(Array.from({ length: 60 }, (_, i) => ({ name: `Zz Paging Test ${String(i).padStart(2, '0')}`, kind: 'supplier' as const })));
    const first = await admin.get('/admin/organisations');
    expect(first.body).toContain('govuk-pagination');
    expect(first.body).toContain('href="/admin/organisations?page=2"');
    expect(first.body).not.toContain('Zz Paging Test 59');
    const second = await admin.get('/admin/organisations?page=2');
    expect(second.body).toContain('Zz Paging Test 59');
    expect(second.body).not.toContain('Charnwood Care Services Ltd');
  });
});
