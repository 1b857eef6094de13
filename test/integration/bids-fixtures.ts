import { and, eq, sql } from 'drizzle-orm';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { Db } from '../../src/db/client.js';
import {
  auditEvents,
  bids,
  frameworkVersions,
  measures,
  organisations,
  requirements,
  tenderMeasures,
  tenderQuestions,
  tenderSuppliers,
  tenders,
  users,
  type QuantitativeMethod,
} from '../../src/db/schema/index.js';
import { defaultScale } from '../../src/features/tenders/defaults.js';
import { DEMO_PASSWORD } from '../helpers/app.js';

/**
 * Published tenders written straight into the database for the supplier portal's tests, with measures of the active
 * (seeded) framework version: GC01 volunteering hours (valued at £12.71 an hour), SE02 apprenticeship weeks and
 * SE03 training hours (counted, not valued).
 */

export const SUPPLIER = 'supplier@supplier.example';
export const SUPPLIER2 = 'supplier2@midlands.example';
export const SUPPLIER3 = 'supplier3@soarvalley.example';

export interface TenderOptions {
  /** codes of the active framework's measures, with an optional minimum in hundredths */
  measures?: { code: string; minimumHundredths?: number }[];
  questions?: { title: string; guidance?: string; weightBps: number }[];
  invited?: string[];
  closingAt?: Date;
  expectedStart?: string;
  durationMonths?: number;
  method?: QuantitativeMethod;
  /** leave the tender as a draft (not published) */
  draft?: boolean;
}

export interface TestTender {
  id: string;
  number: number;
  measureIds: Record<string, string>;
  questionIds: string[];
}

export async function organisationIdOf(db: Db, email: string): Promise<string> {
  const [row] = await db.select({ organisationId: users.organisationId }).from(users).where(eq(users.email, email));
  return row!.organisationId;
}

export async function userIdOf(db: Db, email: string): Promise<string> {
  const [row] = await db.select({ id: users.id }).from(users).where(eq(users.email, email));
  return row!.id;
}

/** The active framework version's measures by code. */
export async function activeMeasures(db: Db) {
  const rows = await db
    .select({
      id: measures.id,
      code: measures.code,
      proxyPencePerUnit: measures.proxyPencePerUnit,
      deadweightBps: measures.deadweightBps,
      attributionBps: measures.attributionBps,
    })
    .from(measures)
    .innerJoin(frameworkVersions, eq(frameworkVersions.id, measures.versionId))
    .where(eq(frameworkVersions.status, 'active'));
  return new Map(rows.map((r) => [r.code, r]));
}

/** A tender published to the invited suppliers (by a user's email), closing in a week unless told otherwise. */
export async function createTender(db: Db, options: TenderOptions = {}): Promise<TestTender> {
  const owner = await userIdOf(db, 'officer@council.example');
  const [version] = await db.select({ id: frameworkVersions.id }).from(frameworkVersions).where(eq(frameworkVersions.status, 'active'));
  const [requirement] = await db
    .insert(requirements)
    .values({
      title: 'Home care in Charnwood',
      directorate: 'Adults and Communities',
      cpvCode: '85310000',
      categoryLabel: 'Social work services',
      estimatedValuePence: 7_500_000,
      expectedStart: options.expectedStart ?? '2027-04-01',
      durationMonths: options.durationMonths ?? 24,
      ownerId: owner,
      stage: 'tendering',
      applicability: 'policy',
      applicabilityExplanation: 'At or above the policy minimum of £50,000',
    })
    .returning({ id: requirements.id });
  const [tender] = await db
    .insert(tenders)
    .values({
      requirementId: requirement!.id,
      title: 'Home care in Charnwood',
      svWeightBps: 2000,
      quantitativeShareBps: 6000,
      quantitativeMethod: options.method ?? 'highest_offer',
      scale: defaultScale,
      closingAt: options.closingAt ?? new Date(Date.now() + 7 * 86_400_000),
      frameworkVersionId: version!.id,
      createdBy: owner,
    })
    .returning({ id: tenders.id, number: tenders.number });
  const byCode = await activeMeasures(db);
  const chosen = options.measures ?? [{ code: 'GC01' }, { code: 'SE02' }, { code: 'SE03', minimumHundredths: 10_000 }];
  const measureIds: Record<string, string> = {};
  for (const m of chosen) {
    measureIds[m.code] = byCode.get(m.code)!.id;
    await db.insert(tenderMeasures).values({ tenderId: tender!.id, measureId: measureIds[m.code]!, minimumHundredths: m.minimumHundredths ?? null });
  }
  const questions = options.questions ?? [
    { title: 'How will you recruit local people?', guidance: 'Say where you will advertise and who you will work with.', weightBps: 6000 },
    { title: 'How will you reduce your carbon emissions?', weightBps: 4000 },
  ];
  const questionIds: string[] = [];
  for (const [i, q] of questions.entries()) {
    const [row] = await db
      .insert(tenderQuestions)
      .values({ tenderId: tender!.id, position: i + 1, title: q.title, guidance: q.guidance ?? '', weightBps: q.weightBps })
      .returning({ id: tenderQuestions.id });
    questionIds.push(row!.id);
  }
  if (!options.draft) await db.update(tenders).set({ status: 'published', publishedAt: new Date() }).where(eq(tenders.id, tender!.id));
  for (const email of options.invited ?? [SUPPLIER]) {
    await db.insert(tenderSuppliers).values({ tenderId: tender!.id, organisationId: await organisationIdOf(db, email) });
  }
  return { id: tender!.id, number: tender!.number, measureIds, questionIds };
}

/** Ends bidding: the closing time moved to a moment in the past. */
export async function closeTender(db: Db, tenderId: string, closingAt = new Date('2025-11-22T15:00:00Z')): Promise<void> {
  await db.update(tenders).set({ closingAt }).where(eq(tenders.id, tenderId));
}

/** The organisation's bid row as stored, or null. */
export async function storedBid(db: Db, tenderId: string, email: string) {
  const organisationId = await organisationIdOf(db, email);
  const [row] = await db
    .select()
    .from(bids)
    .where(and(eq(bids.tenderId, tenderId), eq(bids.organisationId, organisationId)));
  return row ?? null;
}

export async function auditCount(db: Db): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)`.mapWith(Number) }).from(auditEvents);
  return row!.n;
}

export async function organisationName(db: Db, email: string): Promise<string> {
  const [row] = await db
    .select({ name: organisations.name })
    .from(users)
    .innerJoin(organisations, eq(organisations.id, users.organisationId))
    .where(eq(users.email, email));
  return row!.name;
}

/**
 * Posts JSON as the live value script does: signed in, with the CSRF token of a page in a header. (The shared test
 * client posts forms only.)
 */
export async function jsonPoster(app: FastifyInstance, email: string) {
  const cookies = new Map<string, string>();
  const keep = (response: LightMyRequestResponse) => {
    for (const c of response.cookies as { name: string; value: string }[]) {
      if (c.value) cookies.set(c.name, c.value);
      else cookies.delete(c.name);
    }
    return response;
  };
  const cookie = () => [...cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  const tokenOf = (body: string) => /name="_csrf" value="([^"]+)"/.exec(body)?.[1] ?? '';
  const signInPage = keep(await app.inject({ method: 'GET', url: '/sign-in' }));
  keep(
    await app.inject({
      method: 'POST',
      url: '/sign-in',
      headers: { cookie: cookie(), 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ _csrf: tokenOf(signInPage.body), email, password: DEMO_PASSWORD }).toString(),
    }),
  );
  const home = keep(await app.inject({ method: 'GET', url: '/', headers: { cookie: cookie() } }));
  const token = tokenOf(home.body);
  return (url: string, body: unknown, csrf = token) =>
    app.inject({ method: 'POST', url, headers: { cookie: cookie(), 'content-type': 'application/json', 'x-csrf-token': csrf }, payload: JSON.stringify(body) });
}
