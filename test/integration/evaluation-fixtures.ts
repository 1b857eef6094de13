import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../src/db/client.js';
import {
  bidAnswers,
  bidCommitments,
  bids,
  frameworkVersions,
  measures,
  moderatedScores,
  organisations,
  outcomes,
  requirements,
  tenderEvaluators,
  tenderMeasures,
  tenderQuestions,
  tenders,
  users,
  type ProfilePeriod,
  type QuantitativeMethod,
} from '../../src/db/schema/index.js';

/**
 * Tenders, bids, commitments and answers written straight into the database for the evaluation's tests: the worked
 * example of three bids (one a consortium), with round proxy values in a framework version of its own.
 *
 * The framework version (valued measures at £10 an hour and £250 a week less 20% deadweight, and a counted one):
 *   Charnwood Care Services Ltd  £100,000: 1,000 hours (£10,000) + 10 weeks (£2,000) + 12 sessions = £12,000
 *   Midlands Facilities Group plc (consortium with Hinckley Youth Trust) £150,000:
 *                                2,000 hours (£20,000, 200 of them after the contract ends) + 20 weeks (£4,000) = £24,000
 *   Soar Valley Community Enterprise CIC  £80,000: 500 hours (£5,000) + 60 weeks (£12,000) + 30 sessions (no narrative)
 *                                = £17,000, which is 21.25% of its price, and 60 weeks is 4 times the others' median
 * Social value weight 20%, 60% of it quantitative (12%) and 40% qualitative (8%); questions weighted 60% and 40%.
 * The requirement starts on 1 April 2027 for 24 months, so the contract ends on 31 March 2029.
 */

export interface Fixture {
  tenderId: string;
  tenderNumber: number;
  questionIds: [string, string];
  bidIds: { charnwood: string; midlands: string; soarValley: string };
}

export interface People {
  officer: string;
  admin: string;
  evaluator: string;
  evaluator2: string;
}

interface TestMeasures {
  versionId: string;
  hours: string;
  weeks: string;
  sessions: string;
}

const measuresByDatabase = new WeakMap<Db, TestMeasures>();

export async function userId(db: Db, email: string): Promise<string> {
  const [row] = await db.select({ id: users.id }).from(users).where(eq(users.email, email));
  return row!.id;
}

export async function people(db: Db): Promise<People> {
  return {
    officer: await userId(db, 'officer@council.example'),
    admin: await userId(db, 'admin@council.example'),
    evaluator: await userId(db, 'evaluator@council.example'),
    evaluator2: await userId(db, 'evaluator2@council.example'),
  };
}

/** A retired framework version of three test measures, made once per database. */
async function testMeasures(db: Db): Promise<TestMeasures> {
  const known = measuresByDatabase.get(db);
  if (known) return known;
  const [{ n }] = (await db.select({ n: sql<number>`coalesce(max(${frameworkVersions.number}), 0) + 1`.mapWith(Number) }).from(frameworkVersions)) as [
    { n: number },
  ];
  const [version] = await db.insert(frameworkVersions).values({ number: n, name: 'Evaluation test framework' }).returning({ id: frameworkVersions.id });
  const [outcome] = await db.insert(outcomes).values({ versionId: version!.id, code: 'TE', title: 'Test outcome' }).returning({ id: outcomes.id });
  const base = { versionId: version!.id, outcomeId: outcome!.id };
  const rows = await db
    .insert(measures)
    .values([
      { ...base, code: 'TE01', title: 'Volunteering hours', unit: 'hours', proxyPencePerUnit: 1000 },
      { ...base, code: 'TE02', title: 'Apprenticeship weeks', unit: 'weeks', proxyPencePerUnit: 25_000, deadweightBps: 2000 },
      { ...base, code: 'TE03', title: 'Community sessions', unit: 'sessions', proxyPencePerUnit: null },
    ])
    .returning({ id: measures.id, code: measures.code });
  await db.update(frameworkVersions).set({ status: 'retired', retiredAt: new Date() }).where(eq(frameworkVersions.id, version!.id));
  const made = {
    versionId: version!.id,
    hours: rows.find((r) => r.code === 'TE01')!.id,
    weeks: rows.find((r) => r.code === 'TE02')!.id,
    sessions: rows.find((r) => r.code === 'TE03')!.id,
  };
  measuresByDatabase.set(db, made);
  return made;
}

async function organisationId(db: Db, name: string): Promise<string> {
  const [row] = await db.select({ id: organisations.id }).from(organisations).where(eq(organisations.name, name));
  return row!.id;
}

const year = (start: number, quantityHundredths: number): ProfilePeriod => ({
  periodStart: `${start}-04-01`,
  periodEnd: `${start + 1}-03-31`,
  quantityHundredths,
});

export interface FixtureOptions {
  method?: QuantitativeMethod;
  /** false: the tender is still open for bids (closes tomorrow) */
  closed?: boolean;
  /** the evaluators assigned (user ids) */
  evaluators?: string[];
}

/** The worked example: a published tender with three submitted bids, closed an hour ago unless told otherwise. */
export async function createWorkedExample(db: Db, who: People, options: FixtureOptions = {}): Promise<Fixture> {
  const m = await testMeasures(db);
  const [requirement] = await db
    .insert(requirements)
    .values({
      title: 'Home care in Charnwood',
      directorate: 'Adults and Communities',
      cpvCode: '85000000',
      categoryLabel: 'Health and social work services',
      estimatedValuePence: 7_500_000,
      expectedStart: '2027-04-01',
      durationMonths: 24,
      ownerId: who.officer,
      stage: 'tendering',
      applicability: 'policy',
      applicabilityExplanation: 'At or above the policy minimum',
    })
    .returning({ id: requirements.id });
  const tomorrow = new Date(Date.now() + 24 * 3600 * 1000);
  const [tender] = await db
    .insert(tenders)
    .values({
      requirementId: requirement!.id,
      title: 'Home care in Charnwood',
      svWeightBps: 2000,
      quantitativeShareBps: 6000,
      quantitativeMethod: options.method ?? 'highest_offer',
      scale: [
        { score: 0, descriptor: 'No answer, or the answer does not address the question' },
        { score: 25, descriptor: 'Poor: major gaps or risks' },
        { score: 50, descriptor: 'Acceptable: meets the requirement with some gaps' },
        { score: 75, descriptor: 'Good: meets the requirement with evidence' },
        { score: 100, descriptor: 'Excellent: exceeds the requirement with strong evidence' },
      ],
      closingAt: tomorrow,
      frameworkVersionId: m.versionId,
      createdBy: who.officer,
    })
    .returning({ id: tenders.id, number: tenders.number });
  const tenderId = tender!.id;
  await db.insert(tenderMeasures).values([m.hours, m.weeks, m.sessions].map((measureId) => ({ tenderId, measureId })));
  const questions = await db
    .insert(tenderQuestions)
    .values([
      { tenderId, position: 1, title: 'How will you recruit local people?', guidance: 'Say how, where and how many.', weightBps: 6000 },
      { tenderId, position: 2, title: 'How will you work with local charities?', weightBps: 4000 },
    ])
    .returning({ id: tenderQuestions.id });
  await db.update(tenders).set({ status: 'published', publishedAt: new Date() }).where(eq(tenders.id, tenderId));

  const submitted = { status: 'submitted' as const, submittedAt: new Date() };
  const [charnwood, midlands, soarValley] = await db
    .insert(bids)
    .values([
      { tenderId, organisationId: await organisationId(db, 'Charnwood Care Services Ltd'), pricePence: 10_000_000, ...submitted },
      {
        tenderId,
        organisationId: await organisationId(db, 'Midlands Facilities Group plc'),
        pricePence: 15_000_000,
        consortiumMembers: [{ name: 'Hinckley Youth Trust', organisationId: null, role: 'youth employment partner' }],
        ...submitted,
      },
      { tenderId, organisationId: await organisationId(db, 'Soar Valley Community Enterprise CIC'), pricePence: 8_000_000, ...submitted },
    ])
    .returning({ id: bids.id });
  const narrative = 'Delivered by our own staff, with a named lead and monthly reports.';
  await db.insert(bidCommitments).values([
    { bidId: charnwood!.id, measureId: m.hours, quantityHundredths: 100_000, narrative, profile: [year(2027, 50_000), year(2028, 50_000)] },
    { bidId: charnwood!.id, measureId: m.weeks, quantityHundredths: 1_000, narrative },
    { bidId: charnwood!.id, measureId: m.sessions, quantityHundredths: 1_200, narrative },
    { bidId: midlands!.id, measureId: m.hours, quantityHundredths: 200_000, narrative, profile: [year(2027, 100_000), year(2028, 80_000), year(2029, 20_000)] },
    { bidId: midlands!.id, measureId: m.weeks, quantityHundredths: 2_000, narrative },
    { bidId: soarValley!.id, measureId: m.hours, quantityHundredths: 50_000, narrative },
    { bidId: soarValley!.id, measureId: m.weeks, quantityHundredths: 6_000, narrative },
    { bidId: soarValley!.id, measureId: m.sessions, quantityHundredths: 3_000, narrative: '' },
  ]);
  const bidIds = { charnwood: charnwood!.id, midlands: midlands!.id, soarValley: soarValley!.id };
  await db
    .insert(bidAnswers)
    .values(
      Object.entries(bidIds).flatMap(([name, bidId]) =>
        questions.map((q, i) => ({ bidId, questionId: q.id, answer: `The answer of ${name} to question ${i + 1}.` })),
      ),
    );
  if (options.closed !== false)
    await db
      .update(tenders)
      .set({ closingAt: new Date(Date.now() - 3600 * 1000) })
      .where(eq(tenders.id, tenderId));
  const evaluators = options.evaluators ?? [who.evaluator, who.evaluator2];
  if (evaluators.length) await db.insert(tenderEvaluators).values(evaluators.map((userId) => ({ tenderId, userId })));
  return { tenderId, tenderNumber: tender!.number, questionIds: [questions[0]!.id, questions[1]!.id], bidIds };
}

/** Closes a tender that was left open. */
export async function closeNow(db: Db, tenderId: string): Promise<void> {
  await db
    .update(tenders)
    .set({ closingAt: new Date(Date.now() - 1000) })
    .where(eq(tenders.id, tenderId));
}

/** The agreed scores of the worked example, straight into the database (moderation itself is tested through the pages). */
export const agreedScores = {
  charnwood: [75, 50],
  midlands: [50, 50],
  soarValley: [100, 75],
} as const;

export async function agreeWorkedExample(db: Db, fixture: Fixture, moderatorId: string): Promise<void> {
  await db.insert(moderatedScores).values(
    (Object.keys(agreedScores) as (keyof typeof agreedScores)[]).flatMap((bid) =>
      fixture.questionIds.map((questionId, i) => ({
        bidId: fixture.bidIds[bid],
        questionId,
        score: agreedScores[bid][i]!,
        reason: 'Agreed at the moderation meeting',
        moderatedBy: moderatorId,
      })),
    ),
  );
}

/** The price and quality scores of the worked example: 50 + 25, 40 + 28, 45 + 20 (of the 80% left). */
export async function enterWorkedPriceAndQuality(db: Db, fixture: Fixture): Promise<void> {
  const scores = { charnwood: [5000, 2500], midlands: [4000, 2800], soarValley: [4500, 2000] } as const;
  for (const [bid, [price, quality]] of Object.entries(scores)) {
    await db
      .update(bids)
      .set({ priceScoreBps: price, qualityScoreBps: quality })
      .where(eq(bids.id, fixture.bidIds[bid as keyof typeof scores]));
  }
}
