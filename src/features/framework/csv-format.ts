import { CsvError, parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { parsePercent } from '../../domain/money.js';
import type { FrameworkContent, MeasureContent, OutcomeContent } from './content.js';
import { cellProblem, fileProblem, rowProblem, type ImportProblem, type ParsedImport } from './import-problems.js';
import { percentText } from '../../domain/money.js';
import { normaliseText } from '../../domain/text.js';
import { contentProblems, isProxyYear, measureProblems, outcomeProblems, MAX_PROXY_YEAR, MIN_PROXY_YEAR } from './rules.js';

/**
 * The CSV layout of a framework version: a header row, then one row per measure, with its outcome's code, title and
 * description repeated on each row. An outcome with no measures has one row with every measure column empty.
 * Money is whole pence; deadweight and attribution are percentages ("12.5"). Rows are in outcome order, so
 * outcomes keep their order when the file is imported. Text that a spreadsheet would run as a formula (starting
 * with =, +, - or @) is written with an apostrophe in front, which import removes.
 */
export const CSV_COLUMNS = [
  'outcome_code',
  'outcome_title',
  'outcome_description',
  'measure_code',
  'measure_title',
  'unit',
  'counting_guidance',
  'evidence_expected',
  'proxy_pence_per_unit',
  'proxy_source',
  'proxy_source_url',
  'proxy_year',
  'proxy_licence',
  'deadweight_percent',
  'attribution_percent',
] as const;

type Column = (typeof CSV_COLUMNS)[number];

/** What each column holds, for the import page. */
export const CSV_COLUMN_HELP: Record<Column, string> = {
  outcome_code: 'The code of the outcome, like SE. Needed on every row.',
  outcome_title: 'The title of the outcome, the same on every row of that outcome.',
  outcome_description: 'The description of the outcome, the same on every row of that outcome. Can be empty.',
  measure_code: 'The code of the measure, like SE01. Each measure has its own.',
  measure_title: 'What the measure counts.',
  unit: 'What one of the measure is counted in, like hours or people.',
  counting_guidance: 'What counts, what does not, and how to count it.',
  evidence_expected: 'What a supplier must give to show that it delivered.',
  proxy_pence_per_unit: 'The proxy value per unit in whole pence, like 1271 for £12.71. Empty when the measure is counted, not valued.',
  proxy_source: 'Where the proxy value comes from. Needed when there is a proxy value; empty when there is none.',
  proxy_source_url: 'The web address of the source, like https://www.gov.uk/national-minimum-wage-rates. Can be empty.',
  proxy_year: 'The price year of the proxy value, like 2026. Can be empty.',
  proxy_licence: 'The licence the figure is published under, like Open Government Licence v3.0. Can be empty.',
  deadweight_percent: 'The default deadweight as a percentage from 0 to 100, like 12.5, or 0.',
  attribution_percent: 'The default attribution as a percentage from 0 to 100, like 12.5, or 0.',
};

const MEASURE_COLUMNS = CSV_COLUMNS.slice(3);

const OUTCOME_FIELD_COLUMN: Record<keyof OutcomeContent, Column> = {
  code: 'outcome_code',
  title: 'outcome_title',
  description: 'outcome_description',
};

const MEASURE_FIELD_COLUMN: Record<keyof MeasureContent, Column> = {
  code: 'measure_code',
  outcomeCode: 'outcome_code',
  title: 'measure_title',
  unit: 'unit',
  countingGuidance: 'counting_guidance',
  evidenceExpected: 'evidence_expected',
  proxyPencePerUnit: 'proxy_pence_per_unit',
  proxySource: 'proxy_source',
  proxySourceUrl: 'proxy_source_url',
  proxyYear: 'proxy_year',
  proxyLicence: 'proxy_licence',
  deadweightBps: 'deadweight_percent',
  attributionBps: 'attribution_percent',
};

/** An apostrophe in front of text a spreadsheet would treat as a formula. Reversed exactly by unguardFormula. */
export function guardFormula(text: string): string {
  return /^'*[=+\-@]/.test(text) ? `'${text}` : text;
}

export function unguardFormula(text: string): string {
  return /^'+[=+\-@]/.test(text) ? text.slice(1) : text;
}

/** The CSV file for a version's content, with a byte-order mark so that spreadsheet programs read it as UTF-8. */
export function frameworkToCsv(content: FrameworkContent): string {
  const rows: string[][] = [];
  for (const outcome of content.outcomes) {
    const outcomeCells = [outcome.code, outcome.title, outcome.description].map(guardFormula);
    const measures = content.measures.filter((m) => m.outcomeCode === outcome.code);
    if (measures.length === 0) rows.push([...outcomeCells, ...MEASURE_COLUMNS.map(() => '')]);
    for (const m of measures) {
      rows.push([
        ...outcomeCells,
        ...[m.code, m.title, m.unit, m.countingGuidance, m.evidenceExpected].map(guardFormula),
        m.proxyPencePerUnit === null ? '' : String(m.proxyPencePerUnit),
        guardFormula(m.proxySource ?? ''),
        guardFormula(m.proxySourceUrl ?? ''),
        m.proxyYear === null ? '' : String(m.proxyYear),
        guardFormula(m.proxyLicence ?? ''),
        percentText(m.deadweightBps),
        percentText(m.attributionBps),
      ]);
    }
  }
  return `\uFEFF${stringify([[...CSV_COLUMNS], ...rows], { record_delimiter: 'windows' })}`;
}

function describeCsvError(error: CsvError): string {
  const line = typeof error.lines === 'number' ? error.lines : undefined;
  const near = line ? ` (near line ${line})` : '';
  if (error.code === 'CSV_QUOTE_NOT_CLOSED') return `The file is not a valid CSV file: a quoted value is not closed${near}`;
  if (error.code === 'CSV_INVALID_CLOSING_QUOTE' || error.code === 'INVALID_OPENING_QUOTE' || error.code === 'CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE') {
    return `The file is not a valid CSV file: a quote mark is in the wrong place${near}. Put quotes around the whole value and double any quote marks inside it`;
  }
  return `The file is not a valid CSV file${near}: save it from your spreadsheet program as "CSV UTF-8"`;
}

function headerName(cell: string): string {
  return cell
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
}

function headerProblems(header: string[]): ImportProblem[] {
  const problems: ImportProblem[] = [];
  const seen = new Set<string>();
  for (const name of header) {
    // Spreadsheet programs sometimes save empty columns with no name; they are fine while they stay empty.
    if (name === '') continue;
    if (!(CSV_COLUMNS as readonly string[]).includes(name)) {
      problems.push(cellProblem('Row 1', 'column', name, 'Remove this column or correct its name: it is not one of the columns listed on the import page'));
    } else if (seen.has(name)) {
      problems.push(cellProblem('Row 1', 'column', name, 'Remove one of the columns with this name: it appears more than once'));
    }
    seen.add(name);
  }
  for (const name of CSV_COLUMNS) {
    if (!seen.has(name)) problems.push(cellProblem('Row 1', 'column', name, 'Add this column: it is missing from the header row'));
  }
  return problems;
}

interface RowReader {
  text(column: Column): string;
  nullable(column: Column): string | null;
  problem(column: Column, message: string): void;
}

function wholeNumber(value: string): number | null {
  if (!/^\d+$/.test(value)) return null;
  const n = Number(value);
  return Number.isSafeInteger(n) ? n : null;
}

function readMeasure(row: RowReader, outcomeCode: string): MeasureContent {
  const penceText = row.text('proxy_pence_per_unit');
  const pence = penceText === '' ? null : wholeNumber(penceText);
  if (penceText !== '' && pence === null)
    row.problem('proxy_pence_per_unit', 'Enter a whole number of pence, like 1271, or leave it empty if the measure is counted, not valued');
  // A value that is there but unreadable still counts as a proxy, so its source is checked as usual.
  const proxy = penceText === '' ? null : (pence ?? 0);
  const yearText = row.text('proxy_year');
  const year = yearText === '' ? null : wholeNumber(yearText);
  if (yearText !== '' && (year === null || !isProxyYear(year)))
    row.problem('proxy_year', `Enter the price year as 4 digits from ${MIN_PROXY_YEAR} to ${MAX_PROXY_YEAR}, like 2026`);
  const percent = (column: Column): number => {
    const bps = parsePercent(row.text(column));
    if (bps === null) row.problem(column, 'Enter a percentage from 0 to 100, like 12.5, or 0 if there is none');
    return bps ?? 0;
  };
  return {
    code: row.text('measure_code'),
    outcomeCode,
    title: row.text('measure_title'),
    unit: row.text('unit'),
    countingGuidance: row.text('counting_guidance'),
    evidenceExpected: row.text('evidence_expected'),
    proxyPencePerUnit: proxy,
    proxySource: row.nullable('proxy_source'),
    proxySourceUrl: row.nullable('proxy_source_url'),
    proxyYear: year === null || !isProxyYear(year) ? null : year,
    proxyLicence: row.nullable('proxy_licence'),
    deadweightBps: percent('deadweight_percent'),
    attributionBps: percent('attribution_percent'),
  };
}

/** Reads a framework from CSV text (byte-order mark already removed or not). Every problem is reported, by row and column. */
export function parseFrameworkCsv(text: string, name: string): ParsedImport {
  let records: string[][];
  try {
    records = parse(text, { bom: true, relax_column_count: true, skip_empty_lines: false }) as string[][];
  } catch (error) {
    if (error instanceof CsvError) return { ok: false, problems: [fileProblem(describeCsvError(error))] };
    throw error;
  }
  const filled = (record: string[]) => record.some((cell) => cell.trim() !== '');
  if (!records.some(filled)) return { ok: false, problems: [fileProblem('The file is empty')] };

  const header = (records[0] ?? []).map(headerName);
  const badHeader = headerProblems(header);
  if (badHeader.length) return { ok: false, problems: badHeader };
  const position = new Map(header.map((column, i) => [column, i]));

  const located: { row: number; column: number; problem: ImportProblem }[] = [];
  const report = (row: number, column: Column | '', problem: ImportProblem) =>
    located.push({ row, column: column ? CSV_COLUMNS.indexOf(column) : -1, problem });
  const content: FrameworkContent = { outcomes: [], measures: [] };
  const outcomeRows: number[] = [];
  const measureRows: number[] = [];
  const outcomeIndex = new Map<string, number>();

  records.forEach((record, i) => {
    const rowNumber = i + 1;
    if (i === 0 || !filled(record)) return;
    const where = `Row ${rowNumber}`;
    if (record.length !== header.length) {
      report(
        rowNumber,
        '',
        rowProblem(where, `This row has ${record.length} cells but the header row has ${header.length}: check for a missing comma or quote mark`),
      );
      return;
    }
    if (header.some((name, column) => name === '' && record[column]?.trim())) {
      report(rowNumber, '', rowProblem(where, 'This row has a value in a column with no name in the header row: name the column or remove the value'));
    }
    const reported = new Set<Column>();
    const row: RowReader = {
      text: (column) => unguardFormula(normaliseText(record[position.get(column) ?? -1] ?? '')),
      nullable: (column) => row.text(column) || null,
      problem: (column, message) => {
        if (reported.has(column)) return;
        reported.add(column);
        report(rowNumber, column, cellProblem(where, 'column', column, message));
      },
    };

    const outcome: OutcomeContent = { code: row.text('outcome_code'), title: row.text('outcome_title'), description: row.text('outcome_description') };
    const known = outcomeIndex.get(outcome.code);
    if (!outcome.code) {
      row.problem('outcome_code', 'Enter the code of the outcome this row belongs to');
    } else if (known === undefined) {
      outcomeIndex.set(outcome.code, content.outcomes.length);
      content.outcomes.push(outcome);
      outcomeRows.push(rowNumber);
      for (const [field, message] of outcomeProblems(outcome)) row.problem(OUTCOME_FIELD_COLUMN[field], message);
    } else {
      const first = content.outcomes[known]!;
      const firstRow = outcomeRows[known]!;
      if (outcome.title !== first.title)
        row.problem('outcome_title', `Use the same title for outcome ${outcome.code} on every row: row ${firstRow} has a different one`);
      if (outcome.description !== first.description) {
        row.problem('outcome_description', `Use the same description for outcome ${outcome.code} on every row: row ${firstRow} has a different one`);
      }
    }

    if (MEASURE_COLUMNS.every((column) => row.text(column) === '')) return;
    const measure = readMeasure(row, outcome.code);
    for (const [field, message] of measureProblems(measure)) {
      if (field !== 'outcomeCode') row.problem(MEASURE_FIELD_COLUMN[field], message);
    }
    content.measures.push(measure);
    measureRows.push(rowNumber);
  });

  if (content.outcomes.length === 0 && located.length === 0) {
    return { ok: false, problems: [fileProblem('The file has no outcomes: add a row for each measure below the header row')] };
  }
  const rowOf = (kind: 'outcome' | 'measure', index: number) => (kind === 'outcome' ? outcomeRows : measureRows)[index] ?? 0;
  for (const p of contentProblems(content, (kind, index) => `row ${rowOf(kind, index)}`)) {
    const column = p.kind === 'outcome' ? OUTCOME_FIELD_COLUMN[p.field as keyof OutcomeContent] : MEASURE_FIELD_COLUMN[p.field];
    const rowNumber = rowOf(p.kind, p.index);
    report(rowNumber, column, cellProblem(`Row ${rowNumber}`, 'column', column, p.message));
  }
  if (located.length) {
    located.sort((a, b) => a.row - b.row || a.column - b.column);
    return { ok: false, problems: located.map((l) => l.problem) };
  }
  return { ok: true, name, notes: null, content };
}
