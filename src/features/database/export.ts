import { once } from 'node:events';
import { PassThrough, Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { stringify } from 'csv-stringify';
import type { FastifyReply } from 'fastify';
import { csvCell, jsonValue, xlsxCell, type Column } from './columns.js';
import type { Key } from './cursor.js';

/** Rows are read this many at a time, each batch after the last row of the one before (no long transaction). */
export const EXPORT_BATCH = 1000;

/** Every row of a table, read batch by batch through its keyset: memory holds one batch, whatever the table's size. */
export async function* allRows<Row extends { key: Key }>(fetch: (after: Key | null, limit: number) => Promise<Row[]>): AsyncGenerator<Row> {
  let after: Key | null = null;
  for (;;) {
    const rows = await fetch(after, EXPORT_BATCH);
    yield* rows;
    if (rows.length < EXPORT_BATCH) return;
    after = rows[rows.length - 1]!.key;
  }
}

function download(reply: FastifyReply, type: string, filename: string): FastifyReply {
  return reply.type(type).header('content-disposition', `attachment; filename="${filename}"`);
}

/** Streams rows as CSV (with a byte-order mark, so that spreadsheets read it as UTF-8). */
export function sendCsv<Row>(reply: FastifyReply, filename: string, columns: Column<Row>[], rows: AsyncIterable<Row>): FastifyReply {
  const records = Readable.from(
    (async function* () {
      for await (const row of rows) yield columns.map((c) => csvCell(c.kind, c.get(row)));
    })(),
  );
  const csv = stringify({ bom: true, header: true, columns: columns.map((c) => c.header) });
  pipeline(records, csv).catch((error: unknown) => reply.log.error({ err: error }, 'CSV download stopped'));
  return download(reply, 'text/csv; charset=utf-8', filename).send(csv);
}

/**
 * Streams rows as an XLSX workbook with exceljs's streaming writer: each row is committed (written out) as it is
 * added, and a batch waits while the response is not being read, so a slow download does not pile up in memory.
 */
export function sendXlsx<Row>(reply: FastifyReply, filename: string, sheetName: string, columns: Column<Row>[], rows: AsyncIterable<Row>): FastifyReply {
  const out = new PassThrough();
  void (async () => {
    const { default: Excel } = await import('exceljs');
    const workbook = new Excel.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
    const sheet = workbook.addWorksheet(sheetName);
    sheet.columns = columns.map((c) => ({
      header: c.header,
      key: c.key,
      width: Math.min(40, Math.max(12, c.header.length + 2)),
      ...(c.kind === 'pence' ? { style: { numFmt: '£#,##0.00' } } : {}),
    }));
    sheet.getRow(1).font = { bold: true };
    sheet.getRow(1).commit();
    let count = 0;
    for await (const row of rows) {
      sheet.addRow(columns.map((c) => xlsxCell(c.kind, c.get(row)))).commit();
      count += 1;
      if (count % EXPORT_BATCH === 0 && out.writableNeedDrain) await once(out, 'drain');
    }
    sheet.commit();
    await workbook.commit();
  })().catch((error: unknown) => {
    reply.log.error({ err: error }, 'XLSX download stopped');
    out.destroy(error as Error);
  });
  return download(reply, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', filename).send(out);
}

/**
 * Streams rows as one JSON document: `head` (what the data is, its licence) and the rows under `key`, each row an
 * object of the columns' keys. Money is in integer pence, quantities and percentages are numbers.
 */
export function sendJson<Row>(
  reply: FastifyReply,
  filename: string,
  head: Record<string, unknown>,
  key: string,
  columns: Column<Row>[],
  rows: AsyncIterable<Row>,
) {
  const text = Readable.from(
    (async function* () {
      yield `${JSON.stringify(head).slice(0, -1)}${Object.keys(head).length ? ',' : ''}${JSON.stringify(key)}:[`;
      let first = true;
      for await (const row of rows) {
        yield `${first ? '' : ','}\n${JSON.stringify(Object.fromEntries(columns.map((c) => [c.key, jsonValue(c.kind, c.get(row))])))}`;
        first = false;
      }
      yield '\n]}\n';
    })(),
  );
  return download(reply, 'application/json; charset=utf-8', filename).send(text);
}
