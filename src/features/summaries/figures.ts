import { and, eq, gte, isNull, lt, lte, ne, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../../db/client.js';
import { frameworkVersions, measures, outcomes, svRollup, type SummaryScope } from '../../db/schema/index.js';
import { addQuarters, quarterOf } from '../../domain/quarters.js';
import { jsonRow, jsonRows, readPart, readParts, type SummaryPart } from './parts.js';

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

const amounts: Record<keyof Figures, AnyPgColumn> = {
  promisedPence: svRollup.promisedPence,
  committedPence: svRollup.committedPence,
  verifiedPence: svRollup.verifiedPence,
  additionalPence: svRollup.additionalPence,
  promisedHundredths: svRollup.promisedHundredths,
  committedHundredths: svRollup.committedHundredths,
  verifiedHundredths: svRollup.verifiedHundredths,
  additionalHundredths: svRollup.additionalHundredths,
  verifiedLines: svRollup.verifiedLines,
};

/** The figures added up, each column named as in Figures. */
const sums = sql.join(
  Object.entries(amounts).map(([name, column]) => sql`coalesce(sum(${column}), 0) as ${sql.identifier(name)}`),
  sql`, `,
);

type Dimension = 'directorate' | 'subject' | 'district';

function subjectOf(filter: SummaryFilter): string {
  if (filter.measureId) return `measure:${filter.measureId}`;
  if (filter.outcomeCode) return `outcome:${filter.outcomeCode}`;
  return '*';
}

/** The rollup rows of a filter, leaving out the one dimension a breakdown is by. */
function where(filter: SummaryFilter, by?: Dimension, extra: (SQL | undefined)[] = []): SQL {
  return and(
    eq(svRollup.scope, filter.scope ?? 'all'),
    by === 'directorate' ? ne(svRollup.directorate, '*') : eq(svRollup.directorate, filter.directorate ?? '*'),
    by === 'subject' ? undefined : eq(svRollup.subject, subjectOf(filter)),
    by === 'district' ? ne(svRollup.district, '*') : eq(svRollup.district, filter.district ?? '*'),
    filter.from ? gte(svRollup.quarter, filter.from) : undefined,
    filter.to ? lte(svRollup.quarter, filter.to) : undefined,
    ...extra,
  )!;
}

/** The figures of a filter, added up. */
export function totalPart(filter: SummaryFilter = {}): SummaryPart<Figures> {
  return { sql: jsonRow(sql`select ${sums} from ${svRollup} where ${where(filter)}`), read: (json: Figures) => json };
}

/** The figures quarter by quarter, oldest first (only quarters with a figure). */
export function byQuarterPart(filter: SummaryFilter = {}): SummaryPart<(Figures & { quarter: string })[]> {
  return {
    sql: jsonRows(sql`select ${svRollup.quarter} as quarter, ${sums} from ${svRollup} where ${where(filter)} group by ${svRollup.quarter}`, sql`t.quarter`),
    read: (json: (Figures & { quarter: string })[]) => json,
  };
}

/** The figures by directorate ('' where none was recorded), largest verified first. */
export function byDirectoratePart(filter: SummaryFilter = {}): SummaryPart<(Figures & { directorate: string })[]> {
  return {
    sql: jsonRows(
      sql`select ${svRollup.directorate} as directorate, ${sums} from ${svRollup} where ${where(filter, 'directorate')} group by ${svRollup.directorate}`,
      sql`t."verifiedPence" desc, t.directorate`,
    ),
    read: (json: (Figures & { directorate: string })[]) => json,
  };
}

/**
 * The figures by district: a figure naming several districts counts in full in each, so the districts add up to more
 * than the total; '' holds the figures that name none. Largest verified first.
 */
export function byDistrictPart(filter: SummaryFilter = {}): SummaryPart<(Figures & { district: string })[]> {
  return {
    sql: jsonRows(
      sql`select ${svRollup.district} as district, ${sums} from ${svRollup} where ${where(filter, 'district')} group by ${svRollup.district}`,
      sql`t."verifiedPence" desc, t.district`,
    ),
    read: (json: (Figures & { district: string })[]) => json,
  };
}

const subjectsOf = (prefix: string) => [gte(svRollup.subject, prefix), lt(svRollup.subject, `${prefix.slice(0, -1)};`)];
const OUTCOME = 'outcome:';
const MEASURE = 'measure:';
/** The outcome code of an 'outcome:<code>' subject (a constant, written into the SQL). */
const outcomeCodeOfSubject = sql`substr(${svRollup.subject}, ${sql.raw(String(OUTCOME.length + 1))})`;

/** Each outcome code and its title in the newest framework version that has it. */
const latestOutcomeTitles = sql`select distinct on (${outcomes.code}) ${outcomes.code} as code, ${outcomes.title} as title
  from ${outcomes} join ${frameworkVersions} on ${frameworkVersions.id} = ${outcomes.versionId}
  order by ${outcomes.code}, ${frameworkVersions.number} desc`;

const byCode = <T extends { code: string }>(rows: T[]) => rows.sort((a, b) => a.code.localeCompare(b.code, 'en', { numeric: true }));

/** The figures by strategic outcome (by code across framework versions, titled as in the latest version that has it). */
export function byOutcomePart(filter: SummaryFilter = {}): SummaryPart<(Figures & { code: string; title: string })[]> {
  const code = outcomeCodeOfSubject;
  return {
    sql: jsonRows(sql`select ${code} as code, coalesce(titles.title, ${code}) as title, ${sums}
      from ${svRollup} left join (${latestOutcomeTitles}) titles on titles.code = ${code}
      where ${where({ ...filter, measureId: null, outcomeCode: null }, 'subject', subjectsOf(OUTCOME))}
      group by ${svRollup.subject}, titles.title`),
    read: (json: (Figures & { code: string; title: string })[]) => byCode(json),
  };
}

export type MeasureFigures = Figures & { measureId: string; code: string; title: string; unit: string; valued: boolean; outcomeCode: string };

/**
 * The figures by measure, with its unit and whether it has a proxy value (its figures are in £) or counts in its unit.
 * `unvaluedOnly`: only the measures without a proxy value (those that count in their own unit), which reads their
 * rows only.
 */
export function byMeasurePart(filter: SummaryFilter = {}, { unvaluedOnly = false } = {}): SummaryPart<MeasureFigures[]> {
  return {
    sql: jsonRows(sql`select ${measures.id} as "measureId", ${measures.code} as code, ${measures.title} as title, ${measures.unit} as unit,
        ${measures.proxyPencePerUnit} is not null as valued, ${outcomes.code} as "outcomeCode", ${sums}
      from ${svRollup} join ${measures} on ${svRollup.subject} = ${sql.raw(`'${MEASURE}'`)} || ${measures.id}::text
        join ${outcomes} on ${outcomes.id} = ${measures.outcomeId}
      where ${where({ ...filter, measureId: null, outcomeCode: null }, 'subject', [
        ...subjectsOf(MEASURE),
        unvaluedOnly ? isNull(measures.proxyPencePerUnit) : undefined,
      ])}
      group by ${measures.id}, ${outcomes.id}`),
    read: (json: MeasureFigures[]) => byCode(json.filter((m) => !filter.outcomeCode || m.outcomeCode === filter.outcomeCode)),
  };
}

export interface DeliveryToDate {
  duePence: number;
  verifiedPence: number;
  rateBps: number | null;
  until: string;
}

/**
 * Delivery to date in pence: what the commitments' profiles made due up to the end of the last quarter of the filter
 * (or of the quarter containing `today`, whichever is earlier), and what was verified against commitments for periods
 * ending by then. The rate is null when nothing was due.
 */
export function deliveryPart(filter: SummaryFilter, today: string): SummaryPart<DeliveryToDate> {
  const current = quarterOf(today);
  const until = filter.to && filter.to < current ? filter.to : current;
  return {
    sql: jsonRow(sql`select coalesce(sum(${svRollup.committedPence}), 0) as due,
      coalesce(sum(${svRollup.verifiedPence} - ${svRollup.additionalPence}), 0) as verified
      from ${svRollup} where ${where({ ...filter, to: until })}`),
    read: ({ due, verified }: { due: number; verified: number }) => ({
      duePence: due,
      verifiedPence: verified,
      rateBps: due > 0 ? Math.round((verified * 10000) / due) : null,
      until: addQuarters(until, 1),
    }),
  };
}

export interface SummaryChoices {
  directorates: string[];
  districts: string[];
  outcomes: { code: string; title: string }[];
  quarters: string[];
}

/** What can be chosen in filters: the directorates, districts, outcomes and quarters that have figures. */
export function choicesPart(scope: SummaryScope = 'all'): SummaryPart<SummaryChoices> {
  const base = and(eq(svRollup.scope, scope), eq(svRollup.subject, '*'));
  const distinct = (column: AnyPgColumn, condition: SQL | undefined) =>
    sql`(select coalesce(json_agg(distinct ${column}), '[]'::json) from ${svRollup} where ${condition})`;
  const code = outcomeCodeOfSubject;
  return {
    sql: sql`json_build_object(
      'directorates', ${distinct(svRollup.directorate, and(base, ne(svRollup.directorate, '*'), eq(svRollup.district, '*')))},
      'districts', ${distinct(svRollup.district, and(base, eq(svRollup.directorate, '*'), ne(svRollup.district, '*')))},
      'quarters', ${distinct(svRollup.quarter, and(base, eq(svRollup.directorate, '*'), eq(svRollup.district, '*')))},
      'outcomes', ${jsonRows(sql`select distinct ${code} as code, coalesce(titles.title, ${code}) as title
        from ${svRollup} left join (${latestOutcomeTitles}) titles on titles.code = ${code}
        where ${and(eq(svRollup.scope, scope), eq(svRollup.directorate, '*'), eq(svRollup.district, '*'), ...subjectsOf(OUTCOME))}`)})`,
    read: (json: { directorates: string[]; districts: string[]; quarters: string[]; outcomes: { code: string; title: string }[] }) => {
      const sorted = (values: string[]) => values.sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
      return {
        directorates: sorted(json.directorates),
        districts: sorted(json.districts),
        quarters: sorted(json.quarters),
        outcomes: byCode(json.outcomes),
      };
    },
  };
}

export const totalFigures = (db: DbOrTx, filter: SummaryFilter = {}) => readPart(db, totalPart(filter));
export const figuresByQuarter = (db: DbOrTx, filter: SummaryFilter = {}) => readPart(db, byQuarterPart(filter));
export const figuresByDirectorate = (db: DbOrTx, filter: SummaryFilter = {}) => readPart(db, byDirectoratePart(filter));
export const figuresByDistrict = (db: DbOrTx, filter: SummaryFilter = {}) => readPart(db, byDistrictPart(filter));
export const figuresByOutcome = (db: DbOrTx, filter: SummaryFilter = {}) => readPart(db, byOutcomePart(filter));
export const figuresByMeasure = (db: DbOrTx, filter: SummaryFilter = {}) => readPart(db, byMeasurePart(filter));
export const deliveryToDate = (db: DbOrTx, filter: SummaryFilter, today: string) => readPart(db, deliveryPart(filter, today));
export const summaryChoices = (db: DbOrTx, scope: SummaryScope = 'all') => readPart(db, choicesPart(scope));

/** Each outcome code's title in the newest framework version that has it. */
export async function outcomeTitles(db: DbOrTx): Promise<Map<string, string>> {
  const { titles } = await readParts(db, {
    titles: { sql: jsonRows(latestOutcomeTitles), read: (json: { code: string; title: string }[]) => json },
  });
  return new Map(titles.map((r) => [r.code, r.title]));
}
