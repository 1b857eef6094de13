import { and, asc, count, desc, eq, inArray, isNotNull, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { cachedRead } from '../../db/read-cache.js';
import { caseStudies, contracts, organisations } from '../../db/schema/index.js';
import type { Page } from '../../domain/pagination.js';

/** Only case studies that are published, of contracts that are published too, are ever public. */
const isPublic = and(eq(caseStudies.status, 'published'), isNotNull(contracts.publishedAt))!;

/** The year a case study was published, in the council's time. */
const publishedYear = sql<number>`extract(year from (${caseStudies.publishedAt} at time zone 'Europe/London'))::int`;

export interface LibraryFilters {
  /** words to look for, as people type them into a search box ("volunteering", "trees -oak", "\"care leavers\"") */
  q: string;
  outcome: string;
  district: string;
  year: number | null;
}

/** What the public may know of a case study: nothing about who wrote, reviewed or published it. */
const publicColumns = {
  id: caseStudies.id,
  title: caseStudies.title,
  summary: caseStudies.summary,
  outcomeCodes: caseStudies.outcomeCodes,
  districts: caseStudies.districts,
  publishedAt: caseStudies.publishedAt,
  contractId: contracts.id,
  contractReference: contracts.reference,
  contractTitle: contracts.title,
  supplierName: organisations.name,
};

/**
 * A page of the public library: PostgreSQL full-text search over the stored, GIN-indexed search_vector (English
 * stemming, so "volunteering" finds "volunteers"), best matches first by ts_rank, then the newest; with no words,
 * newest first. Filters by strategic outcome, district and year of publication. Ranking costs time in proportion to
 * the case studies that match, so a page is kept until the next write (see read-cache.ts).
 */
export function searchLibrary(db: DbOrTx, filters: LibraryFilters, page: Page) {
  const key = `case-studies:search:${JSON.stringify([filters.q, filters.outcome, filters.district, filters.year, page.size, page.offset])}`;
  return cachedRead(db, key, () => readLibraryPage(db, filters, page));
}

async function readLibraryPage(db: DbOrTx, filters: LibraryFilters, page: Page) {
  const query = filters.q ? sql`websearch_to_tsquery('english', ${filters.q})` : null;
  const conditions: (SQL | undefined)[] = [
    isPublic,
    query ? sql`${caseStudies.searchVector} @@ ${query}` : undefined,
    filters.outcome ? sql`${caseStudies.outcomeCodes} @> array[${filters.outcome}]::text[]` : undefined,
    filters.district ? sql`${caseStudies.districts} @> array[${filters.district}]::text[]` : undefined,
    filters.year !== null ? sql`${publishedYear} = ${filters.year}` : undefined,
  ];
  const where = and(...conditions);
  const order = query
    ? [desc(sql`ts_rank(${caseStudies.searchVector}, ${query})`), desc(caseStudies.publishedAt), asc(caseStudies.id)]
    : [desc(caseStudies.publishedAt), asc(caseStudies.id)];
  // The page and the number of matches in one pass over the matches (a common word matches a large share of the
  // library, and finding the matches is most of the cost).
  const found = await db
    .select({
      ...publicColumns,
      rank: query ? sql<number>`ts_rank(${caseStudies.searchVector}, ${query})`.mapWith(Number) : sql<number>`0`.mapWith(Number),
      matches: sql<number>`count(*) over ()`.mapWith(Number),
    })
    .from(caseStudies)
    .innerJoin(contracts, eq(contracts.id, caseStudies.contractId))
    .innerJoin(organisations, eq(organisations.id, contracts.supplierId))
    .where(where)
    .orderBy(...order)
    .limit(page.size)
    .offset(page.offset);
  const rows = found.map(({ matches: _matches, ...row }) => row);
  if (found.length > 0 || page.offset === 0) return { rows, total: found[0]?.matches ?? 0 };
  // A page past the last: count the matches on their own, for the pagination back.
  const [total] = await db.select({ n: count() }).from(caseStudies).innerJoin(contracts, eq(contracts.id, caseStudies.contractId)).where(where);
  return { rows, total: total?.n ?? 0 };
}

/** The years in which public case studies were published, newest first, for the year filter. */
export async function libraryYears(db: DbOrTx): Promise<number[]> {
  const rows = await db
    .selectDistinct({ year: publishedYear })
    .from(caseStudies)
    .innerJoin(contracts, eq(contracts.id, caseStudies.contractId))
    .where(isPublic)
    .orderBy(desc(publishedYear));
  return rows.map((r) => Number(r.year));
}

/** A public case study with its story, or null when there is none with this id or it is not public. */
export async function publicCaseStudy(db: DbOrTx, id: string) {
  const [row] = await db
    .select({ ...publicColumns, story: caseStudies.story })
    .from(caseStudies)
    .innerJoin(contracts, eq(contracts.id, caseStudies.contractId))
    .innerJoin(organisations, eq(organisations.id, contracts.supplierId))
    .where(and(eq(caseStudies.id, id), isPublic));
  return row ?? null;
}

export type PublicCaseStudy = NonNullable<Awaited<ReturnType<typeof publicCaseStudy>>>;

/** The contracts that have a public case study, as a subquery of their ids (for a filter inside another query). */
export function contractsWithPublicCaseStudies(db: DbOrTx) {
  return db.selectDistinct({ id: caseStudies.contractId }).from(caseStudies).innerJoin(contracts, eq(contracts.id, caseStudies.contractId)).where(isPublic);
}

/** Of each contract named, its most recently published public case study (a contract without one is left out). */
export async function latestPublicCaseStudies(db: DbOrTx, contractIds: string[]) {
  if (contractIds.length === 0) return new Map<string, never>();
  const rows = await db
    .selectDistinctOn([caseStudies.contractId], publicColumns)
    .from(caseStudies)
    .innerJoin(contracts, eq(contracts.id, caseStudies.contractId))
    .innerJoin(organisations, eq(organisations.id, contracts.supplierId))
    .where(and(isPublic, inArray(caseStudies.contractId, contractIds)))
    .orderBy(caseStudies.contractId, desc(caseStudies.publishedAt), asc(caseStudies.id));
  return new Map(rows.map((row) => [row.contractId, row]));
}
