import { field } from '../../platform/forms.js';
import { importFields, type FieldKey } from './fields.js';
import type { ColumnMapping } from './mapping.js';

/** The columns step as sent: a column name (or "") per field, and "yes" or "no" for VAT. */
export interface MappingValues {
  columns: Record<FieldKey, string>;
  valueIncludesVat: string;
}

export type MappingForm = { ok: true; mapping: ColumnMapping } | { ok: false; problems: [string, string][] };

export function mappingValues(body: unknown): MappingValues {
  const columns = Object.fromEntries(importFields.map((f) => [f.key, field(body, f.key)])) as Record<FieldKey, string>;
  return { columns, valueIncludesVat: field(body, 'valueIncludesVat') };
}

export function valuesOf(mapping: ColumnMapping): MappingValues {
  const columns = Object.fromEntries(importFields.map((f) => [f.key, mapping.columns[f.key] ?? ''])) as Record<FieldKey, string>;
  return { columns, valueIncludesVat: mapping.valueIncludesVat ? 'yes' : 'no' };
}

/** A field of a columns step: its key, whether it must have a column, and how it reads in a sentence. */
export interface ChoosableField<K extends string = string> {
  key: K;
  required: boolean;
  noun: string;
}

/** The columns chosen for some fields: every required field has one of the file's columns, and no column is chosen twice. */
export function readColumnChoices<K extends string>(
  fields: readonly ChoosableField<K>[],
  values: Record<K, string>,
  fileColumns: readonly string[],
): { chosen: Partial<Record<K, string>>; problems: [string, string][] } {
  const problems: [string, string][] = [];
  const chosen: Partial<Record<K, string>> = {};
  const takenBy = new Map<string, string>();
  for (const f of fields) {
    const column = values[f.key];
    if (column === '' || column === undefined) {
      if (f.required) problems.push([f.key, `Choose the column that holds the ${f.noun}`]);
    } else if (!fileColumns.includes(column)) {
      problems.push([f.key, `Choose one of the file’s columns for the ${f.noun}`]);
    } else if (takenBy.has(column)) {
      problems.push([f.key, `Choose a different column for the ${f.noun}: ${column} is already chosen for the ${takenBy.get(column)}`]);
    } else {
      takenBy.set(column, f.noun);
      chosen[f.key] = column;
    }
  }
  return { chosen, problems };
}

/** Every required field has one of the file's columns, no column is chosen twice, and VAT is answered. */
export function readMappingForm(values: MappingValues, fileColumns: readonly string[]): MappingForm {
  const { chosen, problems } = readColumnChoices(importFields, values.columns, fileColumns);
  if (values.valueIncludesVat !== 'yes' && values.valueIncludesVat !== 'no') problems.push(['valueIncludesVat', 'Select whether the values include VAT']);
  if (problems.length) return { ok: false, problems };
  return { ok: true, mapping: { columns: chosen, valueIncludesVat: values.valueIncludesVat === 'yes' } };
}
