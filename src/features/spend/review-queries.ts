import { and, asc, count, desc, eq, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../../db/client.js';
import { organisations, spendPublishers, spendSupplierMonths, spendSuppliers, type SpendMatchStatus } from '../../db/schema/index.js';
import type { Page } from '../../domain/pagination.js';

const candidates = alias(organisations, 'candidate');
const matched = alias(organisations, 'matched');

/** Suppliers of one match status, those with the most money first, with what a person needs to decide. */
export async function suppliersToReview(db: DbOrTx, status: Exclude<SpendMatchStatus, 'redacted'>, page: Page) {
  const spent = db
    .select({ supplierId: spendSupplierMonths.supplierId, pence: sql<number>`sum(${spendSupplierMonths.pence})`.as('pence') })
    .from(spendSupplierMonths)
    .groupBy(spendSupplierMonths.supplierId)
    .as('spent');
  const where = eq(spendSuppliers.status, status);
  const [rows, [total]] = await Promise.all([
    db
      .select({
        id: spendSuppliers.id,
        name: spendSuppliers.name,
        companyNumber: spendSuppliers.companyNumber,
        charityNumber: spendSuppliers.charityNumber,
        matchedBy: spendSuppliers.matchedBy,
        decidedAt: spendSuppliers.decidedAt,
        candidateScore: spendSuppliers.candidateScore,
        candidateId: spendSuppliers.candidateId,
        candidateName: candidates.name,
        organisationName: matched.name,
        publisherName: spendPublishers.name,
        pence: sql<number>`coalesce(${spent.pence}, 0)`.mapWith(Number),
      })
      .from(spendSuppliers)
      .innerJoin(spendPublishers, eq(spendPublishers.id, spendSuppliers.publisherId))
      .leftJoin(candidates, eq(candidates.id, spendSuppliers.candidateId))
      .leftJoin(matched, eq(matched.id, spendSuppliers.organisationId))
      .leftJoin(spent, eq(spent.supplierId, spendSuppliers.id))
      .where(where)
      .orderBy(desc(sql`coalesce(${spent.pence}, 0)`), asc(spendSuppliers.name), asc(spendSuppliers.id))
      .limit(page.size)
      .offset(page.offset),
    db.select({ n: count() }).from(spendSuppliers).where(where),
  ]);
  return { rows, total: total?.n ?? 0 };
}

/** How many suppliers have each status, for the review page's tabs. */
export async function reviewCounts(db: DbOrTx): Promise<Record<SpendMatchStatus, number>> {
  const rows = await db.select({ status: spendSuppliers.status, n: count() }).from(spendSuppliers).groupBy(spendSuppliers.status);
  const counts = { matched: 0, review: 0, unmatched: 0, redacted: 0 };
  for (const r of rows) counts[r.status] = r.n;
  return counts;
}

export async function findSpendSupplier(db: DbOrTx, id: string) {
  const [row] = await db
    .select()
    .from(spendSuppliers)
    .where(and(eq(spendSuppliers.id, id)))
    .limit(1);
  return row ?? null;
}
