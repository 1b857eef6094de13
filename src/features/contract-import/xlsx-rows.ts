import type ExcelJS from 'exceljs';
import type { RegisterRow } from '../../db/schema/index.js';
import type { RowsReading } from './csv-rows.js';
import { unpackedSize } from './zip-size.js';

/** A 5 MB workbook of text unpacks to about 50 MB; more than this is not a register. */
export const MAX_UNPACKED_BYTES = 200 * 1024 * 1024;

const NOT_A_WORKBOOK =
  'The selected file is not an Excel workbook that can be read. Save it again from your spreadsheet program as an Excel workbook (.xlsx) or as “CSV UTF-8”';

/**
 * A number as a person reads it in a cell: whole numbers as they are, others without the binary rounding noise
 * that spreadsheet arithmetic leaves (1234.5600000000002 is 1234.56).
 */
export function numberText(n: number): string {
  if (!Number.isFinite(n)) return '';
  return Number.isInteger(n) ? String(n) : String(Number(n.toFixed(10)));
}

/** The text of a cell, whatever it holds: dates as YYYY-MM-DD, formulas by their result, rich text and links by their text. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10);
  if (typeof value === 'number') return numberText(value);
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'object') {
    const cell = value as { result?: unknown; richText?: { text?: unknown }[]; text?: unknown; error?: unknown };
    if ('result' in cell) return cellText(cell.result);
    if (Array.isArray(cell.richText)) return cell.richText.map((part) => (typeof part.text === 'string' ? part.text : '')).join('');
    if ('text' in cell) return cellText(cell.text);
    if (typeof cell.error === 'string') return cell.error;
  }
  return '';
}

/** Every row with something in it, from the first visible sheet (in tab order) that has any, numbered as in the workbook. */
export async function xlsxRows(data: Buffer): Promise<RowsReading> {
  const size = unpackedSize(data);
  if (size === null) return { ok: false, message: NOT_A_WORKBOOK };
  if (size > MAX_UNPACKED_BYTES) {
    return {
      ok: false,
      message: 'The selected workbook is too large once unpacked. Save the sheet with the contracts on its own, as “CSV UTF-8”, and upload that',
    };
  }
  // exceljs is loaded on first use, not at start-up: it is large and only imports need it.
  const { default: Excel } = await import('exceljs');
  const workbook = new Excel.Workbook();
  try {
    await workbook.xlsx.load(data as unknown as ExcelJS.Buffer);
  } catch {
    return { ok: false, message: NOT_A_WORKBOOK };
  }
  const sheet = workbook.worksheets.find((s) => s.state === 'visible' && s.actualRowCount > 0);
  const rows: RegisterRow[] = [];
  sheet?.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const values = Array.isArray(row.values) ? row.values.slice(1) : [];
    rows.push({ row: rowNumber, cells: Array.from(values, cellText) });
  });
  return { ok: true, rows };
}
