import { and, eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, tenders } from '../../src/db/schema/index.js';
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

  it('closes bidding early only once every invited supplier has submitted', async () => {
    const draftClose = await officer.post(`/tenders/${other}/close`);
    expect(draftClose.statusCode).toBe(409);
    expect(draftClose.body).toContain('The tender is not open for bids');

    await insertSubmittedBid(db(), assigned, SUPPLIERS.charnwood);
    const before = await tenderRow(db(), assigned);
    const page = await officer.get(`/tenders/${assigned}`);
    expect(page.body).toContain('1 of 2 invited suppliers have submitted a bid');
    expect(page.body).not.toContain('Close bidding early');
    const waiting = await officer.post(`/tenders/${assigned}/close`);
    expect(waiting.statusCode).toBe(409);
    expect(waiting.body).toContain(SUPPLIERS.soarValley);
    expect(waiting.body).not.toContain(`<li>${SUPPLIERS.charnwood}</li>`);
    expect((await officer.get(`/tenders/${assigned}/close`)).statusCode).toBe(409);
    expect(await tenderRow(db(), assigned)).toEqual(before);

    await insertSubmittedBid(db(), assigned, SUPPLIERS.soarValley);
    const ready = await officer.get(`/tenders/${assigned}`);
    expect(ready.body).toContain('Close bidding early');
    const confirm = await officer.get(`/tenders/${assigned}/close`);
    expect(confirm.statusCode).toBe(200);
    expect(confirm.body).toContain('Close bidding now?');

    const viewer = await signedInClient(t.app, 'viewer@council.example');
    expect((await viewer.post(`/tenders/${assigned}/close`)).statusCode).toBe(403);
    expect((await tenderRow(db(), assigned)).status).toBe('published');

    const closed = await officer.post(`/tenders/${assigned}/close`);
    expect(closed.statusCode).toBe(303);
    const after = await tenderRow(db(), assigned);
    expect(after.status).toBe('closed');
    expect(after.closingAt!.getTime()).toBeLessThanOrEqual(Date.now());
    expect(after.closingAt!.getTime()).toBeLessThan(before.closingAt!.getTime());
    expect(tenderPhase(after)).toBe('closed');

    const [event] = await db()
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityTable, 'tenders'), eq(auditEvents.entityId, assigned), like(auditEvents.action, 'Closed tender%')));
    expect(event).toMatchObject({
      action: `Closed tender ${after.number} early: every invited supplier had submitted a bid`,
      actorLabel: 'officer@council.example',
    });

    const tenderPage = await officer.get(closed.headers.location!);
    expect(tenderPage.body).toContain('Bidding closed');
    expect(tenderPage.body).toContain(`href="/tenders/${assigned}/evaluation"`);
    expect(tenderPage.body).toContain(`href="/tenders/${assigned}/award"`);

    const again = await officer.post(`/tenders/${assigned}/close`);
    expect(again.statusCode).toBe(409);
    expect(again.body).toContain('closed for bids');
  });
});
