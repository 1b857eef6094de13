import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { contracts, frameworkVersions, measures, organisationSizes, outcomes } from '../../db/schema/index.js';
import { todayIso } from '../../domain/dates.js';
import { districts } from '../organisations/postcode-districts.js';
import { quartersBetween, type Quarter } from './quarters.js';

export type CodeAndTitle = { code: string; title: string };

/** The values the database's filters accept: what is in the data, so that a filter never offers an empty choice. */
export interface FilterOptions {
  outcomes: CodeAndTitle[];
  measures: CodeAndTitle[];
  districts: string[];
  directorates: string[];
  sizes: readonly string[];
  quarters: Quarter[];
}

/** The rows of db.execute(), which node-postgres and PGlite both give as `rows`. */
function rowsOf<T>(result: unknown): T[] {
  return (result as { rows: T[] }).rows;
}

/**
 * Outcomes and measures by code across framework versions (the newest version's title), the directorates that have
 * contracts, and the quarters from the earliest contract start to the latest end. Four small queries.
 */
export async function loadFilterOptions(db: DbOrTx): Promise<FilterOptions> {
  const latestTitles = (table: typeof outcomes | typeof measures) =>
    db.execute<CodeAndTitle>(
      sql`select distinct on (t.code) t.code, t.title from ${table} t join ${frameworkVersions} v on v.id = t.version_id order by t.code, v.number desc`,
    );
  const [outcomeResult, measureResult, directorateRows, [range]] = await Promise.all([
    latestTitles(outcomes),
    latestTitles(measures),
    db.selectDistinct({ name: contracts.directorate }).from(contracts).orderBy(contracts.directorate),
    db.select({ from: sql<string | null>`min(${contracts.startDate})::text`, to: sql<string | null>`max(${contracts.endDate})::text` }).from(contracts),
  ]);
  return {
    outcomes: rowsOf<CodeAndTitle>(outcomeResult),
    measures: rowsOf<CodeAndTitle>(measureResult),
    districts: districts.map((d) => d.name),
    directorates: directorateRows.map((r) => r.name).filter((name) => name !== ''),
    sizes: organisationSizes,
    quarters: range?.from && range.to ? quartersBetween(range.from, range.to) : quartersBetween(todayIso(), todayIso()),
  };
}
