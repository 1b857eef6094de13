import { CsvError, parse } from 'csv-parse/sync';
import type { RegisterRow } from '../../db/schema/index.js';
import { LEADING_BOM } from './columns.js';

export type RowsReading = { ok: true; rows: RegisterRow[] } | { ok: false; message: string };

/**
 * The text of a CSV file: UTF-8 when it is valid UTF-8 (the byte-order mark removed), otherwise Windows-1252, which
 * is what spreadsheet programs on Windows save as plain "CSV". Either way "£" and accented names survive.
 */
export function decodeText(data: Buffer): string {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(data);
  } catch {
    text = new TextDecoder('windows-1252').decode(data);
  }
  return text.replace(LEADING_BOM, '');
}

/** The separator of a CSV file: whichever of comma, semicolon and tab its first line has most of. */
export function separatorOf(text: string): string {
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const counts = [',', ';', '\t'].map((separator) => ({ separator, n: firstLine.split(separator).length }));
  return counts.reduce((best, c) => (c.n > best.n ? c : best)).separator;
}

/** Every row of a CSV file, numbered as a spreadsheet numbers them (blank rows count, the header is row 1). */
export function csvRows(data: Buffer): RowsReading {
  const text = decodeText(data);
  if (text.includes('\u0000')) return { ok: false, message: 'The selected file must be a CSV file or an Excel workbook (.xlsx)' };
  let records: string[][];
  try {
    records = parse(text, { delimiter: separatorOf(text), relax_column_count: true, relax_quotes: true, skip_empty_lines: false }) as string[][];
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    const near = typeof error.lines === 'number' ? ` near line ${error.lines}` : '';
    return {
      ok: false,
      message: `The selected file cannot be read as CSV${near}. Check that every quoted value has a closing quote mark, or save the file again from your spreadsheet program as “CSV UTF-8”`,
    };
  }
  return { ok: true, rows: records.map((cells, i) => ({ row: i + 1, cells })) };
}
