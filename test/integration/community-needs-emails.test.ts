import { and, arrayOverlaps, eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { contracts, deliveryReports, organisations, sentNotifications, users } from '../../src/db/schema/index.js';
import { createMailer, deliverPendingMail } from '../../src/platform/mail.js';
import { Client, createTestApp, signedInClient, type TestApp } from '../helpers/app.js';
import { databaseKinds } from '../helpers/databases.js';
import { startSmtpServer, type ReceivedMail, type TestSmtpServer } from '../helpers/smtp.js';
import { confirmForm, pledgeContract, pledgesOf, postNeed, registrationForm } from './community-needs-fixtures.js';

const quiet = { info: () => undefined, error: () => undefined };

/**
 * The needs board's emails, sent over SMTP to a real server through the outbox: each once, to the people it is for,
 * however often a form is sent again and however many workers deliver the outbox at the same moment.
 */
describe.each(databaseKinds)('community needs board emails on %s', (kind) => {
  let t: TestApp;
  let smtp: TestSmtpServer;
  let officer: Client;
  let community: Client;
  let supplier: Client;
  const db = () => t.services.database.db;
  const base = () => t.services.config.baseUrl;

  beforeAll(async () => {
    smtp = await startSmtpServer();
    t = await createTestApp(kind, { mailer: createMailer(smtp.url, 'Social value <no-reply@council.example>', quiet) });
    [officer, community, supplier] = await Promise.all([
      signedInClient(t.app, 'officer@council.example'),
      signedInClient(t.app, 'community@community.example'),
      signedInClient(t.app, 'supplier@supplier.example'),
    ]);
  });
  afterAll(async () => {
    await t?.close();
    await smtp?.close();
  });
  beforeEach(async () => {
    // what other features queued is not this test's business
    await deliverPendingMail(db(), t.services.mailer, quiet);
  });

  /** Delivers the outbox with two workers at once and returns what arrived, after checking nothing more is waiting. */
  async function delivered(expected: number): Promise<ReceivedMail[]> {
    smtp.messages.length = 0;
    const [a, b] = await Promise.all([deliverPendingMail(db(), t.services.mailer, quiet), deliverPendingMail(db(), t.services.mailer, quiet)]);
    expect(a + b).toBe(expected);
    expect(await deliverPendingMail(db(), t.services.mailer, quiet)).toBe(0);
    return smtp.waitFor(expected);
  }

  const activeEmails = async (where: Parameters<typeof and>[0]) =>
    (
      await db()
        .select({ email: users.email })
        .from(users)
        .where(and(eq(users.active, true), where))
    )
      .map((u) => u.email)
      .sort();

  const keysLike = async (pattern: string) => (await db().select().from(sentNotifications).where(like(sentNotifications.key, pattern))).length;

  it('tells each officer who approves registrations that one is waiting, and the organisation the decision, once', async () => {
    const approvers = await activeEmails(arrayOverlaps(users.roles, ['officer', 'admin']));
    expect(approvers).toContain('officer@council.example');

    const visitor = new Client(t.app);
    await visitor.get('/community/register');
    const form = registrationForm({ organisationName: 'Oadby Men’s Shed', email: 'pat@mensshed.example' });
    expect((await visitor.post('/community/register', form)).statusCode).toBe(303);
    const [organisation] = await db()
      .select({ id: organisations.id, district: organisations.district })
      .from(users)
      .innerJoin(organisations, eq(organisations.id, users.organisationId))
      .where(eq(users.email, 'pat@mensshed.example'));
    const link = `${base()}/needs/registrations/${organisation!.id}`;

    const waiting = await delivered(approvers.length);
    expect(waiting.flatMap((m) => m.to).sort()).toEqual(approvers);
    for (const mail of waiting) {
      expect(mail.subject).toBe('Community organisation waiting for approval: Oadby Men’s Shed');
      expect(mail.text).toContain(`Oadby Men’s Shed (community group, ${organisation!.district}) has registered on the community needs board`);
      expect(mail.text).toContain(link);
      // the person who registered is on the decision page, not in an email to every officer
      expect(mail.text).not.toContain('pat@mensshed.example');
      expect(mail.text).not.toContain('Dana Price');
    }
    expect(await keysLike(`needs-registered:${organisation!.id}:%`)).toBe(approvers.length);

    // declined with a reason: the person who registered is told it, once however often the decision is sent
    await officer.get(`/needs/registrations/${organisation!.id}`);
    const decision = { decision: 'decline', reason: 'We could not find the group at the address given.' };
    expect((await officer.post(`/needs/registrations/${organisation!.id}`, decision)).headers.location).toContain('done=declined');
    expect((await officer.post(`/needs/registrations/${organisation!.id}`, decision)).headers.location).toContain('done=already-decided');
    const [declined] = await delivered(1);
    expect(declined!.to).toEqual(['pat@mensshed.example']);
    expect(declined!.subject).toBe('Your registration on the community needs board was declined');
    expect(declined!.text).toContain('Dear Dana Price,');
    expect(declined!.text).toContain('The reason given:\nWe could not find the group at the address given.');
    expect(declined!.text).toContain(`${base()}/community`);
  });

  it('tells the organisation when its registration is approved', async () => {
    const visitor = new Client(t.app);
    await visitor.get('/community/register');
    await visitor.post('/community/register', registrationForm({ organisationName: 'Syston Sings', email: 'jo@systonsings.example', name: 'Jo Hart' }));
    const [organisation] = await db().select({ id: users.organisationId }).from(users).where(eq(users.email, 'jo@systonsings.example'));
    await delivered((await activeEmails(arrayOverlaps(users.roles, ['officer', 'admin']))).length);

    await officer.get(`/needs/registrations/${organisation!.id}`);
    await officer.post(`/needs/registrations/${organisation!.id}`, { decision: 'approve', reason: '' });
    const [approved] = await delivered(1);
    expect(approved!.to).toEqual(['jo@systonsings.example']);
    expect(approved!.subject).toBe('Your registration on the community needs board is approved');
    expect(approved!.text).toContain('has approved the registration of Syston Sings');
    expect(approved!.text).not.toContain('reason');
  });

  it('tells the organisation of a pledge, and the supplier that the met pledge goes in its next delivery report, once each', async () => {
    const contract = await pledgeContract(db());
    const needId = await postNeed(community, { title: 'Volunteers to paint the hall' });
    const organisationPeople = await activeEmails(eq(users.email, 'community@community.example'));
    await supplier.get(`/needs/${needId}/pledge`);
    const pledged = await supplier.post(`/needs/${needId}/pledge`, {
      target: `commitment:${contract.commitmentId}`,
      measure: '',
      quantity: '12.5',
      offer: 'Four staff for a day',
    });
    expect(pledged.statusCode).toBe(303);
    const [told] = await delivered(organisationPeople.length);
    expect(told!.to).toEqual(['community@community.example']);
    expect(told!.subject).toBe('Charnwood Care Services Ltd has pledged to meet your need: Volunteers to paint the hall');
    expect(told!.text).toContain('What they pledged: 12.5');
    expect(told!.text).toContain('Four staff for a day');
    expect(told!.text).toContain(`${base()}/community/needs/${needId}`);
    // the supplier's people are not named to the organisation
    expect(told!.text).not.toContain('supplier@supplier.example');

    const [pledge] = await pledgesOf(db(), needId);
    const supplierPeople = await activeEmails(and(eq(users.organisationId, pledge!.supplierId), arrayOverlaps(users.roles, ['supplier'])));
    await community.get(`/community/pledges/${pledge!.id}/confirm`);
    expect((await community.post(`/community/pledges/${pledge!.id}/confirm`, confirmForm('12.5', '2025-08-15'))).headers.location).toContain('done=confirmed');
    // sent again (a double click, an old form): nothing more is confirmed or sent
    expect((await community.post(`/community/pledges/${pledge!.id}/confirm`, confirmForm('12.5', '2025-08-15'))).headers.location).toContain(
      'done=already-decided',
    );
    const met = await delivered(supplierPeople.length);
    expect(met.flatMap((m) => m.to).sort()).toEqual(supplierPeople);
    expect(met[0]!.subject).toBe('Pledge met: Volunteers to paint the hall');
    expect(met[0]!.text).toContain(
      'Melton Community Larder has confirmed that your pledge to their need “Volunteers to paint the hall” was met on 15 August 2025',
    );
    expect(met[0]!.text).toContain(
      `It will be added to the next delivery report you start on contract ${contract.reference} for a period that ends on or after 15 August 2025, as a line for the council to verify.`,
    );
    expect(met[0]!.text).toContain(`${base()}/needs/pledges`);
    expect(await keysLike(`needs-pledge-met:${pledge!.id}:%`)).toBe(supplierPeople.length);
  });

  it('tells the supplier and the contract manager when a pledge is confirmed after the last report was handed in', async () => {
    const contract = await pledgeContract(db());
    const needId = await postNeed(community, { title: 'A van for the toy appeal' });
    await supplier.get(`/needs/${needId}/pledge`);
    await supplier.post(`/needs/${needId}/pledge`, { target: `commitment:${contract.commitmentId}`, measure: '', quantity: '2', offer: 'A van and driver' });
    const [pledge] = await pledgesOf(db(), needId);
    // the contract has since ended, and its last report was handed in
    await db().update(contracts).set({ endDate: '2025-06-30' }).where(eq(contracts.id, contract.id));
    await db().insert(deliveryReports).values({
      contractId: contract.id,
      periodStart: '2025-04-01',
      periodEnd: '2025-06-30',
      dueDate: '2025-07-30',
      status: 'submitted',
      submittedAt: new Date(),
    });
    await delivered(1);

    await community.get(`/community/pledges/${pledge!.id}/confirm`);
    expect((await community.post(`/community/pledges/${pledge!.id}/confirm`, confirmForm('2', '2025-09-01'))).headers.location).toContain('done=too-late');
    const supplierPeople = await activeEmails(and(eq(users.organisationId, pledge!.supplierId), arrayOverlaps(users.roles, ['supplier'])));
    const mails = await delivered(supplierPeople.length + 1);
    const toManager = mails.find((m) => m.to[0] === 'manager@council.example')!;
    expect(toManager.subject).toBe(`Pledge met too late for the delivery reports of contract ${contract.reference}`);
    expect(toManager.text).toContain(`${base()}/needs/late-pledges`);
    const toSupplier = mails.filter((m) => m !== toManager);
    expect(toSupplier.flatMap((m) => m.to).sort()).toEqual(supplierPeople);
    expect(toSupplier[0]!.subject).toBe('Your pledge was met but cannot go in a delivery report: A van for the toy appeal');
    expect(toSupplier[0]!.text).toContain(`after the last delivery report of contract ${contract.reference} was handed in`);
  });
});
