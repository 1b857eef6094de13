import { and, asc, desc, eq, getTableColumns, getTableName, inArray, isNotNull, isNull, lt, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { DbOrTx, Tx } from '../../db/client.js';
import { contractImports, contracts, importMappings, organisations } from '../../db/schema/index.js';
import { MAPPING_KIND } from './mapping.js';
import type { ExistingSupplier } from './match-suppliers.js';

export type Upload = typeof contractImports.$inferSelect;
export type NewUpload = typeof contractImports.$inferInsert;

/** Lists longer than this are queried a part at a time, to stay well inside the database's limit on parameters. */
const PARAMETERS_PER_QUERY = 5000;

/** The items in groups of at most `size`, in order. */
export function inGroups<T>(items: readonly T[], size: number): T[][] {
  const groups: T[][] = [];
  for (let i = 0; i < items.length; i += size) groups.push(items.slice(i, i + size));
  return groups;
}

/** Rows per INSERT statement when importing: a 360-row register is one statement, a 10,000-row one ten. */
export const ROWS_PER_INSERT = 1000;

/**
 * Inserts many rows a group at a time, each group as one statement with the rows sent as a single JSON parameter
 * and read back into the table's own row type (jsonb_populate_recordset): several times faster than a parameter per
 * value. Columns left out of the rows take their defaults. Not for array or JSON columns.
 */
export async function insertMany<T extends PgTable>(tx: Tx, table: T, rows: T['$inferInsert'][]): Promise<void> {
  if (rows.length === 0) return;
  const columns = getTableColumns(table) as Record<string, { name: string }>;
  const keys = Object.keys(rows[0]!);
  const names = sql.join(
    keys.map((key) => sql.identifier(columns[key]!.name)),
    sql`, `,
  );
  const tableName = sql.identifier(getTableName(table));
  for (const group of inGroups(rows, ROWS_PER_INSERT)) {
    const records = group.map((row) => Object.fromEntries(keys.map((key) => [columns[key]!.name, (row as Record<string, unknown>)[key] ?? null])));
    await tx.execute(
      sql`insert into ${tableName} (${names}) select ${names} from jsonb_populate_recordset(null::${tableName}, ${JSON.stringify(records)}::jsonb)`,
    );
  }
}

export async function insertUpload(tx: Tx, upload: NewUpload): Promise<string> {
  const [row] = await tx.insert(contractImports).values(upload).returning({ id: contractImports.id });
  return row!.id;
}

/**
 * Uploads are kept for a week: long enough to finish an import, short enough not to keep copies of registers. One
 * whose import is under way (or was cut short, and is still to be undone) is kept until that is settled.
 */
export async function deleteUploadsBefore(tx: Tx, before: Date): Promise<void> {
  await tx.delete(contractImports).where(and(lt(contractImports.createdAt, before), isNull(contractImports.importingAt)));
}

/** An upload, only for the person who uploaded it. */
export async function findUpload(db: DbOrTx, id: string, userId: string): Promise<Upload | null> {
  const [row] = await db
    .select()
    .from(contractImports)
    .where(and(eq(contractImports.id, id), eq(contractImports.uploadedBy, userId)))
    .limit(1);
  return row ?? null;
}

/** The same, locked until the end of the transaction, so that an upload is imported once however often the button is pressed. */
export async function lockUpload(tx: Tx, id: string, userId: string): Promise<Upload | null> {
  const [row] = await tx
    .select()
    .from(contractImports)
    .where(and(eq(contractImports.id, id), eq(contractImports.uploadedBy, userId)))
    .limit(1)
    .for('update');
  return row ?? null;
}

export async function setUploadMapping(tx: Tx, id: string, mapping: Record<string, string>): Promise<void> {
  await tx.update(contractImports).set({ mapping }).where(eq(contractImports.id, id));
}

/** Records that an import has started writing, with the contracts and suppliers it will make. */
export async function markImporting(tx: Tx, id: string, contractIds: string[], supplierIds: string[]): Promise<void> {
  await tx
    .update(contractImports)
    .set({ importingAt: sql`now()`, contractIds, supplierIds })
    .where(eq(contractImports.id, id));
}

/** Renews a running import's lease: it is still writing. */
export async function renewImporting(tx: Tx, id: string): Promise<void> {
  await tx
    .update(contractImports)
    .set({ importingAt: sql`now()` })
    .where(eq(contractImports.id, id));
}

/** Marks an upload imported, with the contracts it made, and lets go of its copy of the file. */
export async function markImported(tx: Tx, id: string): Promise<void> {
  await tx
    .update(contractImports)
    .set({ importedAt: sql`now()`, importingAt: null, supplierIds: null, rows: [] })
    .where(eq(contractImports.id, id));
}

/** Forgets an import that was undone: the upload can be imported again. */
export async function clearImporting(tx: Tx, id: string): Promise<void> {
  await tx.update(contractImports).set({ importingAt: null, contractIds: null, supplierIds: null }).where(eq(contractImports.id, id));
}

/** Uploads whose import started and did not finish, with its last batch written before `before`. */
export async function unfinishedImports(db: DbOrTx, before: Date) {
  return db
    .select({ id: contractImports.id, fileName: contractImports.fileName })
    .from(contractImports)
    .where(and(isNull(contractImports.importedAt), isNotNull(contractImports.importingAt), lt(contractImports.importingAt, before)));
}

/**
 * The columns last chosen for files of this kind with this header row, or null. With `anyLayout`, the columns last
 * chosen for any file of the kind when none had this header row (a publisher whose layout changed a little).
 */
export async function rememberedMapping(
  db: DbOrTx,
  headerSignature: string,
  kind: string = MAPPING_KIND,
  { anyLayout = false } = {},
): Promise<Record<string, string> | null> {
  const [row] = await db
    .select({ mapping: importMappings.mapping })
    .from(importMappings)
    .where(and(eq(importMappings.kind, kind), anyLayout ? undefined : eq(importMappings.headerSignature, headerSignature)))
    .orderBy(sql`${importMappings.headerSignature} = ${headerSignature} desc`, desc(importMappings.updatedAt))
    .limit(1);
  return row?.mapping ?? null;
}

export async function rememberMapping(tx: Tx, headerSignature: string, mapping: Record<string, string>, kind: string = MAPPING_KIND): Promise<void> {
  await tx
    .insert(importMappings)
    .values({ kind, headerSignature, mapping })
    .onConflictDoUpdate({ target: [importMappings.kind, importMappings.headerSignature], set: { mapping, updatedAt: sql`now()` } });
}

/** Which of these references contracts in the service already have. */
export async function existingReferences(db: DbOrTx, references: readonly string[]): Promise<Set<string>> {
  const found = new Set<string>();
  for (const group of inGroups(references, PARAMETERS_PER_QUERY)) {
    const rows = await db.select({ reference: contracts.reference }).from(contracts).where(inArray(contracts.reference, group));
    for (const row of rows) found.add(row.reference);
  }
  return found;
}

/** Supplier organisations with one of these Companies House numbers or names (names in lower case), oldest first. */
export async function supplierCandidates(db: DbOrTx, numbers: readonly string[], lowerNames: readonly string[]): Promise<ExistingSupplier[]> {
  const conditions = [
    ...inGroups(numbers, PARAMETERS_PER_QUERY).map((group) => inArray(organisations.companiesHouseNumber, group)),
    ...inGroups(lowerNames, PARAMETERS_PER_QUERY).map((group) => inArray(sql`lower(btrim(${organisations.name}))`, group)),
  ];
  const found = new Map<string, ExistingSupplier & { createdAt: Date }>();
  for (const condition of conditions) {
    const rows = await db
      .select({ id: organisations.id, name: organisations.name, companiesHouseNumber: organisations.companiesHouseNumber, createdAt: organisations.createdAt })
      .from(organisations)
      .where(and(eq(organisations.kind, 'supplier'), condition));
    for (const row of rows) found.set(row.id, row);
  }
  return [...found.values()]
    .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.id.localeCompare(b.id))
    .map(({ id, name, companiesHouseNumber }) => ({ id, name, companiesHouseNumber }));
}

/** Some of the contracts an import made, in the order they were numbered, with their suppliers' names. */
export async function importedContracts(db: DbOrTx, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return db
    .select({
      id: contracts.id,
      reference: contracts.reference,
      title: contracts.title,
      supplierName: organisations.name,
      valuePence: contracts.valuePence,
      startDate: contracts.startDate,
      endDate: contracts.endDate,
    })
    .from(contracts)
    .innerJoin(organisations, eq(organisations.id, contracts.supplierId))
    .where(inArray(contracts.id, [...ids]))
    .orderBy(asc(contracts.number));
}
