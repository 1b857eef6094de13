import { sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';

/**
 * One read of the summaries as a scalar subquery giving JSON, and how that JSON becomes its figures. A page that needs
 * many figures reads all its parts in one query (one round trip, one plan) with readParts(), and each read on its own
 * runs its part alone, so both give the same figures from the same SQL.
 */
export interface SummaryPart<T> {
  sql: SQL;
  read: (json: never) => T;
}

type Results<P> = { [K in keyof P]: P[K] extends SummaryPart<infer T> ? T : never };

/** The JSON of a select's rows as an array (`[]` when none), in the order given (its columns are named `t.<alias>`). */
export function jsonRows(query: SQL, orderBy?: SQL): SQL {
  return sql`(select coalesce(json_agg(t${orderBy ? sql` order by ${orderBy}` : sql``}), '[]'::json) from (${query}) t)`;
}

/** The JSON of a select's one row as an object (an aggregate without grouping always gives one). */
export function jsonRow(query: SQL): SQL {
  return sql`(select row_to_json(t) from (${query}) t)`;
}

/** Several parts in one query: `select (part) as "name", ...`, each column's JSON read by its part. */
export async function readParts<P extends Record<string, SummaryPart<unknown>>>(db: DbOrTx, parts: P): Promise<Results<P>> {
  const columns = Object.entries(parts).map(([name, part]) => sql`${part.sql} as ${sql.identifier(name)}`);
  const result = await db.execute(sql`select ${sql.join(columns, sql`, `)}`);
  // node-postgres and PGlite both give `rows`; both parse json columns, but a driver set up otherwise gives text
  const row = (result as unknown as { rows: Record<string, unknown>[] }).rows[0]!;
  const values = Object.entries(parts).map(([name, part]) => {
    const json = typeof row[name] === 'string' ? JSON.parse(row[name]) : row[name];
    return [name, part.read(json as never)];
  });
  return Object.fromEntries(values) as Results<P>;
}

/** One part on its own. */
export async function readPart<T>(db: DbOrTx, part: SummaryPart<T>): Promise<T> {
  return (await readParts(db, { part })).part as T;
}
