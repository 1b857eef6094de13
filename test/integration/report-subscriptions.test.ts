import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportSends } from '../../src/db/schema/index.js';
import { todayIso } from '../../src/domain/dates.js';
import { latestEndedPeriod, periodLabel } from '../../src/features/report-subscriptions/periods.js';
import { deliverDueReports } from '../../src/features/report-subscriptions/deliver-reports.js';
import { REPORT_LINK, UNSUBSCRIBE } from '../../src/features/report-subscriptions/links.js';
import { reportSender } from '../../src/features/report-subscriptions/sender.js';
import type { MailMessage } from '../../src/platform/mail.js';
import { signedLinkKey } from '../../src/platform/signed-links.js';
import { Client, createTestApp, signedInClient, type TestApp } from '../helpers/app.js';
import { databaseKinds } from '../helpers/databases.js';
import { readPdf } from '../helpers/pdf.js';
import { addSubscription, auditOf, contractWithFiguresToDate, linkIn, quiet, sendsOf, statusOf } from './report-subscriptions-fixtures.js';

const latestQuarter = latestEndedPeriod('quarterly', todayIso());
const latestYear = latestEndedPeriod('annual', todayIso());

describe.each(databaseKinds)('report subscriptions on %s', (kind) => {
  let t: TestApp;
  let officer: Client;
  beforeAll(async () => {
    t = await createTestApp(kind);
    await contractWithFiguresToDate(t.services.database.db);
    officer = await signedInClient(t.app, 'officer@council.example');
  });
  afterAll(async () => t?.close());

  const deliver = (options = {}) => deliverDueReports(t.services.database.db, reportSender(t.services), quiet, options);
  const lastMail = (): MailMessage => t.sent.at(-1)!;

  it('shows each problem with the form beside its field, and keeps what was typed', async () => {
    await officer.get('/reports/subscriptions/new');
    const empty = await officer.post('/reports/subscriptions', {});
    expect(empty.statusCode).toBe(400);
    for (const [field, message] of [
      ['name', 'Enter the name of the list or recipient'],
      ['emails', 'Enter at least one email address'],
      ['kind', 'Select which report to send'],
      ['delivery', 'Select whether to attach the report or send a link to it'],
    ]) {
      expect(empty.body).toContain(`href="#${field}">${message}`);
      expect(empty.body).toMatch(new RegExp(`id="${field}-error"[^>]*>\\s*<span class="govuk-visually-hidden">Error:</span> ${message}`));
    }
    expect(empty.body).toContain('<title>Error: Add a report subscription');

    const typo = await officer.post('/reports/subscriptions', {
      name: 'Cabinet members',
      emails: 'cabinet@council.example\nbob@',
      kind: 'quarterly',
      delivery: 'attached',
    });
    expect(typo.statusCode).toBe(400);
    expect(typo.body).toContain('“bob@” is not an email address');
    expect(typo.body).toContain('value="Cabinet members"');
    expect(typo.body).toContain('cabinet@council.example\nbob@</textarea>');
    expect(typo.body).toMatch(/name="kind" type="radio" value="quarterly" checked/);
  });

  it('adds a subscription, audited, with the latest ended period queued at once, and lists it', async () => {
    const id = await addSubscription(officer, { name: 'Cabinet members', emails: 'cabinet@council.example', kind: 'quarterly', delivery: 'attached' });
    const page = await officer.get(`/reports/subscriptions/${id}?done=added`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(`The ${periodLabel('quarterly', latestQuarter)} report will be sent within a minute`);
    expect(page.body).toMatch(/<strong class="govuk-tag govuk-tag--blue">\s*Queued\s*<\/strong>/);
    expect(await sendsOf(t.services.database.db, id)).toEqual([{ period: latestQuarter, state: 'queued', attempts: 0, lastError: null }]);
    expect(await auditOf(t.services.database.db, id)).toEqual([['officer@council.example', 'Added the report subscription Cabinet members', 'insert']]);
    const list = await officer.get('/reports/subscriptions');
    expect(list.body).toContain(`<a class="govuk-link" href="/reports/subscriptions/${id}">Cabinet members</a>`);
    expect(list.body).toContain('cabinet@council.example');
  });

  it('refuses suppliers and every other role but officers and administrators, and sends visitors to sign in', async () => {
    const id = await addSubscription(officer, { name: 'Refusal check', emails: 'x@council.example', kind: 'annual', delivery: 'linked' });
    for (const email of ['supplier@supplier.example', 'viewer@council.example', 'manager@council.example', 'evaluator@council.example']) {
      const client = await signedInClient(t.app, email);
      for (const path of [
        '/reports/subscriptions',
        '/reports/subscriptions/new',
        '/reports/subscriptions/sends',
        `/reports/subscriptions/${id}`,
        `/reports/subscriptions/${id}/remove`,
      ]) {
        expect((await client.get(path)).statusCode, `${email} GET ${path}`).toBe(403);
      }
      for (const path of ['/reports/subscriptions', `/reports/subscriptions/${id}/pause`, `/reports/subscriptions/${id}/remove`]) {
        expect(
          (await client.post(path, { name: 'Mine', emails: 'me@supplier.example', kind: 'annual', delivery: 'attached' })).statusCode,
          `${email} POST ${path}`,
        ).toBe(403);
      }
    }
    const visitor = new Client(t.app);
    const redirected = await visitor.get('/reports/subscriptions');
    expect(redirected.statusCode).toBe(302);
    expect(redirected.headers.location).toBe('/sign-in?next=%2Freports%2Fsubscriptions');
    expect(await statusOf(t.services.database.db, id)).toBe('active');
    const admin = await signedInClient(t.app, 'admin@council.example');
    expect((await admin.get(`/reports/subscriptions/${id}`)).statusCode).toBe(200);
  });

  it('pauses, resumes and removes a subscription, each audited; a removed one is gone from the list but kept in the log', async () => {
    const db = t.services.database.db;
    const id = await addSubscription(officer, { name: 'Partner body', emails: 'sv@partner.example', kind: 'annual', delivery: 'attached' });
    expect((await officer.post(`/reports/subscriptions/${id}/pause`)).headers.location).toBe(`/reports/subscriptions/${id}?done=paused`);
    expect(await statusOf(db, id)).toBe('paused');
    // a paused subscription's queued report waits
    expect(await deliver()).toBeGreaterThanOrEqual(0);
    expect((await sendsOf(db, id))[0]?.state).toBe('queued');
    expect((await officer.post(`/reports/subscriptions/${id}/resume`)).headers.location).toBe(`/reports/subscriptions/${id}?done=resumed`);
    expect(await statusOf(db, id)).toBe('active');
    expect((await officer.get(`/reports/subscriptions/${id}/remove`)).body).toContain('Remove Partner body?');
    expect((await officer.post(`/reports/subscriptions/${id}/remove`)).headers.location).toBe('/reports/subscriptions?done=removed');
    expect(await statusOf(db, id)).toBe('removed');
    expect(await sendsOf(db, id)).toEqual([{ period: latestYear, state: 'cancelled', attempts: 0, lastError: 'Not sent: the subscription was removed' }]);
    expect((await officer.get(`/reports/subscriptions/${id}`)).statusCode).toBe(404);
    expect((await officer.get('/reports/subscriptions')).body).not.toContain('Partner body');
    const log = await officer.get('/reports/subscriptions/sends');
    expect(log.body).toContain('Partner body (removed)');
    expect((await auditOf(db, id)).map(([who, what]) => `${who}: ${what}`)).toEqual([
      'officer@council.example: Added the report subscription Partner body',
      'officer@council.example: Paused the report subscription Partner body',
      'officer@council.example: Resumed the report subscription Partner body',
      'officer@council.example: Removed the report subscription Partner body',
    ]);
  });

  it('sends the report with its PDF and an unsubscribe link and header, and logs it as sent', async () => {
    const db = t.services.database.db;
    const id = await addSubscription(officer, {
      name: 'Scrutiny list',
      emails: 'scrutiny@council.example\ncommittee@council.example',
      kind: 'quarterly',
      delivery: 'attached',
    });
    t.sent.length = 0;
    await deliver();
    const mail = t.sent.find((m) => m.to === 'scrutiny@council.example, committee@council.example') as
      (MailMessage & { headers?: Record<string, string>; attachments?: { content: Buffer }[] }) | undefined;
    expect(mail?.subject).toBe(`Social value report: ${periodLabel('quarterly', latestQuarter)}`);
    expect((await readPdf(mail!.attachments![0]!.content)).title).toBe(`Social value report, ${periodLabel('quarterly', latestQuarter)}`);
    const unsubscribe = linkIn(mail!.text, '/reports/unsubscribe/');
    expect(mail?.headers?.['List-Unsubscribe']).toBe(`<${t.services.config.baseUrl}${unsubscribe}>`);
    expect(await sendsOf(db, id)).toEqual([{ period: latestQuarter, state: 'sent', attempts: 1, lastError: null }]);
    const page = await officer.get(`/reports/subscriptions/${id}`);
    expect(page.body).toMatch(/Sent \d+ \w+ \d{4} at/);
    // running again sends nothing more
    t.sent.length = 0;
    await deliver();
    expect(t.sent.filter((m) => m.to.startsWith('scrutiny@'))).toHaveLength(0);
  });

  it('keeps a report it could not send queued with the error and the next attempt, then marks it failed; an officer can send it again', async () => {
    const db = t.services.database.db;
    const id = await addSubscription(officer, { name: 'Flaky partner', emails: 'flaky@partner.example', kind: 'annual', delivery: 'attached' });
    const sender = reportSender(t.services);
    const broken = { ...sender, mailer: { send: async () => Promise.reject(new Error('connect ECONNREFUSED 127.0.0.1:2525')) } };
    await deliverDueReports(db, broken, quiet);
    expect(await sendsOf(db, id)).toEqual([{ period: latestYear, state: 'queued', attempts: 1, lastError: 'Error: connect ECONNREFUSED 127.0.0.1:2525' }]);
    const page = await officer.get(`/reports/subscriptions/${id}`);
    expect(page.body).toContain('Next attempt');
    expect(page.body).toContain('connect ECONNREFUSED 127.0.0.1:2525');
    // not yet due again: nothing is tried
    await deliverDueReports(db, broken, quiet);
    expect((await sendsOf(db, id))[0]?.attempts).toBe(1);
    // an hour later it is tried again, and with two attempts allowed, given up
    const later = new Date(Date.now() + 3_600_000);
    await deliverDueReports(db, broken, quiet, { now: () => later, maxAttempts: 2 });
    expect(await sendsOf(db, id)).toMatchObject([{ state: 'failed', attempts: 2 }]);
    const failed = await officer.get(`/reports/subscriptions/${id}`);
    expect(failed.body).toMatch(/<strong class="govuk-tag govuk-tag--red">\s*Failed\s*<\/strong>/);
    const sendId = /\/sends\/([0-9a-f-]{36})\/retry/.exec(failed.body)![1]!;
    expect((await officer.post(`/reports/subscriptions/${id}/sends/${sendId}/retry`)).headers.location).toBe(`/reports/subscriptions/${id}?done=retried`);
    expect(await sendsOf(db, id)).toMatchObject([{ state: 'queued', attempts: 0 }]);
    expect((await auditOf(db, id)).at(-1)).toEqual([
      'officer@council.example',
      `Asked for the ${periodLabel('annual', latestYear)} report to be sent again to Flaky partner`,
      'event',
    ]);
    await deliver();
    expect(await sendsOf(db, id)).toMatchObject([{ state: 'sent', attempts: 1 }]);
    const log = await officer.get('/reports/subscriptions/sends');
    expect(log.body).toContain('Report send log');
    expect(log.body).toContain('Flaky partner');
  });

  it('marks a period that has no report failed at once, saying why, rather than trying it again and again', async () => {
    const db = t.services.database.db;
    const id = await addSubscription(officer, { name: 'Archive', emails: 'archive@council.example', kind: 'quarterly', delivery: 'linked' });
    await db.insert(reportSends).values({ subscriptionId: id, period: '2019-04-01' });
    await deliver();
    expect(await sendsOf(db, id)).toEqual([
      {
        period: '2019-04-01',
        state: 'failed',
        attempts: 1,
        lastError: 'There is no report for April to June 2019: no figures for it. Send it again once there are.',
      },
      { period: latestQuarter, state: 'sent', attempts: 1, lastError: null },
    ]);
  });

  it('unsubscribes without signing in: a confirmation page, then a form protected by the visit’s CSRF token; audited', async () => {
    const db = t.services.database.db;
    const id = await addSubscription(officer, { name: 'Health partnership', emails: 'health@partner.example', kind: 'quarterly', delivery: 'linked' });
    await deliver();
    const mail = t.sent.find((m) => m.to === 'health@partner.example')!;
    const path = linkIn(mail.text, '/reports/unsubscribe/');
    const visitor = new Client(t.app);
    const confirm = await visitor.get(path);
    expect(confirm.statusCode).toBe(200);
    expect(confirm.body).toContain('Unsubscribe from the social value report');
    expect(confirm.body).toContain('health@partner.example');
    expect(await statusOf(db, id)).toBe('active');
    // a form without the visit's token, or from another visit, is refused
    expect((await visitor.post(path, { _csrf: '' })).statusCode).toBe(403);
    const other = new Client(t.app);
    await other.get(path);
    expect((await visitor.post(path, { _csrf: other.csrfToken })).statusCode).toBe(403);
    expect(await statusOf(db, id)).toBe('active');
    await visitor.get(path);
    const done = await visitor.post(path);
    expect(done.statusCode).toBe(303);
    expect((await visitor.get(path)).body).toContain('You are unsubscribed');
    expect(await statusOf(db, id)).toBe('unsubscribed');
    expect((await auditOf(db, id)).at(-1)).toEqual([
      'the unsubscribe link emailed to Health partnership',
      'Unsubscribed Health partnership from its social value report, by the link in its email',
      'update',
    ]);
    expect((await officer.get(`/reports/subscriptions/${id}`)).body).toContain('Unsubscribed');
  });

  it('opens a linked report without signing in, and refuses changed, other-purpose, expired and withdrawn links with a page that says so', async () => {
    const id = await addSubscription(officer, { name: 'District councils', emails: 'districts@partner.example', kind: 'annual', delivery: 'linked' });
    await deliver();
    const mail = lastMail();
    expect(mail.to).toBe('districts@partner.example');
    expect(mail.text).toContain('works without signing in until');
    const reportPath = linkIn(mail.text, '/reports/shared/');
    const unsubscribePath = linkIn(mail.text, '/reports/unsubscribe/');
    const visitor = new Client(t.app);
    const pdf = await visitor.get(reportPath);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect((await readPdf(pdf.rawPayload)).title).toBe(`Annual social value report, ${periodLabel('annual', latestYear)}`);
    expect((await auditOf(t.services.database.db, id)).at(-1)).toEqual([
      'the report link emailed to District councils',
      `Opened the ${periodLabel('annual', latestYear)} annual social value report by the link emailed to District councils`,
      'event',
    ]);

    const reportToken = reportPath.split('/').at(-1)!;
    const unsubscribeToken = unsubscribePath.split('/').at(-1)!;
    const tampered = reportToken.replace(/^./, (c) => (c === 'A' ? 'B' : 'A'));
    for (const path of [
      `/reports/shared/${tampered}`,
      `/reports/shared/${unsubscribeToken}`,
      `/reports/unsubscribe/${reportToken}`,
      '/reports/unsubscribe/not-a-token',
    ]) {
      const refused = await visitor.get(path);
      expect(refused.statusCode, path).toBe(400);
      expect(refused.body).toContain('This link does not work');
    }
    expect((await visitor.post(`/reports/unsubscribe/${reportToken}`)).statusCode).toBe(400);
    expect(await statusOf(t.services.database.db, id)).toBe('active');

    const key = signedLinkKey(t.services.config.sessionSecret);
    const expired = key.sign(REPORT_LINK, `${id} annual ${latestYear}`, new Date(Date.now() - 1000));
    const gone = await visitor.get(`/reports/shared/${expired}`);
    expect(gone.statusCode).toBe(410);
    expect(gone.body).toContain('This link has expired');
    expect(key.verify(UNSUBSCRIBE, unsubscribeToken)).toMatchObject({ ok: true, subject: id });

    await officer.get(`/reports/subscriptions/${id}/remove`);
    await officer.post(`/reports/subscriptions/${id}/remove`);
    const withdrawn = await visitor.get(reportPath);
    expect(withdrawn.statusCode).toBe(410);
    expect(withdrawn.body).toContain('stopped sending reports to this address');
  });
});
