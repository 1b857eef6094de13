import type { Upload } from './repository.js';
import { importFields } from './fields.js';
import { mappingFrom, type ColumnMapping } from './mapping.js';
import type { MappingValues } from './mapping-form.js';
import type { ImportPlan } from './plan-import.js';
import { problemText } from './read-rows.js';

/** Where the columns shown on the columns page came from. */
export type MappingSource = 'chosen' | 'remembered' | 'guessed';

/** Only so many problems go in the error summary; the table lists them all. */
const SUMMARY_LIMIT = 10;
/** The check page shows the first contracts of a good file as a sample. */
const SAMPLE_SIZE = 20;
/** Example values for the columns come from the first rows that have them. */
const EXAMPLE_ROWS = 100;

/** The first value in each column, to help tell the columns apart. */
function columnExamples(upload: Upload): { name: string; example: string }[] {
  const rows = upload.rows.slice(0, EXAMPLE_ROWS);
  return upload.columns.map((name, i) => ({ name, example: rows.map((r) => r.cells[i] ?? '').find((cell) => cell !== '') ?? '' }));
}

export function columnsPage(upload: Upload, values: MappingValues, source: MappingSource) {
  return {
    pageTitle: 'Choose the columns to import',
    backLink: { href: '/contracts/import' },
    upload,
    source,
    values,
    fields: importFields.map((f) => ({
      key: f.key,
      label: f.required ? f.label : `${f.label} (optional)`,
      hint: f.hint,
      items: [
        { value: '', text: f.required ? 'Choose a column' : 'Not in the file', selected: values.columns[f.key] === '' },
        ...upload.columns.map((column) => ({ value: column, text: column, selected: values.columns[f.key] === column })),
      ],
    })),
    columns: columnExamples(upload),
  };
}

/** The columns used, as summary list rows, each with a link to change it. */
function mappingSummary(uploadId: string, mapping: ColumnMapping) {
  const change = (anchor: string, what: string) => ({
    items: [{ href: `/contracts/import/${uploadId}/columns#${anchor}`, text: 'Change', visuallyHiddenText: what }],
  });
  return [
    ...importFields.map((f) => ({
      key: { text: f.label },
      value: { text: mapping.columns[f.key] ?? 'Not in the file' },
      actions: change(f.key, `the column for the ${f.noun}`),
    })),
    {
      key: { text: 'Values include VAT' },
      value: { text: mapping.valueIncludesVat ? 'Yes' : 'No' },
      actions: change('valueIncludesVat', 'whether the values include VAT'),
    },
  ];
}

export function checkPage(upload: Upload, plan: ImportPlan) {
  const mapping = mappingFrom(upload.mapping ?? {}, upload.columns);
  const seenRows = new Set<number>();
  const problems = plan.problems.map((p) => {
    const anchor = seenRows.has(p.row) ? null : `row-${p.row}`;
    seenRows.add(p.row);
    return { ...p, anchor };
  });
  const errorList = plan.problems.slice(0, SUMMARY_LIMIT).map((p) => ({ text: problemText(p), href: `#row-${p.row}` }));
  const more = plan.problems.length - SUMMARY_LIMIT;
  if (more > 0)
    errorList.push({ text: `${more.toLocaleString('en-GB')} more ${more === 1 ? 'problem is' : 'problems are'} listed in the table below`, href: '#problems' });
  return {
    pageTitle: plan.problems.length ? 'Correct the file before you import it' : 'Check the contracts before you import them',
    backLink: { href: `/contracts/import/${upload.id}/columns` },
    upload,
    plan,
    errorList,
    problems,
    problemRowCount: seenRows.size,
    mappingSummary: mappingSummary(upload.id, mapping),
    sample: plan.contracts.slice(0, SAMPLE_SIZE).map((c) => ({
      ...c,
      supplierName: c.supplier.name,
      newSupplier: 'newKey' in c.supplierChoice,
    })),
    newSuppliers: [...plan.newSuppliers].sort((a, b) => a.name.localeCompare(b.name, 'en-GB')),
  };
}
