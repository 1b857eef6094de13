import { importFields, type FieldKey } from './fields.js';

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

/** A first choice of columns from their names ("Total Contract Value (including extensions)" is the value), each column used once. */
export function guessMapping(columns: readonly string[]): ColumnMapping {
  const byName = new Map<string, string>();
  for (const column of columns) if (!byName.has(comparable(column))) byName.set(comparable(column), column);
  const used = new Set<string>();
  const chosen: Partial<Record<FieldKey, string>> = {};
  for (const field of importFields) {
    const column = field.usualHeaders.map((name) => byName.get(name)).find((c) => c !== undefined && !used.has(c));
    if (column) {
      chosen[field.key] = column;
      used.add(column);
    }
  }
  return { columns: chosen, valueIncludesVat: false };
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
  // Column names are unique ignoring case (see columnNames).
  const byName = new Map(columns.map((column) => [column.toLowerCase(), column]));
  const chosen: Partial<Record<FieldKey, string>> = {};
  for (const field of importFields) {
    const column = byName.get((record[field.key] ?? '').toLowerCase());
    if (column !== undefined) chosen[field.key] = column;
  }
  return { columns: chosen, valueIncludesVat: record[VAT_KEY] === 'yes' };
}
