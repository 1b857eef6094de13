import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, thresholds, users } from '../../src/db/schema/index.js';
import { formatDate, todayIso } from '../../src/domain/dates.js';
import { applicabilityFor } from '../../src/features/thresholds/applicability-for.js';
import { createTestApp, signedInClient, type Client, type TestApp } from '../helpers/app.js';
import { databaseKinds } from '../helpers/databases.js';

/** The check page's address for a value in pounds and whether it includes VAT, on a date (today unless given). */
function checkUrl(value: string, vat: string, iso = todayIso()): string {
  const [year = '', month = '', day = ''] = iso.split('-');
  return `/thresholds/check?${new URLSearchParams({ value, vat, day, month, year })}`;
}

/** The answer's tag on a page, without the visually hidden prefix. */
function answerTag(body: string): string | undefined {
  return /<strong class="govuk-tag[^"]*">\s*<span class="govuk-visually-hidden">Social value: <\/span>([^<]+)<\/strong>/.exec(body)?.[1];
}

describe.each(databaseKinds)('thresholds on %s', (kind) => {
  let t: TestApp;
  let admin: Client;
  let officer: Client;
  const today = todayIso();
  beforeAll(async () => {
    t = await createTestApp(kind);
    admin = await signedInClient(t.app, 'admin@council.example');
    officer = await signedInClient(t.app, 'officer@council.example');
  });
  afterAll(async () => t?.close());

  it('shows the thresholds in force today and the history of each kind', async () => {
    const response = await officer.get('/thresholds');
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('£50,000 excluding VAT, from 16 October 2018');
    expect(response.body).toContain('£214,904 including VAT, from 1 January 2024');
    expect(response.body).toMatch(/<caption[^>]*>\s*Statutory threshold\s*<\/caption>/);
    expect(response.body).toMatch(/<caption[^>]*>\s*Policy minimum\s*<\/caption>/);
    for (const amount of ['£181,302', '£189,330', '£213,477', '£214,904']) expect(response.body).toContain(amount);
    expect(response.body).toContain('Procurement Policy Note 11/23');
    expect(response.body).toContain('Replaced');
    // Only admins are offered the way to add one.
    expect(response.body).not.toContain('href="/thresholds/new"');
    expect((await admin.get('/thresholds')).body).toContain('href="/thresholds/new"');
  });

  it('offers the check form with today as the date', async () => {
    const [year, month, day] = today.split('-').map(Number);
    const response = await officer.get('/thresholds');
    expect(response.body).toContain('action="/thresholds/check"');
    expect(response.body).toMatch(new RegExp(`name="day" type="text" value="${day}"`));
    expect(response.body).toMatch(new RegExp(`name="month" type="text" value="${month}"`));
    expect(response.body).toMatch(new RegExp(`name="year" type="text" value="${year}"`));
  });

  it.each([
    ['49,999', 'Out of scope', 'below the policy minimum of £50,000 excluding VAT'],
    ['50,000', 'Required by policy', 'at or above the policy minimum of £50,000 excluding VAT'],
    ['250,000', 'Statutory duty', 'at or above the statutory threshold of £214,904 including VAT'],
  ])('answers £%s excluding VAT today: %s', async (value, label, reason) => {
    const response = await officer.get(checkUrl(value, 'no'));
    expect(response.statusCode).toBe(200);
    expect(answerTag(response.body)).toBe(label);
    expect(response.body).toContain(reason);
    expect(response.body).toContain(`£${value} excluding VAT`);
    expect(response.body).toContain(formatDate(today));
    // The form keeps what was asked, to check another value.
    expect(response.body).toContain(`value="${value}"`);
    expect(response.body).toMatch(/value="no" checked/);
  });

  it('answers for a past date with the thresholds in force then', async () => {
    const response = await officer.get(checkUrl('200000', 'no', '2019-06-01'));
    expect(answerTag(response.body)).toBe('Statutory duty');
    expect(response.body).toContain('statutory threshold of £181,302 excluding VAT, in force from 1 January 2018');
  });

  it('names each field that is wrong, keeping what was typed', async () => {
    const response = await officer.get('/thresholds/check?value=lots&vat=&day=31&month=2&year=2026');
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('govuk-error-summary');
    expect(response.body).toContain('Enter the contract value in pounds, like 75,000');
    expect(response.body).toContain('href="#value"');
    expect(response.body).toContain('Select whether the contract value includes VAT');
    expect(response.body).toContain('href="#vat"');
    expect(response.body).toContain('Date must be a real date');
    expect(response.body).toContain('href="#date-day"');
    expect(response.body).toContain('value="lots"');
    expect(response.body).toContain('value="31"');
    expect(answerTag(response.body)).toBeUndefined();
  });

  it('says which part of the date is missing, and links to it', async () => {
    const response = await officer.get('/thresholds/check?value=75000&vat=yes&day=1&month=&year=2026');
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('Date must include a month');
    expect(response.body).toContain('href="#date-month"');
    expect(response.body).toMatch(/class="govuk-input govuk-date-input__input govuk-input--error[^"]*" id="date-month"/);
    expect(response.body).not.toMatch(/govuk-input--error[^"]*" id="date-day"/);
    expect(response.body).toContain('value="75000"');
    expect(response.body).toMatch(/value="yes" checked/);
  });

  it('refuses a negative value', async () => {
    const response = await officer.get(checkUrl('-5', 'no'));
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('Contract value must be £0 or more');
  });

  it('shows the empty form, not errors, when the check page is opened without a value', async () => {
    const response = await officer.get('/thresholds/check');
    expect(response.statusCode).toBe(200);
    expect(response.body).not.toContain('govuk-error-summary');
    expect(answerTag(response.body)).toBeUndefined();
  });

  it('refuses suppliers, and the add page to staff who are not admins', async () => {
    const supplier = await signedInClient(t.app, 'supplier@supplier.example');
    expect((await supplier.get('/thresholds')).statusCode).toBe(403);
    expect((await supplier.get(checkUrl('250000', 'no'))).statusCode).toBe(403);
    expect((await supplier.get('/thresholds/new')).statusCode).toBe(403);
    expect((await officer.get('/thresholds/new')).statusCode).toBe(403);
    const before = await t.services.database.db.select().from(thresholds);
    const posted = await officer.post('/thresholds/new', {
      kind: 'statutory',
      amount: '1',
      includesVat: 'yes',
      'effectiveFrom-day': '1',
      'effectiveFrom-month': '1',
      'effectiveFrom-year': '2030',
      source: 'Test',
    });
    expect(posted.statusCode).toBe(403);
    expect(await t.services.database.db.select().from(thresholds)).toHaveLength(before.length);
  });

  it('sends people who are not signed in to sign in', async () => {
    const response = await t.app.inject('/thresholds');
    expect(response.statusCode).toBe(302);
    expect(response.headers.location).toBe('/sign-in?next=%2Fthresholds');
  });

  it('keeps what an admin typed and names every field that is wrong', async () => {
    expect((await admin.get('/thresholds/new')).statusCode).toBe(200);
    const response = await admin.post('/thresholds/new', {
      kind: 'neither',
      amount: '0',
      includesVat: '',
      'effectiveFrom-day': '30',
      'effectiveFrom-month': '2',
      'effectiveFrom-year': '2027',
      source: '  ',
    });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('Select the kind of threshold');
    expect(response.body).toContain('Amount must be more than £0');
    expect(response.body).toContain('Select whether the amount includes VAT');
    expect(response.body).toContain('Effective date must be a real date');
    expect(response.body).toContain('href="#effectiveFrom-day"');
    expect(response.body).toContain('Enter where the amount comes from, like a Procurement Policy Note');
    expect(response.body).toContain('name="effectiveFrom-day" type="text" value="30"');
    expect(response.body).toContain('name="amount" type="text" spellcheck="false" value="0"');

    const missing = await admin.post('/thresholds/new', { kind: 'statutory', amount: 'a lot', includesVat: 'yes', source: 'PPN' });
    expect(missing.body).toContain('Enter the amount in pounds, like 214,904');
    expect(missing.body).toContain('Enter the date the threshold takes effect');
    expect(missing.body).toContain('value="a lot"');
    expect(missing.body).toMatch(/value="statutory" checked/);

    const long = await admin.post('/thresholds/new', { kind: 'statutory', amount: '1', includesVat: 'no', source: 'x'.repeat(501) });
    expect(long.body).toContain('Source must be 500 characters or fewer');
  });

  it('refuses a second threshold of the same kind on the same date, saving nothing', async () => {
    const { db } = t.services.database;
    const before = await db.select().from(thresholds);
    const response = await admin.post('/thresholds/new', {
      kind: 'statutory',
      amount: '220,000',
      includesVat: 'yes',
      'effectiveFrom-day': '1',
      'effectiveFrom-month': '1',
      'effectiveFrom-year': '2024',
      source: 'A duplicate',
    });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('A statutory threshold already takes effect on 1 January 2024. Enter a different date');
    expect(response.body).toContain('href="#effectiveFrom-day"');
    expect(response.body).toContain('A duplicate');
    expect(await db.select().from(thresholds)).toHaveLength(before.length);
  });

  it('lets an admin add a higher statutory threshold from today, which changes the answer for £250,000 and is audited', async () => {
    expect(answerTag((await officer.get(checkUrl('250,000', 'no'))).body)).toBe('Statutory duty');

    const [year, month, day] = today.split('-');
    const response = await admin.post('/thresholds/new', {
      kind: 'statutory',
      amount: '400,000',
      includesVat: 'yes',
      'effectiveFrom-day': String(Number(day)),
      'effectiveFrom-month': String(Number(month)),
      'effectiveFrom-year': year!,
      source: 'Procurement Policy Note 99/26 (test)',
    });
    expect(response.statusCode).toBe(303);
    const page = await admin.get(response.headers.location as string);
    expect(page.body).toContain(`Added a statutory threshold of £400,000 including VAT, taking effect on ${formatDate(today)}.`);
    expect(page.body).toContain(`£400,000 including VAT, from ${formatDate(today)}`);
    expect(page.body).toContain('Asha Patel');

    const check = await officer.get(checkUrl('250,000', 'no'));
    expect(answerTag(check.body)).toBe('Required by policy');
    expect(check.body).toContain('it is £300,000, below the statutory threshold of £400,000 including VAT');
    // Yesterday's answer is unchanged: the history is kept.
    const yesterday = new Date(`${today}T12:00:00Z`);
    yesterday.setUTCDate(yesterday.getUTCDate() - 1);
    expect(answerTag((await officer.get(checkUrl('250,000', 'no', yesterday.toISOString().slice(0, 10)))).body)).toBe('Statutory duty');
    // Other features get the same answer.
    expect((await applicabilityFor(t.services.database.db, 25_000_000, false, today)).level).toBe('policy');

    const { db } = t.services.database;
    const [adminUser] = await db.select({ id: users.id }).from(users).where(eq(users.email, 'admin@council.example'));
    const events = await db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityTable, 'thresholds'), eq(auditEvents.operation, 'insert'), eq(auditEvents.actorId, adminUser!.id)));
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      actorLabel: 'admin@council.example',
      action: `Added statutory threshold of £400,000 including VAT from ${formatDate(today)}`,
    });
    expect(events[0]?.after).toMatchObject({ amount_pence: 40_000_000, includes_vat: true, effective_from: today, created_by: adminUser!.id });
  });
});
