import { and, asc, eq, gte, lte, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { spendFigures, spendPublishers, type SpendKind } from '../../db/schema/index.js';

/** Which figures: every part optional. Months are the first day of the month ('2022-06-01'), both ends included. */
export interface SpendFilter {
  kind: SpendKind | null;
  publisherId: string | null;
  directorate: string | null;
  from: string | null;
  to: string | null;
}

export const noSpendFilter: SpendFilter = { kind: null, publisherId: null, directorate: null, from: null, to: null };

/** Money paid, in pence, and how much of it went to local, SME and VCSE organisations, and how much is matched. */
export interface SpendTotals {
  pence: number;
  payments: number;
  localPence: number;
  smePence: number;
  vcsePence: number;
  matchedPence: number;
  reviewPence: number;
  redactedPence: number;
}

const money = (condition?: SQL) =>
  (condition ? sql<number>`coalesce(sum(${spendFigures.pence}) filter (where ${condition}), 0)` : sql<number>`coalesce(sum(${spendFigures.pence}), 0)`).mapWith(
    Number,
  );

const totalsColumns = {
  pence: money(),
  payments: sql<number>`coalesce(sum(${spendFigures.payments}), 0)`.mapWith(Number),
  localPence: money(sql`${spendFigures.local}`),
  smePence: money(sql`${spendFigures.size} in ('micro', 'small', 'medium')`),
  vcsePence: money(sql`${spendFigures.vcse}`),
  matchedPence: money(sql`${spendFigures.match} = 'matched'`),
  reviewPence: money(sql`${spendFigures.match} = 'review'`),
  redactedPence: money(sql`${spendFigures.match} = 'redacted'`),
};

function where(filter: SpendFilter): SQL | undefined {
  return and(
    filter.kind ? eq(spendFigures.kind, filter.kind) : undefined,
    filter.publisherId ? eq(spendFigures.publisherId, filter.publisherId) : undefined,
    filter.directorate !== null ? eq(spendFigures.directorate, filter.directorate) : undefined,
    filter.from ? gte(spendFigures.month, filter.from) : undefined,
    filter.to ? lte(spendFigures.month, filter.to) : undefined,
  );
}

/** The totals of the figures the filter selects: one aggregate over the summary table, never over payments. */
export async function spendTotals(db: DbOrTx, filter: SpendFilter): Promise<SpendTotals> {
  const [row] = await db.select(totalsColumns).from(spendFigures).where(where(filter));
  return row!;
}

export const breakdowns = ['month', 'directorate', 'district'] as const;
export type Breakdown = (typeof breakdowns)[number];

const breakdownColumn = {
  month: sql<string>`${spendFigures.month}::text`,
  directorate: sql<string>`${spendFigures.directorate}`,
  district: sql<string>`${spendFigures.district}`,
};

/** The totals by month, directorate or the suppliers' district ('' for none: unmatched, or not local). */
export async function spendBy(db: DbOrTx, filter: SpendFilter, by: Breakdown): Promise<(SpendTotals & { key: string })[]> {
  const key = breakdownColumn[by];
  return db
    .select({ key, ...totalsColumns })
    .from(spendFigures)
    .where(where(filter))
    .groupBy(key)
    .orderBy(by === 'month' ? asc(key) : sql`2 desc`);
}

/** What the filters can choose from: the publishers, months and directorates there are figures for. */
export async function spendChoices(db: DbOrTx) {
  const [publishers, months, directorates] = await Promise.all([
    db
      .selectDistinct({ id: spendPublishers.id, name: spendPublishers.name })
      .from(spendPublishers)
      .innerJoin(spendFigures, eq(spendFigures.publisherId, spendPublishers.id))
      .orderBy(asc(spendPublishers.name)),
    db
      .selectDistinct({ month: sql<string>`${spendFigures.month}::text` })
      .from(spendFigures)
      .orderBy(asc(sql`1`)),
    db.selectDistinct({ directorate: spendFigures.directorate }).from(spendFigures).orderBy(asc(spendFigures.directorate)),
  ]);
  return { publishers, months: months.map((m) => m.month), directorates: directorates.map((d) => d.directorate) };
}
