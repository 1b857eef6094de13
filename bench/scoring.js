// Scoring a tender of 50 bids x 30 measures x 5 evaluators: server time per request of the results page, against
// a baseline of reading the same rows with one query, both measured here in the same run (in-process, PGlite).
import { eq, sql } from 'drizzle-orm';
import { buildApp } from '../dist/app.js';
import { loadConfig } from '../dist/config.js';
import { openDatabase } from '../dist/db/client.js';
import {
  bidAnswers,
  bidCommitments,
  bids,
  evaluatorScores,
  frameworkVersions,
  measures,
  moderatedScores,
  organisations,
  requirements,
  tenderEvaluators,
  tenderMeasures,
  tenderQuestions,
  tenders,
  users,
} from '../dist/db/schema/index.js';
import { seedIfEmpty } from '../dist/seed/demo.js';
import { signedInCookie, timeInTurn } from './in-process.js';

const BIDS = 50;
const MEASURES = 30;
const EVALUATORS = 5;
const QUESTIONS = 3;

export async function buildTender(db) {
  const [version] = await db.select({ id: frameworkVersions.id }).from(frameworkVersions).where(eq(frameworkVersions.status, 'active'));
  const chosen = (await db.select({ id: measures.id }).from(measures).where(eq(measures.versionId, version.id))).slice(0, MEASURES);
  const [officer] = await db.select({ id: users.id, organisationId: users.organisationId }).from(users).where(eq(users.email, 'officer@council.example'));
  const evaluators = await db
    .insert(users)
    .values(
      Array.from({ length: EVALUATORS }, (_, i) => ({
        email: `bench-evaluator-${i}@council.example`,
        name: `Evaluator ${i}`,
        roles: ['evaluator'],
        organisationId: officer.organisationId,
      })),
    )
    .returning({ id: users.id });
  const suppliers = await db
    .insert(organisations)
    .values(Array.from({ length: BIDS }, (_, i) => ({ name: `Bench supplier ${i}`, kind: 'supplier', size: 'small' })))
    .returning({ id: organisations.id });
  const [requirement] = await db
    .insert(requirements)
    .values({
      title: 'Benchmark requirement',
      directorate: 'Corporate Resources',
      cpvCode: '79000000',
      categoryLabel: 'Business services',
      estimatedValuePence: 50_000_000,
      expectedStart: '2027-04-01',
      durationMonths: 36,
      ownerId: officer.id,
      stage: 'tendering',
      applicability: 'statutory',
      applicabilityExplanation: 'benchmark',
    })
    .returning({ id: requirements.id });
  const [tender] = await db
    .insert(tenders)
    .values({
      requirementId: requirement.id,
      title: 'Benchmark tender',
      svWeightBps: 2000,
      quantitativeShareBps: 5000,
      scale: [0, 25, 50, 75, 100].map((score) => ({ score, descriptor: `Score ${score}` })),
      closingAt: new Date(Date.now() + 86_400_000),
      frameworkVersionId: version.id,
      createdBy: officer.id,
    })
    .returning({ id: tenders.id });
  await db.insert(tenderMeasures).values(chosen.map((m) => ({ tenderId: tender.id, measureId: m.id })));
  const questions = await db
    .insert(tenderQuestions)
    .values(
      Array.from({ length: QUESTIONS }, (_, i) => ({ tenderId: tender.id, position: i + 1, title: `Question ${i + 1}`, weightBps: i === 0 ? 3334 : 3333 })),
    )
    .returning({ id: tenderQuestions.id });
  await db.insert(tenderEvaluators).values(evaluators.map((e) => ({ tenderId: tender.id, userId: e.id, declaredAt: new Date(), hasConflict: false })));
  await db.update(tenders).set({ status: 'published', publishedAt: new Date() }).where(eq(tenders.id, tender.id));
  const bidRows = await db
    .insert(bids)
    .values(
      suppliers.map((s, i) => ({
        tenderId: tender.id,
        organisationId: s.id,
        pricePence: 40_000_000 + i * 100_000,
        status: 'submitted',
        submittedAt: new Date(),
      })),
    )
    .returning({ id: bids.id });
  for (const [i, bid] of bidRows.entries()) {
    await db.insert(bidCommitments).values(
      chosen.map((m, j) => ({
        bidId: bid.id,
        measureId: m.id,
        quantityHundredths: (i + 1) * (j + 1) * 100,
        narrative: 'Delivered by our own staff.',
        profile: [{ periodStart: '2027-04-01', periodEnd: '2028-03-31', quantityHundredths: (i + 1) * (j + 1) * 100 }],
      })),
    );
    await db.insert(bidAnswers).values(questions.map((q) => ({ bidId: bid.id, questionId: q.id, answer: 'Our approach, in detail.' })));
  }
  await db
    .insert(evaluatorScores)
    .values(
      bidRows.flatMap((b, i) =>
        questions.flatMap((q) => evaluators.map((e, k) => ({ bidId: b.id, questionId: q.id, evaluatorId: e.id, score: ((i + k) % 5) * 25, comment: 'Seen.' }))),
      ),
    );
  await db
    .insert(moderatedScores)
    .values(
      bidRows.flatMap((b, i) => questions.map((q) => ({ bidId: b.id, questionId: q.id, score: (i % 5) * 25, reason: 'Agreed.', moderatedBy: officer.id }))),
    );
  await db
    .update(tenders)
    .set({ closingAt: new Date(Date.now() - 1000), status: 'closed', moderationLockedAt: new Date(), moderationLockedBy: officer.id })
    .where(eq(tenders.id, tender.id));
  return tender.id;
}

export function baselineQuery(tenderId) {
  return sql`select json_build_object(
    'bids', (select json_agg(b) from bids b where b.tender_id = ${tenderId}),
    'commitments', (select json_agg(json_build_object('bid', c.bid_id, 'quantity', c.quantity_hundredths, 'profile', c.profile,
        'narrative', c.narrative, 'proxy', m.proxy_pence_per_unit, 'deadweight', m.deadweight_bps, 'attribution', m.attribution_bps))
      from bid_commitments c join bids b on b.id = c.bid_id join measures m on m.id = c.measure_id where b.tender_id = ${tenderId}),
    'scores', (select json_agg(s) from evaluator_scores s join bids b on b.id = s.bid_id where b.tender_id = ${tenderId}),
    'moderated', (select json_agg(s) from moderated_scores s join bids b on b.id = s.bid_id where b.tender_id = ${tenderId}))`;
}

export async function scoringBenchmark() {
  const database = await openDatabase({});
  await seedIfEmpty(database.db);
  const tenderId = await buildTender(database.db);
  const app = await buildApp({ config: loadConfig({ LOG_LEVEL: 'silent' }), database, mailer: { send: async () => undefined } }, { logger: false });
  try {
    const cookie = await signedInCookie(app, 'officer@council.example');
    const request = () => app.inject({ url: `/tenders/${tenderId}/results`, headers: { cookie } });
    const check = await request();
    if (check.statusCode !== 200) throw new Error(`results page answered ${check.statusCode}`);
    const { a: pageMs, b: baselineMs } = await timeInTurn(30, request, () => database.db.execute(baselineQuery(tenderId)));
    return { pageMs, baselineMs, ratio: pageMs / baselineMs };
  } finally {
    await app.close();
    await database.close();
  }
}
