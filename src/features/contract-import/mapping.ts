import { distance } from 'fastest-levenshtein';
import { importFields, type FieldKey } from './fields.js';

/** A field an import reads from a file's columns, and the header names that usually hold it, best first. */
export interface ColumnField<K extends string = string> {
  key: K;
  usualHeaders: readonly string[];
}

/** Which of the file's columns holds each field the import needs, and whether the values include VAT. */
export interface ColumnMapping {
  columns: Partial<Record<FieldKey, string>>;
  valueIncludesVat: boolean;
}

/** The kind of remembered mapping in import_mappings. */
export const MAPPING_KIND = 'contracts-register';

const VAT_KEY = 'valueIncludesVat';

/** A header name as compared with the usual names: lower case, letters and digits only, single spaces. */
export function comparable(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** How alike two header names are, from 0 to 1: one minus their edit distance over the longer one's length. */
export function similarity(a: string, b: string): number {
  const longest = Math.max(a.length, b.length);
  return longest === 0 ? 1 : 1 - distance(a, b) / longest;
}

/** A header misspelt by a letter or two ("Ammount", "Suplier Name") is still taken as its usual name. */
const MISSPELT_MIN = 0.8;

/**
 * A first choice of columns from their names, each column used once: the usual names first ("Total Contract Value
 * (including extensions)" is a contract's value), then, for fields still without a column, a header that is a usual
 * name misspelt.
 */
export function guessColumns<K extends string>(fields: readonly ColumnField<K>[], columns: readonly string[]): Partial<Record<K, string>> {
  const byName = new Map<string, string>();
  for (const column of columns) if (!byName.has(comparable(column))) byName.set(comparable(column), column);
  const used = new Set<string>();
  const chosen: Partial<Record<K, string>> = {};
  const choose = (key: K, column: string | undefined) => {
    if (column === undefined) return;
    chosen[key] = column;
    used.add(column);
  };
  for (const field of fields)
    choose(
      field.key,
      field.usualHeaders.map((name) => byName.get(name)).find((c) => c !== undefined && !used.has(c)),
    );
  for (const field of fields) {
    if (chosen[field.key] !== undefined) continue;
    let best: { column: string; score: number } | undefined;
    for (const [name, column] of byName) {
      if (used.has(column)) continue;
      const score = Math.max(...field.usualHeaders.map((usual) => similarity(name, usual)));
      if (score >= MISSPELT_MIN && (!best || score > best.score)) best = { column, score };
    }
    choose(field.key, best?.column);
  }
  return chosen;
}

/** A first choice of columns for a contracts register. */
export function guessMapping(columns: readonly string[]): ColumnMapping {
  return { columns: guessColumns(importFields, columns), valueIncludesVat: false };
}

/**
 * A stored choice of columns applied to a file's columns: a column is found whatever its case and spacing in this
 * file, and columns the file does not have are left out.
 */
export function columnsFrom<K extends string>(
  fields: readonly ColumnField<K>[],
  record: Record<string, string>,
  columns: readonly string[],
): Partial<Record<K, string>> {
  // Column names are unique ignoring case (see columnNames).
  const byName = new Map(columns.map((column) => [column.toLowerCase(), column]));
  const chosen: Partial<Record<K, string>> = {};
  for (const field of fields) {
    const column = byName.get((record[field.key] ?? '').toLowerCase());
    if (column !== undefined) chosen[field.key] = column;
  }
  return chosen;
}

/** The mapping as stored (import_mappings.mapping and contract_imports.mapping). */
export function mappingRecord(mapping: ColumnMapping): Record<string, string> {
  return { ...mapping.columns, [VAT_KEY]: mapping.valueIncludesVat ? 'yes' : 'no' } as Record<string, string>;
}

/**
 * A stored mapping applied to a file's columns: a column is found whatever its case and spacing in this file (the
 * header row matched the remembered one in that way), and columns the file does not have are left out.
 */
export function mappingFrom(record: Record<string, string>, columns: readonly string[]): ColumnMapping {
  return { columns: columnsFrom(importFields, record, columns), valueIncludesVat: record[VAT_KEY] === 'yes' };
}
