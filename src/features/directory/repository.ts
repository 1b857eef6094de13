import { and, arrayContains, asc, count, eq, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { organisations, tenders } from '../../db/schema/index.js';
import type { Page } from '../../domain/pagination.js';
import type { DirectoryFilter } from './filters.js';

/**
 * Who is in the directory: the organisations that can bid, deliver or partner (not the council itself), once approved
 * (a community organisation that registered itself waits for an officer, see community-needs).
 */
const inDirectory = and(inArray(organisations.kind, ['supplier', 'community', 'partner']), eq(organisations.approvalStatus, 'approved'))!;

function conditions(filter: DirectoryFilter): SQL | undefined {
  const parts: (SQL | undefined)[] = [inDirectory];
  if (filter.q) {
    const compact = filter.q.toUpperCase().replace(/\s+/g, '');
    const escaped = filter.q.replace(/[\\%_]/g, (c) => `\\${c}`);
    parts.push(
      or(ilike(organisations.name, `%${escaped}%`), eq(organisations.companiesHouseNumber, compact.padStart(8, '0')), eq(organisations.charityNumber, compact)),
    );
  }
  if (filter.sizes.length) parts.push(inArray(organisations.size, filter.sizes));
  for (const flag of filter.flags) {
    if (flag === 'sme') parts.push(inArray(organisations.size, ['micro', 'small', 'medium']));
    if (flag === 'vcse') parts.push(eq(organisations.isVcse, true));
    if (flag === 'social_enterprise') parts.push(eq(organisations.isSocialEnterprise, true));
    if (flag === 'local') parts.push(eq(organisations.isLocal, true));
    if (flag === 'open_to_partnering') parts.push(eq(organisations.openToPartnering, true));
  }
  if (filter.category) parts.push(arrayContains(organisations.categories, [filter.category]));
  if (filter.district) parts.push(eq(organisations.district, filter.district));
  return and(...parts);
}

/** One page of the directory in name order, and how many organisations the search finds. */
export async function searchDirectory(db: DbOrTx, filter: DirectoryFilter, page: Page) {
  const where = conditions(filter);
  const [rows, [total]] = await Promise.all([
    db
      .select({
        id: organisations.id,
        name: organisations.name,
        kind: organisations.kind,
        size: organisations.size,
        isVcse: organisations.isVcse,
        isSocialEnterprise: organisations.isSocialEnterprise,
        isLocal: organisations.isLocal,
        district: organisations.district,
        openToPartnering: organisations.openToPartnering,
        categories: organisations.categories,
      })
      .from(organisations)
      .where(where)
      .orderBy(asc(sql`lower(${organisations.name})`), asc(organisations.id))
      .limit(page.size)
      .offset(page.offset),
    db.select({ n: count() }).from(organisations).where(where),
  ]);
  return { rows, total: total?.n ?? 0 };
}

/** An organisation of the directory, or null for one that is not in it (the council). */
export async function directoryEntry(db: DbOrTx, id: string) {
  const [row] = await db
    .select()
    .from(organisations)
    .where(and(eq(organisations.id, id), inDirectory))
    .limit(1);
  return row ?? null;
}

/** The districts organisations in the directory are in, for the filter. */
export async function directoryDistricts(db: DbOrTx): Promise<string[]> {
  const rows = await db
    .selectDistinct({ district: organisations.district })
    .from(organisations)
    .where(and(inDirectory, sql`${organisations.district} is not null`))
    .orderBy(asc(organisations.district));
  return rows.map((r) => r.district!);
}

/** Draft tenders (the ones suppliers can still be invited to), and whether this organisation is invited to each. */
export async function draftTendersFor(db: DbOrTx, organisationId: string) {
  return db
    .select({
      id: tenders.id,
      number: tenders.number,
      title: tenders.title,
      invited: sql<boolean>`exists (select 1 from tender_suppliers ts where ts.tender_id = "tenders"."id" and ts.organisation_id = ${organisationId})`,
    })
    .from(tenders)
    .where(eq(tenders.status, 'draft'))
    .orderBy(asc(tenders.number));
}
