// Local spend import at scale: a file of 1,000,000 rows made by repeating the rows of the real spend files (the
// Leeds layout), imported as `npm run import:spend` imports it, on PostgreSQL and on PGlite: rows a second and peak
// memory, against PostgreSQL's own COPY of the same rows (as the import stores them) into a table with the same indexes,
// measured in the same run: import then COPY on a fresh database, BENCH_SPEND_ROUNDS times (default 2), the ratio
// of their summed times.
//   BENCH_SPEND_ROWS (default 1000000); BENCH_POSTGRES_URL (default postgres://postgres@127.0.0.1:5432/postgres,
//   where a database is created and dropped; the PostgreSQL part is skipped when no server answers); BENCH_SPEND_PGLITE=0
//   leaves out the PGlite part; BENCH_SPEND_BATCH sets the rows written per transaction (else the import's own).
import { createReadStream, createWriteStream, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { from as copyFrom, to as copyTo } from 'pg-copy-streams';
import { openDatabase } from '../dist/db/client.js';
import { chooseColumns, createSpendImport, proposedColumns } from '../dist/features/spend/create-import.js';
import { readLayout } from '../dist/features/spend/read-file.js';
import { findImport } from '../dist/features/spend/repository.js';
import { importSpend } from '../dist/features/spend/run-import.js';
import { postgresReachable, withScratchDatabase } from './postgres.js';

const ROWS = Number(process.env.BENCH_SPEND_ROWS ?? 1_000_000);
const ROUNDS = Number(process.env.BENCH_SPEND_ROUNDS ?? 2);
const here = path.dirname(fileURLToPath(import.meta.url));
const SOURCE = path.join(here, '../test/fixtures/spend/leeds-spend-2020-06-raw.csv');
const actor = { id: null, label: 'benchmark' };
const MB = 1024 * 1024;

/** Writes a file of `rows` rows by repeating the source file's rows below its header, each copy a day later. */
async function makeFile(file, rows) {
  const [header, ...lines] = readFileSync(SOURCE, 'latin1')
    .split(/\r?\n/)
    .filter((l) => l.replace(/,/g, '').trim() !== '');
  const out = createWriteStream(file, { encoding: 'latin1' });
  out.write(`${header}\r\n`);
  for (let written = 0, copy = 0; written < rows; copy++) {
    let chunk = '';
    for (let i = 0; i < lines.length && written < rows; i++, written++) chunk += `${lines[i]}\r\n`;
    if (!out.write(chunk)) await new Promise((resolve) => out.once('drain', resolve));
  }
  await new Promise((resolve) => out.end(resolve));
}

/** Runs `work` while sampling this process's resident memory; the growth is the peak over what it was before. */
async function withMemory(work) {
  globalThis.gc?.();
  const before = process.memoryUsage().rss;
  let peak = before;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
  const started = performance.now();
  try {
    const result = await work();
    return { result, seconds: (performance.now() - started) / 1000, growthMb: (Math.max(peak, process.memoryUsage().rss) - before) / MB };
  } finally {
    clearInterval(timer);
  }
}

/** The import as the command runs it: read the layout, take the guessed columns, import. */
async function importInto(database, file) {
  const source = () => createReadStream(file);
  const layout = await readLayout(source);
  if (!layout.ok) throw new Error(layout.message);
  const id = await createSpendImport(database.db, actor, {
    publisherName: 'Benchmark Council',
    kind: 'spend',
    fileName: path.basename(file),
    layout: layout.layout,
    uploadedBy: null,
  });
  const { record } = await proposedColumns(database.db, await findImport(database.db, id));
  await chooseColumns(database.db, actor, id, record);
  const rowsPerBatch = process.env.BENCH_SPEND_BATCH ? Number(process.env.BENCH_SPEND_BATCH) : undefined;
  const result = await importSpend(database.db, actor, id, source, { databaseKind: database.kind, ...(rowsPerBatch ? { rowsPerBatch } : {}) });
  if (result.status !== 'imported') throw new Error(`the import ended ${result.status}`);
  return result;
}

const COLUMNS = 'id, import_id, publisher_id, kind, supplier_id, row_key, paid_on, directorate, amount_pence, reference';

/** PostgreSQL's COPY of the rows the import stored, into a table with the same columns and indexes. */
async function copyBaseline(url, folder) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const dump = path.join(folder, 'payments.copy');
    await pipeline(client.query(copyTo(`copy (select ${COLUMNS} from spend_payments) to stdout`)), createWriteStream(dump));
    await client.query('create table bench_copy (like spend_payments including defaults including indexes)');
    const { seconds, growthMb } = await withMemory(() => pipeline(createReadStream(dump), client.query(copyFrom(`copy bench_copy (${COLUMNS}) from stdin`))));
    const { rows } = await client.query('select count(*)::int as n from bench_copy');
    return { seconds, growthMb, rows: rows[0].n };
  } finally {
    await client.end();
  }
}

export async function spendImportBenchmark() {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'sv-bench-spend-'));
  const file = path.join(folder, 'spend-1m.csv');
  const lines = [];
  const rate = (rows, seconds) => `${Math.round(rows / seconds).toLocaleString('en-GB')} rows/s`;
  try {
    await makeFile(file, ROWS);
    lines.push(`Spend import of ${ROWS.toLocaleString('en-GB')} rows (${(statSync(file).size / MB).toFixed(0)} MB, Leeds layout repeated):`);
    if (await postgresReachable()) {
      // Import then COPY, ROUNDS times over, each round on a fresh database: the machine's load moves between the
      // two measurements of one round, so the ratio is of their summed times over the rounds.
      const rounds = [];
      for (let round = 0; round < ROUNDS; round++) {
        await withScratchDatabase('sv_bench_spend', async (url) => {
          const database = await openDatabase({ databaseUrl: url, poolSize: 4 });
          let imported;
          try {
            imported = await withMemory(() => importInto(database, file));
          } finally {
            await database.close();
          }
          rounds.push({ imported, copy: await copyBaseline(url, folder) });
        });
      }
      for (const [index, { imported, copy }] of rounds.entries()) {
        lines.push(
          `  Round ${index + 1}: PostgreSQL import ${rate(imported.result.rowsImported, imported.seconds)} (${imported.seconds.toFixed(1)} s), memory growth ${imported.growthMb.toFixed(0)} MB; ` +
            `COPY of the same ${copy.rows.toLocaleString('en-GB')} rows ${rate(copy.rows, copy.seconds)} (${copy.seconds.toFixed(1)} s); ratio ${(copy.seconds / imported.seconds).toFixed(2)}`,
        );
      }
      const sum = (pick) => rounds.reduce((total, r) => total + pick(r), 0);
      const share = sum((r) => r.copy.seconds) / sum((r) => r.imported.seconds);
      const growth = Math.max(...rounds.map((r) => r.imported.growthMb));
      lines.push(
        `  import speed / COPY speed over the rounds: ${share.toFixed(2)} (target at least 0.33) ${share >= 1 / 3 ? 'PASS' : 'FAIL'}; largest memory growth ${growth.toFixed(0)} MB (target under 100 MB) ${growth < 100 ? 'PASS' : 'FAIL'}`,
      );
    } else {
      lines.push('  PostgreSQL: skipped (no server answers at BENCH_POSTGRES_URL)');
    }
    if (process.env.BENCH_SPEND_PGLITE === '0') return lines;
    const database = await openDatabase({ dataDir: path.join(folder, 'pglite') });
    try {
      const imported = await withMemory(() => importInto(database, file));
      lines.push(
        `  PGlite import: ${rate(imported.result.rowsImported, imported.seconds)} (${imported.seconds.toFixed(1)} s), memory growth ${imported.growthMb.toFixed(0)} MB (the embedded database's own memory included)`,
      );
    } finally {
      await database.close();
    }
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
  return lines;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  for (const line of await spendImportBenchmark()) console.log(line);
}
