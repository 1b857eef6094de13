// The command line import: npm run import:spend -- <file> --publisher <name> [--kind grants] [--column amount="Net Amount"]
import { createReadStream } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import cliProgress from 'cli-progress';
import { ConfigError, loadConfig } from '../../config.js';
import { DataFolderInUseError, openDatabase, type Database } from '../../db/client.js';
import { spendKinds, type SpendKind } from '../../db/schema/index.js';
import { formatPounds } from '../../domain/money.js';
import type { Actor } from '../../platform/audit.js';
import { fieldsOf, type SpendFieldKey } from './fields.js';
import { prepareFileImport } from './prepare-file-import.js';
import { readLayout } from './read-file.js';
import { importSpend } from './run-import.js';
import { undoUnfinishedSpendImports } from './undo-spend-import.js';

const USAGE = `Usage: npm run import:spend -- <file.csv or .xlsx> --publisher "<name>" [--kind spend|grants] [--column <field>="<header>"]...

Imports a spend-over-£500 file (or, with --kind grants, a 360Giving grants file) for a publisher, all or nothing.
The columns last chosen for the publisher's files are used, else a guess from the headers; --column chooses one
(fields: paidOn, amount, supplierName, directorate, reference, companyNumber, charityNumber, vcse, postcode,
organisationIdentifier). Uses DATABASE_URL, or the embedded database in DATA_DIR (stop the service first).`;

/** Exit codes as sysexits.h names them. */
const EXIT = { usage: 64, data: 65, unavailable: 69, inUse: 75, config: 78 } as const;

const actor: Actor = { id: null, label: 'command line import' };

/** Stops the command with a message and an exit code, after the database is closed. */
class Stop extends Error {
  constructor(
    message: string,
    readonly code: number,
  ) {
    super(message);
  }
}

function fail(message: string, code: number): never {
  throw new Stop(message, code);
}

async function run(database: Database, file: string, publisher: string, kind: SpendKind, columns: string[], rowsPerBatch: number | undefined): Promise<number> {
  const { db } = database;
  await undoUnfinishedSpendImports(db, database.kind === 'pglite' ? { leaseMs: 0 } : {});
  const source = () => createReadStream(file);
  const layout = await readLayout(source);
  if (!layout.ok) fail(`${path.basename(file)}: ${layout.message.replace('The selected file', 'the file')}`, EXIT.data);

  const fields = fieldsOf(kind);
  const overrides: Partial<Record<SpendFieldKey, string>> = {};
  for (const option of columns) {
    const [key, ...rest] = option.split('=');
    if (!fields.some((f) => f.key === key)) fail(`--column ${option}: ${key} is not one of the fields\n\n${USAGE}`, EXIT.usage);
    overrides[key as SpendFieldKey] = rest.join('=');
  }
  const prepared = await prepareFileImport(db, actor, {
    publisherName: publisher,
    kind,
    fileName: path.basename(file),
    layout: layout.layout,
    columns: overrides,
  });
  const { spendImport } = prepared;
  if (!prepared.ok) {
    const list = prepared.problems.map(([key, message]) => `  ${key}: ${message}`).join('\n');
    fail(
      `Cannot import ${spendImport.fileName}:\n${list}\nThe file's columns are: ${spendImport.columns.join(', ')}\nChoose them with --column <field>="<header>".`,
      EXIT.data,
    );
  }
  const { chosen, source: from } = prepared;
  const id = spendImport.id;
  process.stdout.write(
    `Importing ${spendImport.fileName} for ${spendImport.publisherName} with the ${from === 'remembered' ? 'columns remembered for the publisher' : from === 'chosen' ? 'columns chosen' : 'columns guessed from the headers'}:\n`,
  );
  for (const f of fields) if (chosen[f.key]) process.stdout.write(`  ${f.label}: ${chosen[f.key]}\n`);

  const tty = process.stdout.isTTY === true;
  const bar = new cliProgress.SingleBar(
    { format: '  {bar} {percentage}% | {value}/{total} lines | {rows} rows a second', hideCursor: true },
    cliProgress.Presets.shades_classic,
  );
  const started = performance.now();
  if (tty) bar.start(layout.layout.lines, 0, { rows: 0 });
  const result = await importSpend(db, actor, id, source, {
    databaseKind: database.kind,
    ...(rowsPerBatch ? { rowsPerBatch } : {}),
    afterBatch: ({ batch, rowsRead }) => {
      const rate = Math.round(rowsRead / ((performance.now() - started) / 1000));
      if (tty) bar.update(Math.min(rowsRead, layout.layout.lines), { rows: rate.toLocaleString('en-GB') });
      else process.stdout.write(`batch ${batch} written: ${rowsRead} rows read\n`);
    },
  });
  if (tty) bar.stop();
  switch (result.status) {
    case 'imported':
      process.stdout.write(
        `Imported ${result.rowsImported.toLocaleString('en-GB')} rows (${formatPounds(result.totalPence)}); ` +
          `${result.rowsDuplicate.toLocaleString('en-GB')} already imported, ${result.rowsRedacted.toLocaleString('en-GB')} redacted.\n`,
      );
      return 0;
    case 'already-imported':
      process.stdout.write(`${spendImport.fileName} has already been imported for ${spendImport.publisherName}: nothing to do.\n`);
      return 0;
    case 'failed':
      fail(result.problem, EXIT.data);
      break;
    default:
      fail(`Another import for ${spendImport.publisherName} is under way. Wait for it to finish.`, EXIT.unavailable);
  }
  return 0;
}

async function main(): Promise<void> {
  let parsed;
  try {
    parsed = parseArgs({
      allowPositionals: true,
      options: {
        publisher: { type: 'string' },
        kind: { type: 'string', default: 'spend' },
        column: { type: 'string', multiple: true, default: [] },
        'rows-per-batch': { type: 'string' },
        help: { type: 'boolean' },
      },
    });
  } catch (error) {
    fail(`${(error as Error).message}\n\n${USAGE}`, EXIT.usage);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const [file] = positionals;
  if (!file || positionals.length > 1) fail(`Give one file to import.\n\n${USAGE}`, EXIT.usage);
  if (!values.publisher?.trim()) fail(`Give the publisher's name with --publisher.\n\n${USAGE}`, EXIT.usage);
  const kind = spendKinds.find((k) => k === values.kind);
  if (!kind) fail(`--kind must be spend or grants.\n\n${USAGE}`, EXIT.usage);
  const rowsPerBatch = values['rows-per-batch'] ? Number(values['rows-per-batch']) : undefined;
  if (rowsPerBatch !== undefined && !(Number.isInteger(rowsPerBatch) && rowsPerBatch > 0)) fail('--rows-per-batch must be a whole number', EXIT.usage);

  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) fail(error.message, EXIT.config);
    throw error;
  }
  let database: Database;
  try {
    database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  } catch (error) {
    fail(
      error instanceof DataFolderInUseError ? error.message : `Could not open the database: ${(error as Error).message}`,
      error instanceof DataFolderInUseError ? EXIT.inUse : EXIT.unavailable,
    );
  }
  try {
    process.exitCode = await run(database, file, values.publisher!.trim(), kind, values.column ?? [], rowsPerBatch);
  } finally {
    await database.close();
  }
}

try {
  await main();
} catch (error) {
  if (!(error instanceof Stop)) throw error;
  process.stderr.write(`${error.message}\n`);
  process.exitCode = error.code;
}
