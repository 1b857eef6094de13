import { and, asc, eq } from 'drizzle-orm';
import { expect } from 'vitest';
import type { Db } from '../../src/db/client.js';
import {
  assessmentMeasures,
  bids,
  frameworkVersions,
  hiaScreenings,
  measures,
  opportunityAssessments,
  organisations,
  requirements,
  tenderEvaluators,
  tenderMeasures,
  tenderQuestions,
  tenderSuppliers,
  tenders,
  users,
} from '../../src/db/schema/index.js';
import type { Client } from '../helpers/app.js';

/** Shared set-up for the tender tests: requirements in each state, and a tender set up through its pages. */

export async function userIdOf(db: Db, email: string): Promise<string> {
  const [row] = await db.select({ id: users.id }).from(users).where(eq(users.email, email));
  return row!.id;
}

export async function organisationIdOf(db: Db, name: string): Promise<string> {
  const [row] = await db.select({ id: organisations.id }).from(organisations).where(eq(organisations.name, name));
  return row!.id;
}

export const SUPPLIERS = {
  charnwood: 'Charnwood Care Services Ltd',
  midlands: 'Midlands Facilities Group plc',
  soarValley: 'Soar Valley Community Enterprise CIC',
} as const;

/** The active framework version's measures by code. */
export async function activeMeasureIds(db: Db): Promise<Map<string, string>> {
  const rows = await db
    .select({ id: measures.id, code: measures.code })
    .from(measures)
    .innerJoin(frameworkVersions, eq(frameworkVersions.id, measures.versionId))
    .where(eq(frameworkVersions.status, 'active'));
  return new Map(rows.map((r) => [r.code, r.id]));
}

export async function activeVersionId(db: Db): Promise<string> {
  const [row] = await db.select({ id: frameworkVersions.id }).from(frameworkVersions).where(eq(frameworkVersions.status, 'active'));
  return row!.id;
}

interface RequirementOptions {
  applicability?: 'out_of_scope' | 'policy' | 'statutory';
  /** complete the assessment and the screening (in scope only) */
  ready?: boolean;
  /** measures the assessment asks for, by code, with a target in hundredths */
  assessed?: { code: string; targetHundredths: number | null }[];
}

let counter = 0;

/** A requirement, in scope and ready to tender unless told otherwise. */
export async function insertRequirement(db: Db, options: RequirementOptions = {}): Promise<{ id: string; title: string }> {
  const applicability = options.applicability ?? 'policy';
  const title = `Home care for older people ${++counter}`;
  const [requirement] = await db
    .insert(requirements)
    .values({
      title,
      directorate: 'Adults and Communities',
      cpvCode: '85310000',
      categoryLabel: 'Social work services',
      estimatedValuePence: applicability === 'out_of_scope' ? 4_000_000 : 7_500_000,
      expectedStart: '2027-04-01',
      durationMonths: 24,
      ownerId: await userIdOf(db, 'officer@council.example'),
      stage: options.ready === false ? 'pipeline' : 'ready_to_tender',
      applicability,
      applicabilityExplanation: applicability === 'out_of_scope' ? 'Below the policy minimum of £50,000' : 'At or above the policy minimum of £50,000',
    })
    .returning({ id: requirements.id });
  const id = requirement!.id;
  if (options.ready !== false && applicability !== 'out_of_scope') {
    await db.insert(opportunityAssessments).values({ requirementId: id, frameworkVersionId: await activeVersionId(db), completedAt: new Date() });
    await db.insert(hiaScreenings).values({ requirementId: id, result: 'no_further_assessment', completedAt: new Date() });
  }
  const byCode = await activeMeasureIds(db);
  for (const m of options.assessed ?? []) {
    await db
      .insert(assessmentMeasures)
      .values({ requirementId: id, measureId: byCode.get(m.code)!, targetHundredths: m.targetHundredths, reason: 'Suggested' });
  }
  return { id, title };
}

/** Creates the draft tender for a requirement through the service, and returns its id. */
export async function createDraft(officer: Client, requirementId: string): Promise<string> {
  const response = await officer.post(`/requirements/${requirementId}/tender`);
  expect(response.statusCode).toBe(303);
  const id = /^\/tenders\/([0-9a-f-]{36})/.exec(String(response.headers.location))?.[1];
  expect(id).toBeDefined();
  return id!;
}

/** A closing date a year from now, as the closing date form takes it. */
export function futureClosing(): Record<string, string> {
  const year = new Date().getUTCFullYear() + 1;
  return { 'closingDate-day': '30', 'closingDate-month': '6', 'closingDate-year': String(year), closingTime: '12pm' };
}

/** Fills in every part of a draft tender's set-up through its pages, so that it can be published. */
export async function completeSetup(
  db: Db,
  officer: Client,
  tenderId: string,
  options: { suppliers?: string[]; evaluators?: string[]; measureCodes?: string[] } = {},
): Promise<void> {
  const base = `/tenders/${tenderId}`;
  const byCode = await activeMeasureIds(db);
  const measureIds = (options.measureCodes ?? ['SE01', 'WO01']).map((code) => byCode.get(code)!);
  const supplierIds = await Promise.all((options.suppliers ?? [SUPPLIERS.charnwood, SUPPLIERS.soarValley]).map((name) => organisationIdOf(db, name)));
  const evaluatorIds = await Promise.all((options.evaluators ?? ['evaluator@council.example']).map((email) => userIdOf(db, email)));
  const steps: [string, Record<string, string | string[]>][] = [
    ['weighting', { svWeight: '20', lowWeightReason: '', quantitativeShare: '60', qualitativeShare: '40' }],
    ['measures', { measures: measureIds }],
    ['questions/new', { title: 'How will you recruit local people?', guidance: 'Say who, how and when.', weight: '60' }],
    ['questions/new', { title: 'How will you support local small businesses?', guidance: '', weight: '40' }],
    ['closing', futureClosing()],
    ['suppliers', { suppliers: supplierIds }],
    ['evaluators', { evaluators: evaluatorIds }],
  ];
  for (const [path, form] of steps) {
    const response = await officer.post(`${base}/${path}`, form);
    expect([path, response.statusCode]).toEqual([path, 303]);
  }
}

/** Everything about a tender that set-up pages change, to check that a refused change saved nothing. */
export async function tenderSnapshot(db: Db, tenderId: string) {
  const [tender] = await db.select().from(tenders).where(eq(tenders.id, tenderId));
  return {
    tender,
    measures: await db.select().from(tenderMeasures).where(eq(tenderMeasures.tenderId, tenderId)).orderBy(asc(tenderMeasures.id)),
    questions: await db.select().from(tenderQuestions).where(eq(tenderQuestions.tenderId, tenderId)).orderBy(asc(tenderQuestions.id)),
    suppliers: await db.select().from(tenderSuppliers).where(eq(tenderSuppliers.tenderId, tenderId)).orderBy(asc(tenderSuppliers.id)),
    evaluators: await db.select().from(tenderEvaluators).where(eq(tenderEvaluators.tenderId, tenderId)).orderBy(asc(tenderEvaluators.id)),
  };
}

/** A bid submitted by a supplier organisation, written straight to the database (the supplier portal is tested elsewhere). */
export async function insertSubmittedBid(db: Db, tenderId: string, supplierName: string): Promise<void> {
  const organisationId = await organisationIdOf(db, supplierName);
  await db
    .insert(bids)
    .values({ tenderId, organisationId, status: 'submitted', pricePence: 7_000_000, submittedAt: new Date() })
    .onConflictDoUpdate({ target: [bids.tenderId, bids.organisationId], set: { status: 'submitted', submittedAt: new Date() } });
}

export async function tenderRow(db: Db, tenderId: string) {
  const [row] = await db.select().from(tenders).where(eq(tenders.id, tenderId));
  return row!;
}

export async function tenderMeasureCodes(db: Db, tenderId: string) {
  return db
    .select({ code: measures.code, versionId: measures.versionId, minimumHundredths: tenderMeasures.minimumHundredths })
    .from(tenderMeasures)
    .innerJoin(measures, eq(measures.id, tenderMeasures.measureId))
    .where(and(eq(tenderMeasures.tenderId, tenderId)))
    .orderBy(asc(measures.code));
}
