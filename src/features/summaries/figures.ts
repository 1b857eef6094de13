import { and, asc, desc, eq, gte, lt, lte, ne, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../../db/client.js';
import { frameworkVersions, measures, outcomes, svRollup, type SummaryScope } from '../../db/schema/index.js';
import { addQuarters, quarterOf } from '../../domain/quarters.js';

/**
 * Which figures to read. Everything is optional: no filter is the whole county, every quarter.
 * `district` '' means the figures that name no district; a measure wins over an outcome.
 */
export interface SummaryFilter {
  /** 'all' for staff (the default), 'published' for the public: contracts published on the transparency site */
  scope?: SummaryScope;
  directorate?: string | null;
  /** a strategic outcome's code, across framework versions */
  outcomeCode?: string | null;
  measureId?: string | null;
  district?: string | null;
  /** the first and last quarter (ISO date of their first day), both included */
  from?: string | null;
  to?: string | null;
}

/**
 * Promised (tender), committed (current) and verified delivered figures. Pence count only measures with a proxy value;
 * hundredths add up quantities in each measure's own unit, so they mean something only for one measure.
 * `additional` is the part of verified that was delivered beyond the commitments.
 */
export interface Figures {
  promisedPence: number;
  committedPence: number;
  verifiedPence: number;
  additionalPence: number;
  promisedHundredths: number;
  committedHundredths: number;
  verifiedHundredths: number;
  additionalHundredths: number;
  verifiedLines: number;
}

const total = (column: AnyPgColumn) => sql<number>`coalesce(sum(${column}), 0)`.mapWith(Number);

const sums = {
  promisedPence: total(svRollup.promisedPence),
  committedPence: total(svRollup.committedPence),
  verifiedPence: total(svRollup.verifiedPence),
  additionalPence: total(svRollup.additionalPence),
  promisedHundredths: total(svRollup.promisedHundredths),
  committedHundredths: total(svRollup.committedHundredths),
  verifiedHundredths: total(svRollup.verifiedHundredths),
  additionalHundredths: total(svRollup.additionalHundredths),
  verifiedLines: total(svRollup.verifiedLines),
};

type Dimension = 'directorate' | 'subject' | 'district';

function subjectOf(filter: SummaryFilter): string {
  if (filter.measureId) return `measure:${filter.measureId}`;
  if (filter.outcomeCode) return `outcome:${filter.outcomeCode}`;
  return '*';
}

/** The rollup rows of a filter, leaving out the one dimension a breakdown is by. */
function where(filter: SummaryFilter, by?: Dimension, extra: (SQL | undefined)[] = []): SQL | undefined {
  return and(
    eq(svRollup.scope, filter.scope ?? 'all'),
    by === 'directorate' ? ne(svRollup.directorate, '*') : eq(svRollup.directorate, filter.directorate ?? '*'),
    by === 'subject' ? undefined : eq(svRollup.subject, subjectOf(filter)),
    by === 'district' ? ne(svRollup.district, '*') : eq(svRollup.district, filter.district ?? '*'),
    filter.from ? gte(svRollup.quarter, filter.from) : undefined,
    filter.to ? lte(svRollup.quarter, filter.to) : undefined,
    ...extra,
  );
}

/** The figures of a filter, added up. */
export async function totalFigures(db: DbOrTx, filter: SummaryFilter = {}): Promise<Figures> {
  const [row] = await db.select(sums).from(svRollup).where(where(filter));
  return row!;
}

/** The figures quarter by quarter, oldest first (only quarters with a figure). */
export async function figuresByQuarter(db: DbOrTx, filter: SummaryFilter = {}): Promise<(Figures & { quarter: string })[]> {
  return db
    .select({ quarter: svRollup.quarter, ...sums })
    .from(svRollup)
    .where(where(filter))
    .groupBy(svRollup.quarter)
    .orderBy(asc(svRollup.quarter));
}

/** The figures by directorate ('' where none was recorded), largest verified first. */
export async function figuresByDirectorate(db: DbOrTx, filter: SummaryFilter = {}): Promise<(Figures & { directorate: string })[]> {
  return db
    .select({ directorate: svRollup.directorate, ...sums })
    .from(svRollup)
    .where(where(filter, 'directorate'))
    .groupBy(svRollup.directorate)
    .orderBy(sql`${sums.verifiedPence} desc`, asc(svRollup.directorate));
}

/**
 * The figures by district: a figure naming several districts counts in full in each, so the districts add up to more
 * than the total; '' holds the figures that name none. Largest verified first.
 */
export async function figuresByDistrict(db: DbOrTx, filter: SummaryFilter = {}): Promise<(Figures & { district: string })[]> {
  return db
    .select({ district: svRollup.district, ...sums })
    .from(svRollup)
    .where(where(filter, 'district'))
    .groupBy(svRollup.district)
    .orderBy(sql`${sums.verifiedPence} desc`, asc(svRollup.district));
}

const subjectsOf = (prefix: string) => [gte(svRollup.subject, prefix), lt(svRollup.subject, `${prefix.slice(0, -1)};`)];

/** The figures by strategic outcome (by code across framework versions, titled as in the latest version that has it). */
export async function figuresByOutcome(db: DbOrTx, filter: SummaryFilter = {}): Promise<(Figures & { code: string; title: string })[]> {
  const rows = await db
    .select({ subject: svRollup.subject, ...sums })
    .from(svRollup)
    .where(where({ ...filter, measureId: null, outcomeCode: null }, 'subject', subjectsOf('outcome:')))
    .groupBy(svRollup.subject);
  const titles = await outcomeTitles(db);
  return rows
    .map(({ subject, ...figures }) => {
      const code = subject.slice('outcome:'.length);
      return { code, title: titles.get(code) ?? code, ...figures };
    })
    .sort((a, b) => a.code.localeCompare(b.code, 'en', { numeric: true }));
}

/** The figures by measure, with its unit and whether it has a proxy value (its figures are in £) or counts in its unit. */
export async function figuresByMeasure(
  db: DbOrTx,
  filter: SummaryFilter = {},
): Promise<(Figures & { measureId: string; code: string; title: string; unit: string; valued: boolean; outcomeCode: string })[]> {
  const rows = await db
    .select({ subject: svRollup.subject, ...sums })
    .from(svRollup)
    .where(where({ ...filter, measureId: null, outcomeCode: null }, 'subject', subjectsOf('measure:')))
    .groupBy(svRollup.subject);
  if (rows.length === 0) return [];
  const known = await db
    .select({ id: measures.id, code: measures.code, title: measures.title, unit: measures.unit, proxy: measures.proxyPencePerUnit, outcomeCode: outcomes.code })
    .from(measures)
    .innerJoin(outcomes, eq(outcomes.id, measures.outcomeId));
  const byId = new Map(known.map((m) => [m.id, m]));
  return rows
    .map(({ subject, ...figures }) => {
      const measure = byId.get(subject.slice('measure:'.length))!;
      return {
        measureId: measure.id,
        code: measure.code,
        title: measure.title,
        unit: measure.unit,
        valued: measure.proxy !== null,
        outcomeCode: measure.outcomeCode,
        ...figures,
      };
    })
    .filter((m) => !filter.outcomeCode || m.outcomeCode === filter.outcomeCode)
    .sort((a, b) => a.code.localeCompare(b.code, 'en', { numeric: true }));
}

/** Each outcome code's title in the newest framework version that has it. */
export async function outcomeTitles(db: DbOrTx): Promise<Map<string, string>> {
  const rows = await db
    .selectDistinctOn([outcomes.code], { code: outcomes.code, title: outcomes.title })
    .from(outcomes)
    .innerJoin(frameworkVersions, eq(frameworkVersions.id, outcomes.versionId))
    .orderBy(outcomes.code, desc(frameworkVersions.number));
  return new Map(rows.map((r) => [r.code, r.title]));
}

/**
 * Delivery to date in pence: what the commitments' profiles made due up to the end of the last quarter of the filter
 * (or of the quarter containing `today`, whichever is earlier), and what was verified against commitments for periods
 * ending by then. The rate is null when nothing was due.
 */
export async function deliveryToDate(
  db: DbOrTx,
  filter: SummaryFilter,
  today: string,
): Promise<{ duePence: number; verifiedPence: number; rateBps: number | null; until: string }> {
  const current = quarterOf(today);
  const until = filter.to && filter.to < current ? filter.to : current;
  const [row] = await db
    .select({ due: sums.committedPence, verified: sql<number>`coalesce(sum(${svRollup.verifiedPence} - ${svRollup.additionalPence}), 0)`.mapWith(Number) })
    .from(svRollup)
    .where(where({ ...filter, to: until }));
  const { due, verified } = row!;
  return { duePence: due, verifiedPence: verified, rateBps: due > 0 ? Math.round((verified * 10000) / due) : null, until: addQuarters(until, 1) };
}

/** What can be chosen in filters: the directorates, districts, outcomes and quarters that have figures. */
export async function summaryChoices(
  db: DbOrTx,
  scope: SummaryScope = 'all',
): Promise<{ directorates: string[]; districts: string[]; outcomes: { code: string; title: string }[]; quarters: string[] }> {
  const base = and(eq(svRollup.scope, scope), eq(svRollup.subject, '*'));
  const [directorates, districts, quarters, subjects, titles] = await Promise.all([
    db
      .selectDistinct({ v: svRollup.directorate })
      .from(svRollup)
      .where(and(base, ne(svRollup.directorate, '*'), eq(svRollup.district, '*'))),
    db
      .selectDistinct({ v: svRollup.district })
      .from(svRollup)
      .where(and(base, eq(svRollup.directorate, '*'), ne(svRollup.district, '*'))),
    db
      .selectDistinct({ v: svRollup.quarter })
      .from(svRollup)
      .where(and(base, eq(svRollup.directorate, '*'), eq(svRollup.district, '*'))),
    db
      .selectDistinct({ v: svRollup.subject })
      .from(svRollup)
      .where(and(eq(svRollup.scope, scope), eq(svRollup.directorate, '*'), eq(svRollup.district, '*'), ...subjectsOf('outcome:'))),
    outcomeTitles(db),
  ]);
  const sorted = (rows: { v: string }[]) => rows.map((r) => r.v).sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
  return {
    directorates: sorted(directorates),
    districts: sorted(districts),
    quarters: sorted(quarters),
    outcomes: sorted(subjects)
      .map((s) => s.slice('outcome:'.length))
      .map((code) => ({ code, title: titles.get(code) ?? code })),
  };
}
