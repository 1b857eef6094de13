import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import { CsvError, type Options } from 'csv-parse';
import { parse as parseSync } from 'csv-parse/sync';
import { columnNames, headerSignature, LEADING_BOM } from '../contract-import/columns.js';
import { separatorOf } from '../contract-import/csv-rows.js';
import { fileKind } from '../contract-import/register-file.js';
import { registerMoney } from '../contract-import/register-cells.js';
import { xlsxRows } from '../contract-import/xlsx-rows.js';
import { CsvRecords } from './csv-records.js';

/** Where a file's bytes come from: opened afresh for each pass (a path on disk, or an upload kept in the database). */
export type FileSource = () => Readable;

export type Encoding = 'utf-8' | 'windows-1252';

/** What one quick pass over a file tells: enough for the columns step and the progress bar. */
export interface FileLayout {
  checksum: string;
  sizeBytes: number;
  encoding: Encoding;
  separator: string;
  lines: number;
  /** records before the header row (a title above it), passed over when reading */
  headerIndex: number;
  columns: string[];
  headerSignature: string;
  /** the first rows below the header, for the columns step */
  sample: string[][];
}

export type LayoutReading = { ok: true; layout: FileLayout } | { ok: false; message: string };

/** The beginning of a file read for its header and sample rows. */
const HEAD_BYTES = 256 * 1024;
const SAMPLE_ROWS = 20;

const NOT_CSV =
  'The selected file must be a CSV file (values separated by commas) or an Excel workbook (.xlsx). Save it from your spreadsheet program as “CSV UTF-8” or as an Excel workbook and upload that';

/** An Excel workbook is read whole (it is a ZIP file): larger ones are saved as CSV, which is read as it streams in. */
export const MAX_WORKBOOK_BYTES = 100 * 1024 * 1024;

const filled = (cells: readonly string[]) => cells.filter((cell) => cell.trim() !== '').length;
const isBlank = (cells: readonly string[]) => cells.every((cell) => cell.trim() === '');

/** The options the layout pass reads CSV with; the rows pass (CsvRecords) reads records as csv-parse does with them. */
function csvOptions(separator: string): Options {
  return { delimiter: separator, relax_column_count: true, relax_quotes: true, skip_empty_lines: true };
}

function decodeHead(head: Buffer, encoding: Encoding): string {
  return new TextDecoder(encoding).decode(head).replace(LEADING_BOM, '');
}

/**
 * What the rows tell the columns step, whatever the file's format: the header row (the first with two cells filled
 * in), the first rows below it, and whether a column holds amounts. `records` are the file's rows that are not blank.
 */
function layoutOf(
  records: readonly string[][],
  file: Pick<FileLayout, 'checksum' | 'sizeBytes' | 'encoding' | 'separator' | 'lines'>,
  kindOfFile: string,
): LayoutReading {
  const headerIndex = records.findIndex((r) => filled(r) >= 2);
  if (headerIndex < 0)
    return { ok: false, message: `The selected file must be ${kindOfFile} with a header row naming its columns, and one payment on each row below it` };
  const header = records[headerIndex]!;
  const rows = records.slice(headerIndex + 1);
  if (rows.length === 0) return { ok: false, message: 'The selected file has a header row but no rows below it' };
  const width = Math.max(header.length, ...rows.slice(0, SAMPLE_ROWS).map((r) => r.length));
  const columns = columnNames(header, width);
  const sample = rows.slice(0, SAMPLE_ROWS).map((r) => Array.from({ length: width }, (_, i) => (r[i] ?? '').trim()));
  const hasAmounts = columns.some((_, i) => {
    const cells = sample.map((r) => r[i]!).filter((c) => c !== '');
    return cells.length > 0 && cells.filter((c) => registerMoney(c) !== null).length * 2 >= cells.length;
  });
  if (!hasAmounts) return { ok: false, message: 'The selected file has no column of amounts. Each row must give the amount paid, like 1234.56' };
  return { ok: true, layout: { ...file, headerIndex, columns, headerSignature: headerSignature(header), sample } };
}

/** The rows of an Excel workbook's first sheet with anything in them, numbered as in the sheet, or why it cannot be read. */
async function workbookRows(data: Buffer): Promise<{ ok: true; rows: FileRow[] } | { ok: false; message: string }> {
  const reading = await xlsxRows(data);
  if (!reading.ok) return { ok: false, message: reading.message.replace('the sheet with the contracts', 'the sheet with the payments') };
  return { ok: true, rows: reading.rows.filter((r) => !isBlank(r.cells)) };
}

/** Whether a file is an Excel workbook (.xlsx), from its first bytes. */
async function isWorkbook(source: FileSource): Promise<boolean> {
  const stream = source();
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) return fileKind(chunk) === 'xlsx';
    return false;
  } finally {
    stream.destroy();
  }
}

/**
 * Reads a file once, without keeping it: its SHA-256, whether it is UTF-8 (else it is read as Windows-1252, what
 * spreadsheet programs on Windows save), how many lines it has, and from its beginning the header row (the first with
 * two cells filled in) and some rows below it. An Excel workbook (.xlsx) is kept and read whole, its first sheet with
 * rows as a CSV file's. Refuses what is neither, or has no rows, or no column of amounts.
 */
export async function readLayout(source: FileSource): Promise<LayoutReading> {
  const hash = createHash('sha256');
  const utf8 = new TextDecoder('utf-8', { fatal: true });
  let isUtf8 = true;
  let sizeBytes = 0;
  let lines = 0;
  const headParts: Buffer[] = [];
  let headBytes = 0;
  // A workbook's bytes, kept whole for reading once the file has been read through.
  let workbook: Buffer[] | null = null;
  for await (const chunk of source() as AsyncIterable<Buffer>) {
    if (sizeBytes === 0 && fileKind(chunk) === 'xlsx') workbook = [];
    hash.update(chunk);
    sizeBytes += chunk.length;
    if (workbook) {
      if (sizeBytes <= MAX_WORKBOOK_BYTES) workbook.push(chunk);
      continue;
    }
    for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) lines++;
    if (isUtf8) {
      try {
        utf8.decode(chunk, { stream: true });
      } catch {
        isUtf8 = false;
      }
    }
    if (headBytes < HEAD_BYTES) {
      headParts.push(chunk.subarray(0, HEAD_BYTES - headBytes));
      headBytes += Math.min(chunk.length, HEAD_BYTES - headBytes);
    }
  }
  if (sizeBytes === 0) return { ok: false, message: 'The selected file is empty' };
  if (workbook) {
    if (sizeBytes > MAX_WORKBOOK_BYTES)
      return { ok: false, message: 'The selected Excel workbook must be smaller than 100MB. Save the sheet with the payments as “CSV UTF-8” and import that' };
    const reading = await workbookRows(Buffer.concat(workbook));
    if (!reading.ok) return reading;
    const file = { checksum: hash.digest('hex'), sizeBytes, encoding: 'utf-8' as const, separator: ',', lines: reading.rows.length };
    return layoutOf(
      reading.rows.map((r) => r.cells),
      file,
      'an Excel workbook',
    );
  }
  const head = Buffer.concat(headParts);
  if (fileKind(head) === 'xls')
    return {
      ok: false,
      message: 'The selected file is an Excel 97-2003 workbook (.xls). Save it as an Excel workbook (.xlsx) or as “CSV UTF-8” and upload that',
    };
  if (head.includes(0)) return { ok: false, message: NOT_CSV };
  const encoding: Encoding = isUtf8 ? 'utf-8' : 'windows-1252';
  const text = decodeHead(head, encoding);
  const separator = separatorOf(text);
  // The head may end part way through a row: only whole lines are read from it.
  const wholeLines = sizeBytes > head.length ? text.slice(0, text.lastIndexOf('\n') + 1) : text;
  let records: string[][];
  try {
    // Rows of empty cells (",,,") are passed over here and when reading, so the two count rows alike.
    records = (parseSync(wholeLines, csvOptions(separator)) as string[][]).filter((r) => !isBlank(r));
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    return {
      ok: false,
      message: `The selected file cannot be read as CSV near line ${error.lines ?? 1}. Check that every quoted value has a closing quote mark`,
    };
  }
  return layoutOf(records, { checksum: hash.digest('hex'), sizeBytes, encoding, separator, lines }, 'a CSV file');
}

/** Decodes a stream of bytes as text, taking a byte-order mark (or one read as Windows-1252, "ï»¿") off the start. */
async function* decoded(source: FileSource, encoding: Encoding): AsyncGenerator<string> {
  const text = new TextDecoder(encoding);
  let start = '';
  let started = false;
  for await (const chunk of source() as AsyncIterable<Buffer>) {
    const piece = text.decode(chunk, { stream: true });
    if (started) {
      yield piece;
      continue;
    }
    start += piece;
    if (start.length >= 3) {
      started = true;
      yield start.replace(LEADING_BOM, '');
    }
  }
  const end = text.decode();
  if (!started) yield (start + end).replace(LEADING_BOM, '');
  else if (end) yield end;
}

/** A row below the header: its number (the header row is row 1, blank rows are not counted) and its cells. */
export interface FileRow {
  row: number;
  cells: string[];
}

/**
 * The rows of a file below its header: a CSV file's read as they stream in (memory does not grow with the file), an
 * Excel workbook's read whole and numbered as in the sheet. The format is told from the file's first bytes, as when
 * its layout was read.
 */
export async function* fileRows(source: FileSource, layout: Pick<FileLayout, 'encoding' | 'separator' | 'headerIndex'>): AsyncGenerator<FileRow> {
  if (await isWorkbook(source)) {
    const chunks: Buffer[] = [];
    for await (const chunk of source() as AsyncIterable<Buffer>) chunks.push(chunk);
    const reading = await workbookRows(Buffer.concat(chunks));
    if (!reading.ok) throw new Error(reading.message);
    yield* reading.rows.slice(layout.headerIndex + 1);
    return;
  }
  // The records a piece of text completes, handed on before the next piece is read: memory stays flat.
  const reader = new CsvRecords(layout.separator);
  const completed: string[][] = [];
  const collect = (record: string[]) => void completed.push(record);
  let index = 0;
  for await (const piece of decoded(source, layout.encoding)) {
    reader.push(piece, collect);
    for (const record of completed) {
      if (isBlank(record)) continue;
      if (index++ <= layout.headerIndex) continue;
      yield { row: index - layout.headerIndex, cells: record };
    }
    completed.length = 0;
  }
  reader.end(collect);
  for (const record of completed) {
    if (isBlank(record)) continue;
    if (index++ <= layout.headerIndex) continue;
    yield { row: index - layout.headerIndex, cells: record };
  }
}
