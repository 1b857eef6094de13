import { and, asc, desc, eq, gte, inArray, isNotNull, lt, ne, Param, sql } from 'drizzle-orm';
import type { DbOrTx, Tx } from '../../db/client.js';
import { organisations, spendImports, spendPublishers, spendSuppliers, type SpendKind } from '../../db/schema/index.js';
import type { DirectoryOrganisation } from './matcher.js';
import { supplierKey } from './names.js';

export type SpendImport = typeof spendImports.$inferSelect;
export type SpendSupplier = typeof spendSuppliers.$inferSelect;

/** The kind of remembered choice of columns (import_mappings.kind) for a publisher's files of a kind. */
export const mappingKind = (kind: SpendKind, publisherId: string) => `${kind}:${publisherId}`;

/** The publisher of this name (ignoring case and spacing), added when it is new. */
export async function publisherNamed(tx: Tx, name: string): Promise<{ id: string; name: string }> {
  const nameKey = supplierKey(name);
  await tx
    .insert(spendPublishers)
    .values({ name: name.replace(/\s+/g, ' ').trim(), nameKey })
    .onConflictDoNothing({ target: spendPublishers.nameKey });
  const [row] = await tx.select({ id: spendPublishers.id, name: spendPublishers.name }).from(spendPublishers).where(eq(spendPublishers.nameKey, nameKey));
  return row!;
}

export async function listPublishers(db: DbOrTx) {
  return db.select({ id: spendPublishers.id, name: spendPublishers.name }).from(spendPublishers).orderBy(asc(spendPublishers.name));
}

export async function findImport(db: DbOrTx, id: string): Promise<(SpendImport & { publisherName: string }) | null> {
  const [row] = await db
    .select({ spendImport: spendImports, publisherName: spendPublishers.name })
    .from(spendImports)
    .innerJoin(spendPublishers, eq(spendPublishers.id, spendImports.publisherId))
    .where(eq(spendImports.id, id))
    .limit(1);
  return row ? { ...row.spendImport, publisherName: row.publisherName } : null;
}

/** The latest imports, newest first, for the imports page. */
export async function recentImports(db: DbOrTx, limit: number) {
  return db
    .select({
      id: spendImports.id,
      kind: spendImports.kind,
      fileName: spendImports.fileName,
      status: spendImports.status,
      rowsImported: spendImports.rowsImported,
      totalPence: spendImports.totalPence,
      createdAt: spendImports.createdAt,
      publisherName: spendPublishers.name,
    })
    .from(spendImports)
    .innerJoin(spendPublishers, eq(spendPublishers.id, spendImports.publisherId))
    .orderBy(desc(spendImports.createdAt))
    .limit(limit);
}

/** The import of the same file for the same publisher that is already in, if any. */
export async function importedTwin(db: DbOrTx, spendImport: Pick<SpendImport, 'id' | 'publisherId' | 'kind' | 'checksum'>) {
  const [row] = await db
    .select({ id: spendImports.id, importedAt: spendImports.importedAt })
    .from(spendImports)
    .where(
      and(
        eq(spendImports.publisherId, spendImport.publisherId),
        eq(spendImports.kind, spendImport.kind),
        eq(spendImports.checksum, spendImport.checksum),
        eq(spendImports.status, 'imported'),
        ne(spendImports.id, spendImport.id),
      ),
    )
    .limit(1);
  return row ?? null;
}

/** Imports started and not finished whose last batch is older than `before`: cut short. */
export async function unfinishedImports(db: DbOrTx, before: Date) {
  return db
    .select({ id: spendImports.id, fileName: spendImports.fileName })
    .from(spendImports)
    .where(and(eq(spendImports.status, 'importing'), isNotNull(spendImports.importingAt), lt(spendImports.importingAt, before)));
}

/** The kinds of organisation that payments are matched to. */
const MATCHED_KINDS = ['supplier', 'community', 'partner'] as const;

const directoryColumns = {
  id: organisations.id,
  name: organisations.name,
  companiesHouseNumber: organisations.companiesHouseNumber,
  charityNumber: organisations.charityNumber,
};

/** Every directory organisation that payments can be matched to. */
export async function directoryOrganisations(db: DbOrTx): Promise<DirectoryOrganisation[]> {
  return db
    .select(directoryColumns)
    .from(organisations)
    .where(inArray(organisations.kind, [...MATCHED_KINDS]));
}

/**
 * The directory organisations that payments can be matched to with one of these ids, registration numbers, or a name
 * whose lower case is like one of these patterns: the few a set of suppliers can be matched to, found by the database.
 */
export async function directoryOrganisationsLike(
  db: DbOrTx,
  like: { ids: readonly string[]; companyNumbers: readonly string[]; charityNumbers: readonly string[]; namePatterns: readonly string[] },
): Promise<DirectoryOrganisation[]> {
  return db
    .select(directoryColumns)
    .from(organisations)
    .where(
      and(
        inArray(organisations.kind, [...MATCHED_KINDS]),
        sql`(${organisations.id} = any(${new Param([...like.ids])}::uuid[])
          or ${organisations.companiesHouseNumber} = any(${new Param([...like.companyNumbers])}::text[])
          or ${organisations.charityNumber} = any(${new Param([...like.charityNumbers])}::text[])
          or lower(${organisations.name}) like any(${new Param([...like.namePatterns])}::text[]))`,
      ),
    );
}

/** The directory organisations added or changed since a moment of the database's clock. */
export async function organisationsChangedSince(db: DbOrTx, since: string): Promise<string[]> {
  const rows = await db
    .select({ id: organisations.id })
    .from(organisations)
    .where(and(inArray(organisations.kind, [...MATCHED_KINDS]), gte(organisations.updatedAt, sql`${since}::timestamptz`)));
  return rows.map((r) => r.id);
}

/** A publisher's suppliers by name key. */
export async function publisherSuppliers(db: DbOrTx, publisherId: string): Promise<Map<string, string>> {
  const rows = await db
    .select({ id: spendSuppliers.id, nameKey: spendSuppliers.nameKey })
    .from(spendSuppliers)
    .where(eq(spendSuppliers.publisherId, publisherId));
  return new Map(rows.map((r) => [r.nameKey, r.id]));
}

export async function setProblem(tx: Tx, id: string, problem: string): Promise<void> {
  await tx.update(spendImports).set({ status: 'failed', problem, importingAt: null }).where(eq(spendImports.id, id));
}

/** The rows of a raw query's result, which both drivers give as `rows`. */
export function rowsOf<T>(result: unknown): T[] {
  return (result as { rows: T[] }).rows;
}
