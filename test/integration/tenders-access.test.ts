import { and, eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, mailOutbox, tenders } from '../../src/db/schema/index.js';
import { tenderPhase } from '../../src/features/tenders/phase.js';
import { Client, createTestApp, signedInClient, type TestApp } from '../helpers/app.js';
import { databaseKinds } from '../helpers/databases.js';
import { SUPPLIERS, completeSetup, createDraft, insertRequirement, insertSubmittedBid, tenderRow, tenderSnapshot } from './tenders-fixtures.js';

describe.each(databaseKinds)('who may see and change tenders, and closing early, on %s', (kind) => {
  let t: TestApp;
  let officer: Client;
  /** assigned to evaluator@ only; published, inviting Charnwood and Soar Valley */
  let assigned: string;
  /** assigned to evaluator2@ only; still a draft */
  let other: string;
  const db = () => t.services.database.db;

  beforeAll(async () => {
    t = await createTestApp(kind);
    officer = await signedInClient(t.app, 'officer@council.example');
    assigned = await createDraft(officer, (await insertRequirement(db())).id);
    await completeSetup(db(), officer, assigned);
    expect((await officer.post(`/tenders/${assigned}/publish`)).statusCode).toBe(303);
    other = await createDraft(officer, (await insertRequirement(db())).id);
    await completeSetup(db(), officer, other, { evaluators: ['evaluator2@council.example'] });
  });
  afterAll(async () => t?.close());

  const setupPosts = (id: string): [string, Record<string, string>][] => [
    [`/tenders/${id}/title`, { title: 'Changed' }],
    [`/tenders/${id}/weighting`, { svWeight: '30', lowWeightReason: '', quantitativeShare: '50', qualitativeShare: '50' }],
    [`/tenders/${id}/method`, { method: 'value_per_pound' }],
    [`/tenders/${id}/risk-share`, { riskShare: '50' }],
    [`/tenders/${id}/questions/new`, { title: 'Another', guidance: '', weight: '10' }],
    [`/tenders/${id}/publish`, {}],
    [`/tenders/${id}/close`, {}],
  ];

  it('shows an evaluator only the tenders they are assigned to', async () => {
    const evaluator = await signedInClient(t.app, 'evaluator@council.example');
    const list = await evaluator.get('/tenders');
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain(`href="/tenders/${assigned}"`);
    expect(list.body).not.toContain(`href="/tenders/${other}"`);
    expect((await evaluator.get(`/tenders/${assigned}`)).statusCode).toBe(200);
    expect((await evaluator.get(`/tenders/${other}`)).statusCode).toBe(403);

    const second = await signedInClient(t.app, 'evaluator2@council.example');
    const secondList = await second.get('/tenders');
    expect(secondList.body).toContain(`href="/tenders/${other}"`);
    expect(secondList.body).not.toContain(`href="/tenders/${assigned}"`);
    expect((await second.get(`/tenders/${assigned}`)).statusCode).toBe(403);

    for (const [url, form] of setupPosts(other)) expect([url, (await second.post(url, form)).statusCode]).toEqual([url, 403]);
  });

  it('lets a viewer read every tender but change nothing', async () => {
    const viewer = await signedInClient(t.app, 'viewer@council.example');
    const list = await viewer.get('/tenders');
    expect(list.body).toContain(`href="/tenders/${assigned}"`);
    expect(list.body).toContain(`href="/tenders/${other}"`);
    const page = await viewer.get(`/tenders/${other}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).not.toContain('>Change<');
    expect(page.body).not.toContain('Check and publish');
    const before = await tenderSnapshot(db(), other);
    for (const [url, form] of setupPosts(other)) expect([url, (await viewer.post(url, form)).statusCode]).toEqual([url, 403]);
    expect((await viewer.get(`/tenders/${other}/weighting`)).statusCode).toBe(403);
    const requirement = await insertRequirement(db());
    expect((await viewer.post(`/requirements/${requirement.id}/tender`)).statusCode).toBe(403);
    expect(await db().select().from(tenders).where(eq(tenders.requirementId, requirement.id))).toHaveLength(0);
    expect(await tenderSnapshot(db(), other)).toEqual(before);
  });

  it('refuses suppliers every tender page and change', async () => {
    const supplier = await signedInClient(t.app, 'supplier@supplier.example');
    for (const url of ['/tenders', `/tenders/${assigned}`, `/tenders/${other}/measures`]) {
      expect([url, (await supplier.get(url)).statusCode]).toEqual([url, 403]);
    }
    for (const [url, form] of setupPosts(other)) expect([url, (await supplier.post(url, form)).statusCode]).toEqual([url, 403]);
    const requirement = await insertRequirement(db());
    expect((await supplier.post(`/requirements/${requirement.id}/tender`)).statusCode).toBe(403);
  });

  it('sends people who are not signed in to sign in', async () => {
    const response = await new Client(t.app).get(`/tenders/${assigned}`);
    expect(response.statusCode).toBe(302);
    expect(response.headers.location).toBe(`/sign-in?next=${encodeURIComponent(`/tenders/${assigned}`)}`);
  });

  it('lets an officer close bidding early with a reason, once a bid is in, telling every invited supplier', async () => {
    const draftClose = await officer.post(`/tenders/${other}/close`, { reason: 'Testing' });
    expect(draftClose.statusCode).toBe(409);
    expect(draftClose.body).toContain('The tender is not open for bids');

    const before = await tenderRow(db(), assigned);
    const empty = await officer.get(`/tenders/${assigned}/close`);
    expect(empty.statusCode).toBe(409);
    expect(empty.body).toContain('No bid has been submitted yet');
    expect((await officer.get(`/tenders/${assigned}`)).body).not.toContain('Close bidding early');

    await insertSubmittedBid(db(), assigned, SUPPLIERS.charnwood);
    const page = await officer.get(`/tenders/${assigned}`);
    expect(page.body).toContain('1 of 2 invited suppliers have submitted a bid');
    expect(page.body).toContain('Close bidding early');
    const confirm = await officer.get(`/tenders/${assigned}/close`);
    expect(confirm.statusCode).toBe(200);
    expect(confirm.body).toContain('Close bidding early?');
    expect(confirm.body).toContain(`<li>${SUPPLIERS.soarValley}</li>`);
    expect(confirm.body).not.toContain(`<li>${SUPPLIERS.charnwood}</li>`);

    const noReason = await officer.post(`/tenders/${assigned}/close`, { reason: '  ' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.body).toContain('href="#reason"');
    expect(noReason.body).toContain('Enter why you are closing bidding early');
    const tooLong = await officer.post(`/tenders/${assigned}/close`, { reason: 'x'.repeat(1001) });
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.body).toContain('x'.repeat(1001));
    expect(await tenderRow(db(), assigned)).toEqual(before);

    const viewer = await signedInClient(t.app, 'viewer@council.example');
    expect((await viewer.post(`/tenders/${assigned}/close`, { reason: 'No' })).statusCode).toBe(403);
    expect((await tenderRow(db(), assigned)).status).toBe('published');

    const reason = 'The service must start in January; both suppliers were told on 1 December.';
    const closed = await officer.post(`/tenders/${assigned}/close`, { reason });
    expect(closed.statusCode).toBe(303);
    const after = await tenderRow(db(), assigned);
    expect(after).toMatchObject({ status: 'closed', closedEarlyReason: reason });
    expect(after.closingAt!.getTime()).toBeLessThanOrEqual(Date.now());
    expect(after.closingAt!.getTime()).toBeLessThan(before.closingAt!.getTime());
    expect(tenderPhase(after)).toBe('closed');

    const events = await db()
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityTable, 'tenders'), eq(auditEvents.entityId, assigned), like(auditEvents.action, 'Closed bidding%')));
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ action: `Closed bidding for tender ${after.number} early`, actorLabel: 'officer@council.example' });
    expect((events[0]!.after as { closed_early_reason: string }).closed_early_reason).toBe(reason);

    const tenderPage = await officer.get(closed.headers.location!);
    expect(tenderPage.body).toContain('Bidding closed early');
    expect(tenderPage.body).toContain(reason);
    expect(tenderPage.body).toContain(`href="/tenders/${assigned}/evaluation"`);

    const mail = await db().select().from(mailOutbox).where(like(mailOutbox.subject, 'Bidding closed early%'));
    const to = (email: string) => mail.find((m) => m.to === email);
    expect(to('supplier@supplier.example')!.text).toContain('Your bid was submitted before bidding closed and will be evaluated');
    expect(to('supplier3@soarvalley.example')!.text).toContain('Your organisation had not submitted a bid');
    expect(to('supplier3@soarvalley.example')!.text).toContain(reason);
    expect(to('supplier2@midlands.example')).toBeUndefined();

    const again = await officer.post(`/tenders/${assigned}/close`, { reason });
    expect(again.statusCode).toBe(409);
    expect(again.body).toContain('closed for bids');
  });
});
