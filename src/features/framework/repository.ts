import { and, asc, count, desc, eq, max, ne, sql } from 'drizzle-orm';
import { preparedPer, type DbOrTx } from '../../db/client.js';
import { cachedRead } from '../../db/read-cache.js';
import { frameworkVersions, measures, outcomes, type FrameworkStatus } from '../../db/schema/index.js';

/** The framework's queries. Every read of one outcome or measure is scoped to its version. */

export type VersionRow = typeof frameworkVersions.$inferSelect;
export type OutcomeRow = typeof outcomes.$inferSelect;
export type MeasureRow = typeof measures.$inferSelect;

export interface VersionListItem {
  id: string;
  number: number;
  name: string;
  status: FrameworkStatus;
  activatedAt: Date | null;
  outcomeCount: number;
  measureCount: number;
}

/** Every version: the active one first, then the draft, then retired versions, newest first. */
export async function listVersions(db: DbOrTx): Promise<VersionListItem[]> {
  const outcomeCounts = db
    .select({ versionId: outcomes.versionId, n: count().as('outcome_n') })
    .from(outcomes)
    .groupBy(outcomes.versionId)
    .as('oc');
  const measureCounts = db
    .select({ versionId: measures.versionId, n: count().as('measure_n') })
    .from(measures)
    .groupBy(measures.versionId)
    .as('mc');
  const rows = await db
    .select({
      id: frameworkVersions.id,
      number: frameworkVersions.number,
      name: frameworkVersions.name,
      status: frameworkVersions.status,
      activatedAt: frameworkVersions.activatedAt,
      outcomeCount: sql<number>`coalesce(${outcomeCounts.n}, 0)`.mapWith(Number),
      measureCount: sql<number>`coalesce(${measureCounts.n}, 0)`.mapWith(Number),
    })
    .from(frameworkVersions)
    .leftJoin(outcomeCounts, eq(outcomeCounts.versionId, frameworkVersions.id))
    .leftJoin(measureCounts, eq(measureCounts.versionId, frameworkVersions.id))
    .orderBy(sql`case ${frameworkVersions.status} when 'active' then 0 when 'draft' then 1 else 2 end`, desc(frameworkVersions.number));
  return rows;
}

const versionById = preparedPer((db) =>
  db
    .select()
    .from(frameworkVersions)
    .where(eq(frameworkVersions.id, sql.placeholder('id')))
    .limit(1)
    .prepare('sv_framework_version'),
);

export async function findVersion(db: DbOrTx, versionId: string): Promise<VersionRow | null> {
  return cachedRead(db, `framework-version:${versionId}`, async () => (await versionById(db).execute({ id: versionId }))[0] ?? null);
}

export async function findVersionByStatus(db: DbOrTx, status: 'draft' | 'active'): Promise<VersionRow | null> {
  const [row] = await db.select().from(frameworkVersions).where(eq(frameworkVersions.status, status)).limit(1);
  return row ?? null;
}

export async function nextVersionNumber(db: DbOrTx): Promise<number> {
  const [row] = await db.select({ n: max(frameworkVersions.number) }).from(frameworkVersions);
  return (row?.n ?? 0) + 1;
}

export async function listOutcomes(db: DbOrTx, versionId: string): Promise<OutcomeRow[]> {
  return db.select().from(outcomes).where(eq(outcomes.versionId, versionId)).orderBy(asc(outcomes.position), asc(outcomes.code));
}

export async function findOutcome(db: DbOrTx, versionId: string, outcomeId: string): Promise<OutcomeRow | null> {
  const [row] = await db
    .select()
    .from(outcomes)
    .where(and(eq(outcomes.versionId, versionId), eq(outcomes.id, outcomeId)))
    .limit(1);
  return row ?? null;
}

export async function countMeasures(db: DbOrTx, where: { versionId: string } | { outcomeId: string }): Promise<number> {
  const condition = 'versionId' in where ? eq(measures.versionId, where.versionId) : eq(measures.outcomeId, where.outcomeId);
  const [row] = await db.select({ n: count() }).from(measures).where(condition);
  return row?.n ?? 0;
}

/** The version's measures in code order, with just what the version page shows. */
export async function listMeasureSummaries(db: DbOrTx, versionId: string) {
  return db
    .select({
      id: measures.id,
      outcomeId: measures.outcomeId,
      code: measures.code,
      title: measures.title,
      unit: measures.unit,
      proxyPencePerUnit: measures.proxyPencePerUnit,
    })
    .from(measures)
    .where(eq(measures.versionId, versionId))
    .orderBy(asc(measures.code));
}

export async function findMeasure(db: DbOrTx, versionId: string, measureId: string): Promise<MeasureRow | null> {
  const [row] = await db
    .select()
    .from(measures)
    .where(and(eq(measures.versionId, versionId), eq(measures.id, measureId)))
    .limit(1);
  return row ?? null;
}

export async function unitsInVersion(db: DbOrTx, versionId: string): Promise<string[]> {
  const rows = await db.selectDistinct({ unit: measures.unit }).from(measures).where(eq(measures.versionId, versionId));
  return rows.map((r) => r.unit);
}

/** The outcome or measure in the version that already uses a code (capitals ignored), other than the one being changed. */
export async function codeInUse(db: DbOrTx, table: 'outcomes' | 'measures', versionId: string, code: string, exceptId?: string): Promise<boolean> {
  const t = table === 'outcomes' ? outcomes : measures;
  const conditions = [eq(t.versionId, versionId), eq(sql`lower(${t.code})`, code.toLowerCase())];
  if (exceptId) conditions.push(ne(t.id, exceptId));
  const [row] = await db
    .select({ id: t.id })
    .from(t)
    .where(and(...conditions))
    .limit(1);
  return !!row;
}

export async function nextOutcomePosition(db: DbOrTx, versionId: string): Promise<number> {
  const [row] = await db
    .select({ p: max(outcomes.position) })
    .from(outcomes)
    .where(eq(outcomes.versionId, versionId));
  return row?.p === null || row?.p === undefined ? 0 : row.p + 1;
}
