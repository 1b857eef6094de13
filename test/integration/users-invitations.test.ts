import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, invitations, organisations, users } from '../../src/db/schema/index.js';
import { createMailer, deliverPendingMail } from '../../src/platform/mail.js';
import { Client, createTestApp, signedInClient, type TestApp } from '../helpers/app.js';
import { databaseKinds } from '../helpers/databases.js';
import { startSmtpServer, type ReceivedMail, type TestSmtpServer } from '../helpers/smtp.js';

const quiet = { info: () => undefined, error: () => undefined };
const LINK = /http:\/\/localhost:3000(\/invitations\/[A-Za-z0-9_-]{43})/;

describe.each(databaseKinds)('inviting users by email on %s', (kind) => {
  let t: TestApp;
  let smtp: TestSmtpServer;
  let admin: Client;

  beforeAll(async () => {
    smtp = await startSmtpServer();
    t = await createTestApp(kind, { mailer: createMailer(smtp.url, 'Social value <no-reply@council.example>', quiet) });
    admin = await signedInClient(t.app, 'admin@council.example');
  });
  afterAll(async () => {
    await t?.close();
    await smtp?.close();
  });

  const db = () => t.services.database.db;

  async function organisationId(name: string): Promise<string> {
    const [row] = await db().select({ id: organisations.id }).from(organisations).where(eq(organisations.name, name));
    return row!.id;
  }

  /** Sends what is in the outbox over SMTP, and returns the newest email received for `to`. */
  async function deliverEmailTo(to: string): Promise<ReceivedMail> {
    const before = smtp.messages.length;
    await deliverPendingMail(db(), t.services.mailer, quiet);
    const received = await smtp.waitFor(before + 1);
    const mail = [...received].reverse().find((m) => m.to.some((address) => address.toLowerCase() === to.toLowerCase()));
    if (!mail) throw new Error(`no email to ${to}`);
    return mail;
  }

  /** The path of the invitation link in the newest email to `to`. */
  async function invitationLinkFor(to: string): Promise<string> {
    const match = LINK.exec((await deliverEmailTo(to)).text);
    if (!match?.[1]) throw new Error(`no invitation link in the email to ${to}`);
    return match[1];
  }

  async function invite(fields: Record<string, string | string[]>) {
    await admin.get('/admin/users/invite');
    return admin.post('/admin/users/invite', fields);
  }

  it('invites a supplier user, who sets a password from the emailed link, is signed in and sees supplier pages only', async () => {
    const supplierId = await organisationId('Charnwood Care Services Ltd');
    const form = await admin.get(`/admin/users/invite?organisation=${supplierId}`);
    expect(form.body).toMatch(new RegExp(`<option value="${supplierId}" selected>`));
    expect(form.body).toMatch(/value="supplier" checked/);

    const response = await admin.post('/admin/users/invite', {
      name: 'Priya Shah',
      email: 'Priya.Shah@Supplier.example',
      organisation: supplierId,
      roles: ['supplier'],
    });
    expect(response.statusCode).toBe(303);
    const [created] = await db().select().from(users).where(eq(users.email, 'Priya.Shah@Supplier.example'));
    expect(created).toMatchObject({ name: 'Priya Shah', organisationId: supplierId, roles: ['supplier'], active: true, passwordHash: null });
    expect(response.headers.location).toBe(`/admin/users/${created!.id}?done=invited`);
    const page = await admin.get(response.headers.location!);
    expect(page.body).toContain('Invitation sent to Priya.Shah@Supplier.example');
    expect(page.body).toContain('Invited');

    // Only the hash of the token is stored.
    const [invitation] = await db().select().from(invitations).where(eq(invitations.userId, created!.id));
    expect(invitation?.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    const days = (invitation!.expiresAt.getTime() - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(6.99);
    expect(days).toBeLessThanOrEqual(7);

    const mail = await deliverEmailTo('Priya.Shah@Supplier.example');
    const path = LINK.exec(mail.text)?.[1] ?? '';
    expect(mail.subject).toBe('You are invited to the social value service');
    expect(mail.text).toContain('Asha Patel has invited you');
    expect(mail.text).toContain('Charnwood Care Services Ltd');
    expect(path).not.toContain(invitation!.tokenHash);

    const invitee = new Client(t.app);
    const setPassword = await invitee.get(path);
    expect(setPassword.statusCode).toBe(200);
    expect(setPassword.body).toContain('Set your password');
    expect(setPassword.body).toContain('Priya Shah');
    expect(setPassword.body).toContain('Charnwood Care Services Ltd');

    const accepted = await invitee.post(path, { password: 'pale green teapot', confirmPassword: 'pale green teapot' });
    expect(accepted.statusCode).toBe(303);
    expect(accepted.headers.location).toBe('/');
    expect(accepted.cookies.find((c) => c.name === 'sv_session')).toBeTruthy();

    const home = await invitee.get('/');
    expect(home.body).toContain('Signed in as <strong>Priya Shah</strong>');
    expect(home.body).not.toContain('href="/framework"');
    expect(home.body).not.toContain('href="/admin/users"');
    for (const url of ['/admin/users', '/admin/organisations', '/thresholds', '/admin/audit']) {
      expect((await invitee.get(url)).statusCode, url).toBe(403);
    }

    // The link works once.
    const again = await new Client(t.app).get(path);
    expect(again.statusCode).toBe(410);
    expect(again.body).toContain('This invitation has already been used');

    // The new password signs in.
    const later = new Client(t.app);
    await later.signIn('priya.shah@supplier.example', 'pale green teapot');
    expect((await later.get('/')).body).toContain('Priya Shah');
    expect((await admin.get(`/admin/users/${created!.id}`)).body).toContain('Invitation accepted on');
  });

  it('records every step in the audit trail with its actor, and never a password hash or token hash', async () => {
    const [user] = await db().select().from(users).where(eq(users.email, 'Priya.Shah@Supplier.example'));
    const events = await db()
      .select()
      .from(auditEvents)
      .where(sql`${auditEvents.entityId} = ${user!.id} or ${auditEvents.after}->>'user_id' = ${user!.id}`);
    const summary = events.map((e) => `${e.actorLabel}: ${e.action} (${e.entityTable} ${e.operation})`);
    expect(summary).toContain('admin@council.example: Invited Priya.Shah@Supplier.example (users insert)');
    expect(summary).toContain('admin@council.example: Invited Priya.Shah@Supplier.example (invitations insert)');
    expect(summary).toContain('Priya.Shah@Supplier.example: Accepted an invitation and set a password (users update)');
    expect(summary).toContain('Priya.Shah@Supplier.example: Accepted an invitation and set a password (invitations update)');
    const invitedEvent = events.find((e) => e.entityTable === 'users' && e.operation === 'insert');
    expect(invitedEvent?.actorId).toBe((await db().select({ id: users.id }).from(users).where(eq(users.email, 'admin@council.example')))[0]?.id);

    const trail = JSON.stringify(await db().select().from(auditEvents));
    expect(user!.passwordHash).toMatch(/^scrypt\$/);
    expect(trail).not.toContain(user!.passwordHash!);
    expect(trail).not.toContain('scrypt$');
    expect(trail).not.toContain('password_hash');
    const [invitation] = await db().select().from(invitations).where(eq(invitations.userId, user!.id));
    expect(trail).not.toContain(invitation!.tokenHash);
  });

  it('keeps the input and names the field when the email is taken, the roles do not suit the organisation, or something is missing', async () => {
    const supplierId = await organisationId('Charnwood Care Services Ltd');
    const duplicate = await invite({ name: 'Another Sam', email: 'SUPPLIER@supplier.example', organisation: supplierId, roles: ['supplier'] });
    expect(duplicate.statusCode).toBe(400);
    expect(duplicate.body).toContain('href="#email"');
    expect(duplicate.body).toContain('There is already an account with this email address');
    expect(duplicate.body).toContain('value="Another Sam"');
    expect(duplicate.body).toContain('value="SUPPLIER@supplier.example"');

    const wrongRoles = await invite({ name: 'Ada Admin', email: 'ada@supplier.example', organisation: supplierId, roles: ['admin', 'supplier'] });
    expect(wrongRoles.statusCode).toBe(400);
    expect(wrongRoles.body).toContain('href="#roles"');
    expect(wrongRoles.body).toContain('Select only the supplier role: it is the only role for a supplier&#39;s users');
    expect(wrongRoles.body).toMatch(/value="admin" checked/);
    expect(wrongRoles.body).toMatch(new RegExp(`<option value="${supplierId}" selected>`));

    const councilId = await organisationId('Leicestershire County Council');
    const communityForStaff = await invite({ name: 'Cal', email: 'cal@council.example', organisation: councilId, roles: ['community'] });
    expect(communityForStaff.body).toContain('Select roles for council staff only: administrator, officer, evaluator, contract manager or viewer');

    const empty = await invite({ name: '', email: 'not-an-email', organisation: '', roles: [] });
    expect(empty.statusCode).toBe(400);
    for (const [field, message] of [
      ['name', 'Enter their full name'],
      ['email', 'Enter an email address in the correct format, like name@example.com'],
      ['organisation', 'Select their organisation'],
    ]) {
      expect(empty.body).toContain(`href="#${field}"`);
      expect(empty.body).toContain(message);
    }
    expect(empty.body).toContain('value="not-an-email"');

    const noRoles = await invite({ name: 'Nora', email: 'nora@council.example', organisation: councilId });
    expect(noRoles.body).toContain('Select at least one role');

    const unknownOrganisation = await invite({
      name: 'Una',
      email: 'una@example.com',
      organisation: '00000000-0000-4000-8000-000000000000',
      roles: ['viewer'],
    });
    expect(unknownOrganisation.body).toContain('Select their organisation');

    const [{ n }] = (await db()
      .select({ n: sql<number>`count(*)::int` })
      .from(users)
      .where(sql`lower(${users.email}) in ('ada@supplier.example', 'cal@council.example', 'nora@council.example', 'una@example.com')`)) as [{ n: number }];
    expect(n).toBe(0);
  });

  it('refuses a short password or a confirmation that does not match, naming the field, and leaves the invitation open', async () => {
    const partnerId = await organisationId('Leicestershire Partnership NHS Trust');
    expect((await invite({ name: 'Pat Partner', email: 'pat@nhs.example', organisation: partnerId, roles: ['viewer'] })).statusCode).toBe(303);
    const path = await invitationLinkFor('pat@nhs.example');
    const invitee = new Client(t.app);
    await invitee.get(path);

    const short = await invitee.post(path, { password: 'short', confirmPassword: 'short' });
    expect(short.statusCode).toBe(400);
    expect(short.body).toContain('href="#password"');
    expect(short.body).toContain('Enter a password that is 12 characters or more');
    expect(short.body).toContain('id="password-error"');

    const mismatch = await invitee.post(path, { password: 'a long enough password', confirmPassword: 'a long enough passw0rd' });
    expect(mismatch.statusCode).toBe(400);
    expect(mismatch.body).toContain('href="#confirmPassword"');
    expect(mismatch.body).toContain('Enter the same password in both boxes');

    const [user] = await db().select().from(users).where(eq(users.email, 'pat@nhs.example'));
    expect(user?.passwordHash).toBeNull();
    expect((await invitee.get(path)).statusCode).toBe(200);

    expect((await invitee.post(path, { password: 'a long enough password', confirmPassword: 'a long enough password' })).statusCode).toBe(303);
    const home = await invitee.get('/');
    expect(home.body).toContain('Pat Partner');
    expect(home.body).toContain('href="/thresholds"'); // partners' users are viewers
  });

  it('sends a new invitation that replaces the old link, which is how an admin lets someone reset a forgotten password', async () => {
    const [sam] = await db().select().from(users).where(eq(users.email, 'supplier@supplier.example'));
    const samsBrowser = await signedInClient(t.app, 'supplier@supplier.example');
    await admin.get(`/admin/users/${sam!.id}`);
    const first = await admin.post(`/admin/users/${sam!.id}/invitation`);
    expect(first.statusCode).toBe(303);
    const firstPath = await invitationLinkFor('supplier@supplier.example');
    expect(smtp.messages.at(-1)?.subject).toBe('Set a new password for the social value service');
    expect(smtp.messages.at(-1)?.text).toContain('Your current password keeps working until you set a new one.');

    await admin.get(`/admin/users/${sam!.id}`);
    const second = await admin.post(`/admin/users/${sam!.id}/invitation`);
    expect((await admin.get(second.headers.location!)).body).toContain('New invitation sent to supplier@supplier.example. Earlier links no longer work');
    const secondPath = await invitationLinkFor('supplier@supplier.example');
    expect(secondPath).not.toBe(firstPath);

    const old = await new Client(t.app).get(firstPath);
    expect(old.statusCode).toBe(410);
    expect(old.body).toContain('This invitation has expired');
    expect(old.body).toContain('Ask your service administrator to send you a new invitation');

    const resetter = new Client(t.app);
    await resetter.get(secondPath);
    expect((await resetter.post(secondPath, { password: 'a brand new password', confirmPassword: 'a brand new password' })).statusCode).toBe(303);
    // Setting a new password signs the person out of their other sessions, and the old password stops working.
    expect((await samsBrowser.get('/thresholds')).statusCode).toBe(302);
    await new Client(t.app).signIn('supplier@supplier.example', 'a brand new password');
    await expect(new Client(t.app).signIn('supplier@supplier.example')).rejects.toThrow(/failed with 400/);
  });

  it('shows a clear page, not an error, for unknown, malformed and expired links', async () => {
    const visitor = new Client(t.app);
    const unknown = await visitor.get(`/invitations/${'A'.repeat(43)}`);
    expect(unknown.statusCode).toBe(404);
    expect(unknown.body).toContain('This invitation link does not work');
    expect(unknown.body).toContain('ask your service administrator to send you a new invitation');
    expect((await visitor.get('/invitations/short')).statusCode).toBe(404);
    expect(
      (await visitor.post(`/invitations/${'A'.repeat(43)}`, { password: 'a long enough password', confirmPassword: 'a long enough password' })).statusCode,
    ).toBe(404);

    const councilId = await organisationId('Leicestershire County Council');
    await invite({ name: 'Ed Expired', email: 'ed@council.example', organisation: councilId, roles: ['officer', 'evaluator'] });
    const path = await invitationLinkFor('ed@council.example');
    await db().execute(
      sql`update invitations set expires_at = now() - interval '1 minute' where user_id = (select id from users where email = 'ed@council.example')`,
    );
    const expired = await visitor.get(path);
    expect(expired.statusCode).toBe(410);
    expect(expired.body).toContain('This invitation has expired');
    const posted = await visitor.post(path, { password: 'a long enough password', confirmPassword: 'a long enough password' });
    expect(posted.statusCode).toBe(410);
    const [ed] = await db().select().from(users).where(eq(users.email, 'ed@council.example'));
    expect(ed?.passwordHash).toBeNull();
  });
});
