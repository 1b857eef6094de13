import type { RegisterRow } from '../../db/schema/index.js';
import { columnNames, headerSignature } from './columns.js';
import { csvRows, type RowsReading } from './csv-rows.js';
import { xlsxRows } from './xlsx-rows.js';

/** A register as the import sees it: named columns, and the rows of contracts below the header with their row numbers. */
export interface RegisterTable {
  columns: string[];
  headerSignature: string;
  rows: RegisterRow[];
}

export type TableReading = { ok: true; table: RegisterTable } | { ok: false; message: string };

/** More contracts than this in one file is more than a council's whole register; such a file is refused. */
export const MAX_CONTRACT_ROWS = 10_000;

const ZIP = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const OLD_EXCEL = Buffer.from([0xd0, 0xcf, 0x11, 0xe0]);

/** The file's type from its content, not its name: an Excel workbook is a ZIP file; anything else is read as CSV. */
export function fileKind(data: Buffer): 'xlsx' | 'xls' | 'csv' {
  if (data.subarray(0, 4).equals(ZIP)) return 'xlsx';
  if (data.subarray(0, 4).equals(OLD_EXCEL)) return 'xls';
  return 'csv';
}

/** Reads an uploaded contracts register, CSV or XLSX, into its header and rows, or says why it cannot. */
export async function readRegisterFile(data: Buffer): Promise<TableReading> {
  if (data.length === 0) return { ok: false, message: 'The selected file is empty' };
  const kind = fileKind(data);
  if (kind === 'xls') {
    return {
      ok: false,
      message: 'The selected file is an Excel 97-2003 workbook (.xls). Save it as an Excel workbook (.xlsx) or as “CSV UTF-8” and upload that',
    };
  }
  return tableFrom(kind === 'xlsx' ? await xlsxRows(data) : csvRows(data));
}

const filled = (cells: readonly string[]) => cells.filter((cell) => cell !== '').length;

/**
 * The header is the first row with at least two cells filled in (a title above it is passed over); the contracts are
 * the rows below it that are not blank. Cells lose the spaces at either end.
 */
export function tableFrom(reading: RowsReading): TableReading {
  if (!reading.ok) return reading;
  const rows = reading.rows.map((r) => ({ row: r.row, cells: r.cells.map((cell) => cell.trim()) })).filter((r) => filled(r.cells) > 0);
  if (rows.length === 0) return { ok: false, message: 'The selected file is empty' };
  const headerAt = rows.findIndex((r) => filled(r.cells) >= 2);
  if (headerAt < 0) return { ok: false, message: 'The selected file must have a header row naming its columns, with one contract on each row below it' };
  const header = rows[headerAt]!.cells;
  const contracts = rows.slice(headerAt + 1);
  if (contracts.length === 0) return { ok: false, message: 'The selected file has a header row but no contracts below it' };
  if (contracts.length > MAX_CONTRACT_ROWS) {
    const most = MAX_CONTRACT_ROWS.toLocaleString('en-GB');
    return { ok: false, message: `The selected file has more than ${most} contracts. Split it into files of ${most} contracts or fewer` };
  }
  const lastFilled = (cells: readonly string[]) => cells.reduce((last, cell, i) => (cell === '' ? last : i + 1), 0);
  const width = Math.max(lastFilled(header), ...contracts.map((r) => lastFilled(r.cells)));
  return {
    ok: true,
    table: {
      columns: columnNames(header, width),
      headerSignature: headerSignature(header),
      rows: contracts.map((r) => ({ row: r.row, cells: Array.from({ length: width }, (_, i) => r.cells[i] ?? '') })),
    },
  };
}
