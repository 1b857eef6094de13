import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, evaluatorScores, moderatedScores, tenders } from '../../src/db/schema/index.js';
import { failureOf } from '../helpers/assert.js';
import { createTestApp, signedInClient, type Client, type TestApp } from '../helpers/app.js';
import { databaseKinds } from '../helpers/databases.js';
import { closeNow, createWorkedExample, people, type Fixture, type People } from './evaluation-fixtures.js';

describe.each(databaseKinds)('evaluation and moderation on %s', (kind) => {
  let t: TestApp;
  let who: People;
  beforeAll(async () => {
    t = await createTestApp(kind);
    who = await people(t.services.database.db);
  });
  afterAll(async () => t?.close());

  const url = (fixture: Fixture, rest = '') => `/tenders/${fixture.tenderId}${rest}`;

  async function declare(client: Client, fixture: Fixture, form: Record<string, string>) {
    await client.get(url(fixture, '/evaluation'));
    return client.post(url(fixture, '/evaluation/declaration'), form);
  }

  /** Scores both questions of a bid: [score, comment] for question 1 and question 2. */
  async function score(client: Client, fixture: Fixture, bidId: string, q1: [string, string], q2: [string, string]) {
    const [first, second] = fixture.questionIds;
    return client.post(url(fixture, `/evaluation/bids/${bidId}`), {
      [`score-${first}`]: q1[0],
      [`comment-${first}`]: q1[1],
      [`score-${second}`]: q2[0],
      [`comment-${second}`]: q2[1],
    });
  }

  async function agree(client: Client, fixture: Fixture, bidId: string, q1: [string, string], q2: [string, string]) {
    const [first, second] = fixture.questionIds;
    return client.post(url(fixture, `/moderation/bids/${bidId}`), {
      [`score-${first}`]: q1[0],
      [`reason-${first}`]: q1[1],
      [`score-${second}`]: q2[0],
      [`reason-${second}`]: q2[1],
    });
  }

  it('asks an evaluator to declare any conflict of interest before showing any bid', async () => {
    const { db } = t.services.database;
    const fixture = await createWorkedExample(db, who);
    const evaluator = await signedInClient(t.app, 'evaluator@council.example');

    const first = await evaluator.get(url(fixture, '/evaluation'));
    expect(first.statusCode).toBe(200);
    expect(first.body).toContain('Do you have a conflict of interest with this tender?');
    expect(first.body).toContain('Midlands Facilities Group plc, leading a consortium with Hinckley Youth Trust (youth employment partner)');
    expect(first.body).not.toContain('The answer of');
    const early = await evaluator.get(url(fixture, `/evaluation/bids/${fixture.bidIds.charnwood}`));
    expect(early.statusCode).toBe(303);
    expect(early.headers.location).toBe(url(fixture, '/evaluation'));

    const empty = await evaluator.post(url(fixture, '/evaluation/declaration'), {});
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain('Select whether you have a conflict of interest');
    const noDetails = await evaluator.post(url(fixture, '/evaluation/declaration'), { conflict: 'yes', details: ' ' });
    expect(noDetails.statusCode).toBe(400);
    expect(noDetails.body).toContain('href="#details"');
    expect(noDetails.body).toMatch(/value="yes" checked/);

    const declared = await evaluator.post(url(fixture, '/evaluation/declaration'), { conflict: 'no' });
    expect(declared.statusCode).toBe(303);
    const list = await evaluator.get(url(fixture, '/evaluation'));
    expect(list.body).toContain('Submitted bids');
    expect(list.body).toContain(`/evaluation/bids/${fixture.bidIds.soarValley}`);
    expect(list.body).toContain('0 of 2');

    const again = await evaluator.post(url(fixture, '/evaluation/declaration'), { conflict: 'yes', details: 'Changed my mind' });
    expect(again.statusCode).toBe(409);
    expect(again.body).toContain('You have already made your declaration');

    const audit = await db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, `Declared no conflict of interest for tender ${fixture.tenderNumber}`));
    expect(audit).toEqual([expect.objectContaining({ actorLabel: 'evaluator@council.example', entityTable: 'tender_evaluators', operation: 'update' })]);
  });

  it('shows no bid to evaluate, moderate or rank before the tender closes', async () => {
    const { db } = t.services.database;
    const fixture = await createWorkedExample(db, who, { closed: false });
    const evaluator = await signedInClient(t.app, 'evaluator@council.example');
    const declaration = await declare(evaluator, fixture, { conflict: 'no' });
    expect(declaration.statusCode).toBe(303);
    const page = await evaluator.get(url(fixture, '/evaluation'));
    expect(page.body).toContain('Bids can be evaluated after the tender closes on');
    expect(page.body).not.toContain('Submitted bids');
    expect((await evaluator.get(url(fixture, `/evaluation/bids/${fixture.bidIds.charnwood}`))).statusCode).toBe(303);
    const early = await score(evaluator, fixture, fixture.bidIds.charnwood, ['50', 'Fine'], ['50', 'Fine']);
    expect(early.statusCode).toBe(303);
    expect(await db.select().from(evaluatorScores).where(eq(evaluatorScores.bidId, fixture.bidIds.charnwood))).toEqual([]);

    const officer = await signedInClient(t.app, 'officer@council.example');
    for (const path of ['/moderation', '/results', '/evaluation/progress']) {
      const response = await officer.get(url(fixture, path));
      expect(response.statusCode, path).toBe(200);
      expect(response.body, path).toContain('Bids can be evaluated after the tender closes on');
      expect(response.body, path).not.toContain('Charnwood Care Services Ltd');
    }
    expect((await officer.get(url(fixture, `/moderation/bids/${fixture.bidIds.charnwood}`))).statusCode).toBe(409);
    expect((await officer.post(url(fixture, '/results/scores'), {})).statusCode).toBe(409);
    expect((await officer.post(url(fixture, '/moderation/lock'))).statusCode).toBe(409);

    await closeNow(db, fixture.tenderId);
    expect((await evaluator.get(url(fixture, `/evaluation/bids/${fixture.bidIds.charnwood}`))).statusCode).toBe(200);
  });

  it('stops an evaluator with a conflict of interest from scoring, and tells the officers', async () => {
    const { db } = t.services.database;
    const fixture = await createWorkedExample(db, who);
    const evaluator2 = await signedInClient(t.app, 'evaluator2@council.example');
    expect(
      (await declare(evaluator2, fixture, { conflict: 'yes', details: 'My brother is a director of Soar Valley Community Enterprise CIC.' })).statusCode,
    ).toBe(303);

    const page = await evaluator2.get(url(fixture, '/evaluation'));
    expect(page.body).toContain('so you cannot score the bids for this tender');
    expect(page.body).not.toContain(`/evaluation/bids/${fixture.bidIds.charnwood}`);
    expect((await evaluator2.get(url(fixture, `/evaluation/bids/${fixture.bidIds.charnwood}`))).statusCode).toBe(303);
    expect((await score(evaluator2, fixture, fixture.bidIds.charnwood, ['100', 'Great'], ['100', 'Great'])).statusCode).toBe(303);
    expect(await db.select().from(evaluatorScores).where(eq(evaluatorScores.evaluatorId, who.evaluator2))).toEqual([]);

    const officer = await signedInClient(t.app, 'officer@council.example');
    const progress = await officer.get(url(fixture, '/evaluation'));
    expect(progress.statusCode).toBe(200);
    expect(progress.body).toContain('Evaluation progress');
    expect(progress.body).toContain('Ellis Grant declared a conflict of interest');
    expect(progress.body).toContain('My brother is a director of Soar Valley Community Enterprise CIC.');
    expect(progress.body).toContain('Not declared yet');

    const audit = await db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, `Declared a conflict of interest for tender ${fixture.tenderNumber}`));
    expect(audit).toHaveLength(1);
  });

  it('lets each evaluator score on their own, and never shows one evaluator another’s scores or comments', async () => {
    const { db } = t.services.database;
    const fixture = await createWorkedExample(db, who);
    const { charnwood } = fixture.bidIds;
    const evaluator = await signedInClient(t.app, 'evaluator@council.example');
    const evaluator2 = await signedInClient(t.app, 'evaluator2@council.example');
    await declare(evaluator, fixture, { conflict: 'no' });
    await declare(evaluator2, fixture, { conflict: 'no' });

    const scoring = await evaluator.get(url(fixture, `/evaluation/bids/${charnwood}`));
    expect(scoring.statusCode).toBe(200);
    expect(scoring.body).toContain('The answer of charnwood to question 1.');
    expect(scoring.body).toContain('Good: meets the requirement with evidence');
    expect(scoring.body).toContain('Say how, where and how many.');

    const missingComment = await score(evaluator, fixture, charnwood, ['25', ''], ['60', 'Off the scale']);
    expect(missingComment.statusCode).toBe(400);
    expect(missingComment.body).toContain('Enter a comment explaining your score for question 1');
    expect(missingComment.body).toContain('Select a score for question 2');
    expect(missingComment.body).toContain('Off the scale');
    expect(await db.select().from(evaluatorScores).where(eq(evaluatorScores.bidId, charnwood))).toEqual([]);

    expect((await score(evaluator, fixture, charnwood, ['25', 'ALPHA says thin on detail'], ['50', 'ALPHA says adequate'])).statusCode).toBe(303);
    expect((await score(evaluator2, fixture, charnwood, ['100', 'BRAVO says outstanding'], ['75', 'BRAVO says good'])).statusCode).toBe(303);
    // Saving again replaces the evaluator's own score, and only theirs.
    const resaved = await score(evaluator, fixture, charnwood, ['50', 'ALPHA on reflection acceptable'], ['', '']);
    expect(resaved.statusCode).toBe(303);
    const list = await evaluator.get(resaved.headers.location as string);
    expect(list.body).toContain('Your scores for the bid of Charnwood Care Services Ltd have been saved');
    const rows = await db.select().from(evaluatorScores).where(eq(evaluatorScores.bidId, charnwood));
    expect(rows.map((r) => [r.evaluatorId === who.evaluator ? 'A' : 'B', r.questionId === fixture.questionIds[0] ? 1 : 2, r.score]).sort()).toEqual([
      ['A', 1, 50],
      ['A', 2, 50],
      ['B', 1, 100],
      ['B', 2, 75],
    ]);

    const everyPage = (f: Fixture) => [
      url(f, '/evaluation'),
      ...Object.values(f.bidIds).map((bidId) => url(f, `/evaluation/bids/${bidId}`)),
      url(f, '/evaluation/progress'),
      url(f, '/moderation'),
      ...Object.values(f.bidIds).map((bidId) => url(f, `/moderation/bids/${bidId}`)),
      url(f, '/moderation/lock'),
      url(f, '/results'),
    ];
    for (const path of everyPage(fixture)) {
      const asA = await evaluator.get(path);
      expect(asA.body, path).not.toContain('BRAVO');
      const asB = await evaluator2.get(path);
      expect(asB.body, path).not.toContain('ALPHA');
    }
    const own = await evaluator.get(url(fixture, `/evaluation/bids/${charnwood}`));
    expect(own.body).toContain('ALPHA on reflection acceptable');
    expect(own.body).toMatch(new RegExp(`name="score-${fixture.questionIds[0]}" type="radio" value="50" checked`));
    expect(own.body).not.toMatch(/value="100" checked/);
    expect(own.body).not.toMatch(/value="75" checked/);

    // Officers follow progress without seeing any score or comment.
    const progress = await (await signedInClient(t.app, 'officer@council.example')).get(url(fixture, '/evaluation/progress'));
    expect(progress.body).toContain('2 of 6');
    expect(progress.body).not.toContain('ALPHA');
    expect(progress.body).not.toContain('BRAVO');

    const audit = await db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, `Scored the answers of Charnwood Care Services Ltd’s bid for tender ${fixture.tenderNumber}`));
    expect(
      audit
        .filter((a) => a.entityTable === 'evaluator_scores')
        .map((a) => a.operation)
        .sort(),
    ).toEqual(['insert', 'insert', 'insert', 'insert', 'update']);
  });

  it('moderates to agreed scores with reasons, then locks, after which no score can change', async () => {
    const { db } = t.services.database;
    const fixture = await createWorkedExample(db, who);
    const { charnwood, midlands, soarValley } = fixture.bidIds;
    const [q1, q2] = fixture.questionIds;
    const evaluator = await signedInClient(t.app, 'evaluator@council.example');
    const evaluator2 = await signedInClient(t.app, 'evaluator2@council.example');
    await declare(evaluator, fixture, { conflict: 'no' });
    await declare(evaluator2, fixture, { conflict: 'yes', details: 'I used to work for Midlands Facilities Group plc.' });
    expect((await score(evaluator, fixture, charnwood, ['75', 'ALPHA strong local plan'], ['50', 'ALPHA fair'])).statusCode).toBe(303);

    const officer = await signedInClient(t.app, 'officer@council.example');
    const overview = await officer.get(url(fixture, '/moderation'));
    expect(overview.statusCode).toBe(200);
    expect(overview.body).toContain('Declared a conflict of interest, so did not score: Ellis Grant.');
    expect(overview.body).toContain('Charnwood Care Services Ltd: questions 1 and 2');

    const side = await officer.get(url(fixture, `/moderation/bids/${charnwood}`));
    expect(side.body).toContain('Evaluators’ scores for question 1');
    expect(side.body).toContain('ALPHA strong local plan');
    expect(side.body).toContain('Declared a conflict of interest: did not score');

    const noReason = await agree(officer, fixture, charnwood, ['75', ''], ['', '']);
    expect(noReason.statusCode).toBe(400);
    expect(noReason.body).toContain('Enter the reason for the agreed score for question 1');
    expect(noReason.body).toMatch(new RegExp(`name="score-${q1}" type="radio" value="75" checked`));

    expect((await agree(officer, fixture, charnwood, ['75', 'Panel agreed with the evaluator'], ['', ''])).statusCode).toBe(303);
    const tooSoon = await officer.post(url(fixture, '/moderation/lock'));
    expect(tooSoon.statusCode).toBe(409);
    expect(tooSoon.body).toContain('Moderation cannot be locked yet');
    expect(tooSoon.body).toContain('Charnwood Care Services Ltd: question 2.');
    expect(tooSoon.body).toContain('Midlands Facilities Group plc: questions 1 and 2.');
    expect((await db.select().from(tenders).where(eq(tenders.id, fixture.tenderId)))[0]!.moderationLockedAt).toBeNull();

    expect((await agree(officer, fixture, charnwood, ['', ''], ['50', 'Meets the requirement'])).statusCode).toBe(303);
    expect((await agree(officer, fixture, midlands, ['50', 'Some gaps'], ['50', 'Some gaps'])).statusCode).toBe(303);
    expect((await agree(officer, fixture, soarValley, ['100', 'Excellent'], ['75', 'Good'])).statusCode).toBe(303);
    const agreed = await db
      .select()
      .from(moderatedScores)
      .where(and(eq(moderatedScores.bidId, charnwood), eq(moderatedScores.questionId, q2)));
    expect(agreed).toEqual([expect.objectContaining({ score: 50, reason: 'Meets the requirement', moderatedBy: who.officer })]);

    // Evaluators cannot see the results before the lock.
    const notYet = await evaluator.get(url(fixture, '/results'));
    expect(notYet.statusCode).toBe(403);
    expect(notYet.body).toContain('Evaluators can see the results once moderation is locked.');

    const confirm = await officer.get(url(fixture, '/moderation/lock'));
    expect(confirm.statusCode).toBe(200);
    expect(confirm.body).toContain('Lock moderation?');
    const locked = await officer.post(url(fixture, '/moderation/lock'));
    expect(locked.statusCode).toBe(303);
    const [tender] = await db.select().from(tenders).where(eq(tenders.id, fixture.tenderId));
    expect(tender!.moderationLockedAt).not.toBeNull();
    expect(tender!.moderationLockedBy).toBe(who.officer);
    const after = await officer.get(locked.headers.location as string);
    expect(after.body).toContain('Moderation was locked on');
    expect(after.body).toContain('by Owen Hughes');

    // Every change is refused with a clear message...
    const lateScore = await score(evaluator, fixture, midlands, ['100', 'Late'], ['100', 'Late']);
    expect(lateScore.statusCode).toBe(409);
    expect(lateScore.body).toContain('Moderation was locked on');
    expect(lateScore.body).toContain('so no score can change');
    const lateAgree = await agree(officer, fixture, charnwood, ['100', 'Changed'], ['100', 'Changed']);
    expect(lateAgree.statusCode).toBe(409);
    expect((await officer.post(url(fixture, '/moderation/lock'))).statusCode).toBe(409);
    expect((await officer.get(url(fixture, `/moderation/bids/${charnwood}`))).body).not.toContain('Save the agreed scores');
    expect((await evaluator.get(url(fixture, `/evaluation/bids/${charnwood}`))).body).not.toContain('Save your scores');
    expect(await db.select().from(evaluatorScores).where(eq(evaluatorScores.bidId, midlands))).toEqual([]);
    // ...and the database refuses it too.
    expect(await failureOf(db.update(evaluatorScores).set({ score: 100 }).where(eq(evaluatorScores.bidId, charnwood)))).toContain(
      'moderation of this tender is locked',
    );
    expect(await failureOf(db.update(moderatedScores).set({ score: 0 }).where(eq(moderatedScores.bidId, charnwood)))).toContain(
      'moderation of this tender is locked',
    );
    expect(await failureOf(db.delete(moderatedScores).where(eq(moderatedScores.bidId, charnwood)))).toContain('moderation of this tender is locked');

    // After the lock, assigned evaluators can read the results, unless they declared a conflict.
    const results = await evaluator.get(url(fixture, '/results'));
    expect(results.statusCode).toBe(200);
    expect(results.body).toContain('the qualitative scores are final');
    expect(results.body).not.toContain('Save price and quality scores');
    expect((await evaluator2.get(url(fixture, '/results'))).statusCode).toBe(403);

    const actions = (await db.select({ action: auditEvents.action, table: auditEvents.entityTable }).from(auditEvents)).filter((a) =>
      a.action.endsWith(`tender ${fixture.tenderNumber}`),
    );
    expect(actions).toContainEqual({
      action: `Agreed moderated scores for Soar Valley Community Enterprise CIC’s bid for tender ${fixture.tenderNumber}`,
      table: 'moderated_scores',
    });
    expect(actions).toContainEqual({ action: `Locked moderation of tender ${fixture.tenderNumber}`, table: 'tenders' });
  });

  it('lets only the right people in', async () => {
    const { db } = t.services.database;
    const onlyEvaluator2 = await createWorkedExample(db, who, { evaluators: [who.evaluator2] });
    const other = await createWorkedExample(db, who);
    const pages = (f: Fixture) => [
      url(f, '/evaluation'),
      url(f, '/evaluation/progress'),
      url(f, '/moderation'),
      url(f, `/moderation/bids/${f.bidIds.charnwood}`),
      url(f, '/results'),
    ];

    const supplier = await signedInClient(t.app, 'supplier@supplier.example');
    for (const path of pages(other)) expect((await supplier.get(path)).statusCode, path).toBe(403);
    expect((await supplier.post(url(other, '/results/scores'), {})).statusCode).toBe(403);
    expect((await supplier.post(url(other, '/evaluation/declaration'), { conflict: 'no' })).statusCode).toBe(403);

    const viewer = await signedInClient(t.app, 'viewer@council.example');
    // results are for viewers only once the tender is awarded (see award.test.ts)
    for (const path of pages(other)) expect((await viewer.get(path)).statusCode, path).toBe(403);
    expect((await viewer.post(url(other, '/results/scores'), {})).statusCode).toBe(403);

    const manager = await signedInClient(t.app, 'manager@council.example');
    for (const path of pages(other)) expect((await manager.get(path)).statusCode, path).toBe(403);

    // An evaluator who is not assigned finds nothing; assigned or not, moderation is not theirs.
    const evaluator = await signedInClient(t.app, 'evaluator@council.example');
    expect((await evaluator.get(url(onlyEvaluator2, '/evaluation'))).statusCode).toBe(404);
    expect((await evaluator.get(url(onlyEvaluator2, `/evaluation/bids/${onlyEvaluator2.bidIds.charnwood}`))).statusCode).toBe(404);
    expect((await evaluator.get(url(onlyEvaluator2, '/results'))).statusCode).toBe(404);
    expect((await evaluator.post(url(onlyEvaluator2, '/evaluation/declaration'), { conflict: 'no' })).statusCode).toBe(404);
    expect((await evaluator.get(url(other, '/moderation'))).statusCode).toBe(403);
    expect((await evaluator.get(url(other, '/evaluation/progress'))).statusCode).toBe(403);
    expect((await evaluator.post(url(other, `/moderation/bids/${other.bidIds.charnwood}`), {})).statusCode).toBe(403);

    // A bid of another tender, an unknown tender and a malformed id are not found.
    await declare(evaluator, other, { conflict: 'no' });
    expect((await evaluator.get(url(other, `/evaluation/bids/${onlyEvaluator2.bidIds.charnwood}`))).statusCode).toBe(404);
    const officer = await signedInClient(t.app, 'officer@council.example');
    expect((await officer.get('/tenders/00000000-0000-4000-8000-000000000000/results')).statusCode).toBe(404);
    expect((await officer.get('/tenders/not-a-tender/moderation')).statusCode).toBe(404);
    expect((await officer.get(url(other, '/moderation/bids/not-a-bid'))).statusCode).toBe(404);

    const admin = await signedInClient(t.app, 'admin@council.example');
    for (const path of pages(other)) expect((await admin.get(path)).statusCode, path).toBe(200);
  });
});
