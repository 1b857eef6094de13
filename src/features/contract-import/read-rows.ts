import type { RegisterRow } from '../../db/schema/index.js';
import { formatDate } from '../../domain/dates.js';
import { parsePostcode, type Postcode } from '../../domain/postcodes.js';
import { NAME_MAX } from '../../domain/limits.js';
import { normaliseCompanyNumber } from '../../domain/organisation-numbers.js';
import { fieldLabels, importFields, type FieldKey } from './fields.js';
import type { ColumnMapping } from './mapping.js';
import { hasShortYear, isEmptyCell, isRedacted, registerDate, registerMoney, yesOrNo } from './register-cells.js';

/** A supplier as a row of the register describes it. */
export interface SupplierDetails {
  name: string;
  /** Companies House number as stored ("02535986"), or null */
  companyNumber: string | null;
  postcode: Postcode | null;
  /** the SME flag: null when the row does not say */
  isSme: boolean | null;
}

/** One contract read from a row with nothing wrong in it. */
export interface ContractRow {
  row: number;
  reference: string;
  title: string;
  description: string;
  directorate: string;
  supplier: SupplierDetails;
  valuePence: number;
  startDate: string;
  endDate: string;
}

/** Something wrong in a cell: the row number in the file, the field, the file's column, and what to do about it. */
export interface RowProblem {
  row: number;
  field: FieldKey;
  column: string;
  message: string;
}

export const TEXT_LIMITS = { reference: 100, title: 500, supplierName: NAME_MAX, description: 5000, directorate: 200 } as const;

const noun = Object.fromEntries(importFields.map((f) => [f.key, f.noun])) as Record<FieldKey, string>;
const fieldOrder = new Map(importFields.map((f, i) => [f.key, i]));

/** "Row 12, Value: enter an amount of money of £0 or more" */
export function problemText(problem: RowProblem): string {
  return `Row ${problem.row}, ${fieldLabels[problem.field]}: ${problem.message.charAt(0).toLowerCase()}${problem.message.slice(1)}`;
}

/** Problems in the order of the file: by row, then in the order the fields are listed. */
export function inFileOrder(problems: RowProblem[]): RowProblem[] {
  return [...problems].sort((a, b) => a.row - b.row || (fieldOrder.get(a.field) ?? 0) - (fieldOrder.get(b.field) ?? 0));
}

/** Reads one row's cells by field, recording each problem against the row and the file's column. */
function rowReader(row: RegisterRow, columns: readonly string[], mapping: ColumnMapping, problems: RowProblem[]) {
  let found = false;
  const cell = (key: FieldKey) => {
    const column = mapping.columns[key];
    return column === undefined ? '' : (row.cells[columns.indexOf(column)] ?? '');
  };
  const problem = (key: FieldKey, message: string) => {
    found = true;
    problems.push({ row: row.row, field: key, column: mapping.columns[key] ?? '', message });
  };
  const tooLong = (key: keyof typeof TEXT_LIMITS, text: string) => {
    if (text.length > TEXT_LIMITS[key]) problem(key, `Shorten the ${noun[key]} to ${TEXT_LIMITS[key].toLocaleString('en-GB')} characters or fewer`);
  };
  /** A cell that must be filled in; null when it is empty or redacted. */
  const filled = (key: FieldKey): string | null => {
    const text = cell(key);
    if (isRedacted(text)) problem(key, `Replace “${text}” with the ${noun[key]}, or take the row out of the file`);
    else if (isEmptyCell(text)) problem(key, `Enter the ${noun[key]}`);
    else return text;
    return null;
  };
  /** A cell that may be left empty (a redacted one counts as empty); null when it is. */
  const optional = (key: FieldKey): string | null => {
    const text = cell(key);
    return isEmptyCell(text) || isRedacted(text) ? null : text;
  };
  return {
    problem,
    filled,
    optional,
    get hasProblems() {
      return found;
    },
    text(key: 'reference' | 'title' | 'supplierName'): string {
      const text = filled(key) ?? '';
      tooLong(key, text);
      return text;
    },
    optionalText(key: 'description' | 'directorate'): string {
      const text = optional(key) ?? '';
      tooLong(key, text);
      return text;
    },
    date(key: 'startDate' | 'endDate'): string | null {
      const text = filled(key);
      if (text === null) return null;
      const iso = registerDate(text);
      if (iso === null)
        problem(
          key,
          hasShortYear(text) ? `Enter the ${noun[key]} with a 4-digit year, like 31/03/2026` : `Enter the ${noun[key]} as a real date, like 31/03/2026`,
        );
      return iso;
    },
  };
}

function readSupplier(read: ReturnType<typeof rowReader>): SupplierDetails {
  const name = read.text('supplierName');
  const numberText = read.optional('companyNumber');
  const companyNumber = numberText === null ? null : normaliseCompanyNumber(numberText);
  if (numberText !== null && companyNumber === null)
    read.problem('companyNumber', 'Enter a Companies House number, like 01234567 or SC123456, or leave the cell empty');
  const postcodeText = read.optional('supplierPostcode');
  const postcode = postcodeText === null ? null : parsePostcode(postcodeText);
  if (postcodeText !== null && postcode === null) read.problem('supplierPostcode', 'Enter a full UK postcode, like LE11 3AB, or leave the cell empty');
  const smeText = read.optional('sme');
  const isSme = smeText === null ? null : yesOrNo(smeText);
  if (smeText !== null && isSme === null) read.problem('sme', 'Enter Yes or No, or leave the cell empty');
  return { name, companyNumber, postcode, isSme };
}

function readValue(read: ReturnType<typeof rowReader>): number {
  const text = read.filled('value');
  if (text === null) return 0;
  const pence = registerMoney(text);
  if (pence === null) read.problem('value', 'Enter the contract value as an amount of money, like £1,234.50');
  else if (pence < 0) read.problem('value', 'Enter an amount of money of £0 or more');
  return pence ?? 0;
}

export interface RowsRead {
  /** the rows with nothing wrong in them */
  contracts: ContractRow[];
  problems: RowProblem[];
  /** each reference in the file, with the first row that has it: every one is checked against the service */
  references: Map<string, number>;
}

/**
 * Reads every row of a register with the chosen columns. Rows with nothing wrong become contracts; every problem in
 * every row is listed, including references used by more than one row.
 */
export function readContractRows(rows: readonly RegisterRow[], columns: readonly string[], mapping: ColumnMapping): RowsRead {
  const contracts: ContractRow[] = [];
  const problems: RowProblem[] = [];
  const firstRowOf = new Map<string, number>();
  for (const row of rows) {
    const read = rowReader(row, columns, mapping, problems);
    const reference = read.text('reference');
    const earlier = firstRowOf.get(reference);
    if (reference && earlier !== undefined) read.problem('reference', `Give this contract a reference of its own: ${reference} is also on row ${earlier}`);
    else if (reference) firstRowOf.set(reference, row.row);
    const title = read.text('title');
    const supplier = readSupplier(read);
    const valuePence = readValue(read);
    const startDate = read.date('startDate');
    const endDate = read.date('endDate');
    if (startDate && endDate && endDate < startDate)
      read.problem('endDate', `Enter an end date that is the same as or after the start date, ${formatDate(startDate)}`);
    const description = read.optionalText('description');
    const directorate = read.optionalText('directorate');
    if (read.hasProblems || !startDate || !endDate) continue;
    contracts.push({ row: row.row, reference, title, description, directorate, supplier, valuePence, startDate, endDate });
  }
  return { contracts, problems: inFileOrder(problems), references: firstRowOf };
}
