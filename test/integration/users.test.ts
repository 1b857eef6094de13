import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, organisations, sessions, users } from '../../src/db/schema/index.js';
import { Client, createTestApp, signedInClient, type TestApp } from '../helpers/app.js';
import { databaseKinds } from '../helpers/databases.js';

describe.each(databaseKinds)('managing users on %s', (kind) => {
  let t: TestApp;
  let admin: Client;

  beforeAll(async () => {
    t = await createTestApp(kind);
    admin = await signedInClient(t.app, 'admin@council.example');
  });
  afterAll(async () => t?.close());

  const db = () => t.services.database.db;

  async function userId(email: string): Promise<string> {
    const [row] = await db().select({ id: users.id }).from(users).where(eq(users.email, email));
    return row!.id;
  }

  async function organisationId(name: string): Promise<string> {
    const [row] = await db().select({ id: organisations.id }).from(organisations).where(eq(organisations.name, name));
    return row!.id;
  }

  it('lists users with their organisation, roles, status and last sign-in, in a table with a caption', async () => {
    await admin.get('/admin/users/invite');
    await admin.post('/admin/users/invite', {
      name: 'Ivy Invited',
      email: 'ivy@council.example',
      organisation: await organisationId('Leicestershire County Council'),
      roles: ['officer', 'evaluator'],
    });
    const list = await admin.get('/admin/users');
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain('<caption class="govuk-table__caption govuk-table__caption--m">');
    for (const heading of ['Name', 'Email', 'Organisation', 'Roles', 'Status', 'Last signed in']) {
      expect(list.body).toContain(`<th scope="col" class="govuk-table__header">${heading}</th>`);
    }
    const ivyRow = /<tr class="govuk-table__row">\s*<th scope="row"[^>]*><a[^>]*>Ivy Invited<\/a><\/th>([\s\S]*?)<\/tr>/.exec(list.body)?.[1] ?? '';
    expect(ivyRow).toContain('ivy@council.example');
    expect(ivyRow).toContain('Leicestershire County Council');
    expect(ivyRow).toContain('Officer, Evaluator');
    expect(ivyRow).toContain('Invited');
    expect(ivyRow).toContain('Never');
    const ashaRow = /<a[^>]*>Asha Patel<\/a><\/th>([\s\S]*?)<\/tr>/.exec(list.body)?.[1] ?? '';
    expect(ashaRow).toContain('Administrator');
    expect(ashaRow).toContain('Active');
    expect(ashaRow).not.toContain('Never');
  });

  it('filters users by organisation, role and status', async () => {
    const supplierId = await organisationId('Charnwood Care Services Ltd');
    const bySupplier = await admin.get(`/admin/users?organisation=${supplierId}`);
    expect(bySupplier.body).toContain('Sam Fletcher');
    expect(bySupplier.body).not.toContain('Asha Patel</a>');
    expect(bySupplier.body).toMatch(new RegExp(`<option value="${supplierId}" selected>`));

    const evaluators = await admin.get('/admin/users?role=evaluator');
    expect(evaluators.body).toContain('Eve Kowalski');
    expect(evaluators.body).toContain('Ivy Invited');
    expect(evaluators.body).not.toContain('Mo Rahman');

    const invited = await admin.get('/admin/users?status=invited');
    expect(invited.body).toContain('Ivy Invited');
    expect(invited.body).not.toContain('Eve Kowalski');

    const nothing = await admin.get(`/admin/users?organisation=${supplierId}&role=admin`);
    expect(nothing.body).toContain('No users match these filters');

    const junk = await admin.get('/admin/users?organisation=nope&role=root&status=%00&page=-4');
    expect(junk.statusCode).toBe(200);
    expect(junk.body).toContain('All users');

    const oddFlash = await admin.get(`/admin/users/${await userId('supplier@supplier.example')}?done=constructor`);
    expect(oddFlash.statusCode).toBe(200);
    expect(oddFlash.body).not.toContain('govuk-notification-banner');
  });

  it('changes a name and roles, offering only the roles that suit the organisation', async () => {
    const ivy = await userId('ivy@council.example');
    const view = await admin.get(`/admin/users/${ivy}`);
    expect(view.body).toContain('Ivy Invited');
    expect(view.body).toContain(`href="/admin/users/${ivy}/edit#roles"`);
    const form = await admin.get(`/admin/users/${ivy}/edit`);
    expect(form.body).toContain('value="contract_manager"');
    expect(form.body).not.toContain('value="supplier"');

    const saved = await admin.post(`/admin/users/${ivy}/edit`, { name: 'Ivy Ingram', roles: ['contract_manager', 'viewer'] });
    expect(saved.statusCode).toBe(303);
    expect((await admin.get(saved.headers.location!)).body).toContain('Changes saved');
    const [row] = await db().select().from(users).where(eq(users.id, ivy));
    expect(row).toMatchObject({ name: 'Ivy Ingram', roles: ['contract_manager', 'viewer'] });

    const supplierForm = await admin.get(`/admin/users/${await userId('supplier@supplier.example')}/edit`);
    expect(supplierForm.body).toContain('value="supplier"');
    expect(supplierForm.body).not.toContain('value="admin"');
  });

  it('refuses roles that do not suit the organisation, and an empty name, keeping what was typed', async () => {
    const sam = await userId('supplier@supplier.example');
    await admin.get(`/admin/users/${sam}/edit`);
    const response = await admin.post(`/admin/users/${sam}/edit`, { name: '', roles: ['supplier', 'officer'] });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('href="#name"');
    expect(response.body).toContain('Enter their full name');
    expect(response.body).toContain('href="#roles"');
    expect(response.body).toContain('Select only the supplier role');
    const [row] = await db().select().from(users).where(eq(users.id, sam));
    expect(row).toMatchObject({ name: 'Sam Fletcher', roles: ['supplier'] });
  });

  it('does not let an admin remove their own admin role or deactivate themself, and says so', async () => {
    const asha = await userId('admin@council.example');
    const page = await admin.get(`/admin/users/${asha}`);
    expect(page.body).toContain('This is your account. You cannot deactivate it or remove your own administrator role');
    expect(page.body).not.toContain(`href="/admin/users/${asha}/deactivate"`);

    await admin.get(`/admin/users/${asha}/edit`);
    const demote = await admin.post(`/admin/users/${asha}/edit`, { name: 'Asha Patel', roles: ['officer'] });
    expect(demote.statusCode).toBe(400);
    expect(demote.body).toContain('href="#roles"');
    expect(demote.body).toContain('Keep your administrator role: you cannot remove it from yourself');

    const confirm = await admin.get(`/admin/users/${asha}/deactivate`);
    expect(confirm.body).toContain('You cannot deactivate your own account');
    const deactivate = await admin.post(`/admin/users/${asha}/deactivate`);
    expect(deactivate.statusCode).toBe(400);
    const [row] = await db().select().from(users).where(eq(users.id, asha));
    expect(row).toMatchObject({ active: true, roles: ['admin'] });
    expect((await admin.get('/admin/users')).statusCode).toBe(200);
  });

  it('deactivates an account after confirmation: the person is signed out at once and cannot sign in again until reactivated', async () => {
    const mo = await userId('manager@council.example');
    const mosBrowser = await signedInClient(t.app, 'manager@council.example');
    expect((await mosBrowser.get('/thresholds')).statusCode).toBe(200);

    const confirm = await admin.get(`/admin/users/${mo}/deactivate`);
    expect(confirm.statusCode).toBe(200);
    expect(confirm.body).toContain("Are you sure you want to deactivate Mo Rahman's account?");
    const response = await admin.post(`/admin/users/${mo}/deactivate`);
    expect(response.statusCode).toBe(303);
    const page = await admin.get(response.headers.location!);
    expect(page.body).toContain('Mo Rahman&#39;s account is deactivated and they have been signed out');
    expect(page.body).toContain('Deactivated');

    const next = await mosBrowser.get('/thresholds');
    expect(next.statusCode).toBe(302);
    expect(next.headers.location).toBe('/sign-in?next=%2Fthresholds');
    const [{ n }] = (await db()
      .select({ n: sql<number>`count(*)::int` })
      .from(sessions)
      .where(eq(sessions.userId, mo))) as [{ n: number }];
    expect(n).toBe(0);
    await expect(new Client(t.app).signIn('manager@council.example')).rejects.toThrow(/failed with 400/);
    expect((await admin.get('/admin/users?status=deactivated')).body).toContain('Mo Rahman');

    // A deactivated account gets no new invitation.
    const resend = await admin.post(`/admin/users/${mo}/invitation`);
    expect(resend.statusCode).toBe(400);
    expect(resend.body).toContain('Reactivate the account before you send a new invitation');

    await admin.get(`/admin/users/${mo}`);
    const reactivate = await admin.post(`/admin/users/${mo}/reactivate`);
    expect(reactivate.statusCode).toBe(303);
    expect((await admin.get(reactivate.headers.location!)).body).toContain('Mo Rahman&#39;s account is active again');
    await new Client(t.app).signIn('manager@council.example');

    const trail = await db()
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityTable, 'users'), eq(auditEvents.entityId, mo), eq(auditEvents.actorLabel, 'admin@council.example')));
    expect(trail.map((e) => e.action)).toEqual(expect.arrayContaining(['Deactivated manager@council.example', 'Reactivated manager@council.example']));
    const deactivation = trail.find((e) => e.action === 'Deactivated manager@council.example');
    expect(deactivation?.before).toMatchObject({ active: true });
    expect(deactivation?.after).toMatchObject({ active: false });
  });

  it('answers 404 for unknown or malformed user ids', async () => {
    for (const url of [
      '/admin/users/not-a-uuid',
      '/admin/users/00000000-0000-4000-8000-000000000000',
      '/admin/users/00000000-0000-4000-8000-000000000000/edit',
    ]) {
      expect((await admin.get(url)).statusCode, url).toBe(404);
    }
    await admin.get('/admin/users');
    expect((await admin.post('/admin/users/00000000-0000-4000-8000-000000000000/deactivate')).statusCode).toBe(404);
  });

  it('refuses every admin page and action to suppliers and viewers (403), and to visitors who are not signed in', async () => {
    const sam = await userId('supplier@supplier.example');
    const charnwood = await organisationId('Charnwood Care Services Ltd');
    const gets = [
      '/admin/users',
      '/admin/users/invite',
      `/admin/users/${sam}`,
      `/admin/users/${sam}/edit`,
      `/admin/users/${sam}/deactivate`,
      '/admin/organisations',
      '/admin/organisations/new',
      `/admin/organisations/${charnwood}`,
      `/admin/organisations/${charnwood}/edit`,
    ];
    const posts: [string, Record<string, string | string[]>][] = [
      ['/admin/users/invite', { name: 'Mallory', email: 'mallory@example.com', organisation: charnwood, roles: ['supplier'] }],
      [`/admin/users/${sam}/edit`, { name: 'Hacked', roles: ['supplier'] }],
      [`/admin/users/${sam}/deactivate`, {}],
      [`/admin/users/${sam}/reactivate`, {}],
      [`/admin/users/${sam}/invitation`, {}],
      ['/admin/organisations/new', { name: 'Mallory Ltd', kind: 'supplier' }],
      [`/admin/organisations/${charnwood}/edit`, { name: 'Hacked Ltd', kind: 'supplier' }],
    ];
    for (const email of ['supplier@supplier.example', 'viewer@council.example']) {
      const client = await signedInClient(t.app, email);
      for (const url of gets) expect((await client.get(url)).statusCode, `${email} GET ${url}`).toBe(403);
      for (const [url, form] of posts) expect((await client.post(url, form)).statusCode, `${email} POST ${url}`).toBe(403);
    }
    const visitor = new Client(t.app);
    for (const url of gets) expect((await visitor.get(url)).statusCode, `GET ${url}`).toBe(302);
    for (const [url, form] of posts) expect((await visitor.post(url, form)).statusCode, `POST ${url}`).toBe(401);

    const [samNow] = await db().select().from(users).where(eq(users.id, sam));
    expect(samNow).toMatchObject({ name: 'Sam Fletcher', active: true });
    expect(await db().select().from(users).where(eq(users.email, 'mallory@example.com'))).toEqual([]);
    expect(
      await db()
        .select()
        .from(organisations)
        .where(sql`${organisations.name} in ('Mallory Ltd', 'Hacked Ltd')`),
    ).toEqual([]);
  });
});
