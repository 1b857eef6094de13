import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { openDatabase, type Database } from '../../src/db/client.js';
import { spendImports } from '../../src/db/schema/index.js';
import { noSpendFilter, spendTotals } from '../../src/features/spend/figures.js';
import { CUT_SHORT, undoUnfinishedSpendImports } from '../../src/features/spend/undo-spend-import.js';
import { projectRoot } from '../../src/platform/paths.js';
import { buildIfStale } from '../helpers/build.js';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../helpers/databases.js';
import { fileRecords, paymentCount, spendFile } from './spend-fixtures.js';

const cliJs = path.join(projectRoot, 'dist/features/spend/import-cli.js');
const LEEDS = spendFile('leeds-spend-2020-06-raw.csv');

/** Runs the command line import as its own process; `until` resolves once its output says so. */
function runImport(env: Record<string, string>) {
  const child = spawn(process.execPath, [cliJs, LEEDS, '--publisher', 'Leeds City Council', '--rows-per-batch', '1000'], {
    env: { PATH: process.env.PATH, LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const waiting: { text: string; resolve: () => void }[] = [];
  const onData = (data: Buffer) => {
    output += data.toString();
    for (const w of waiting) if (output.includes(w.text)) w.resolve();
  };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return {
    child,
    exited,
    output: () => output,
    until: (text: string) => new Promise<void>((resolve) => (output.includes(text) ? resolve() : waiting.push({ text, resolve }))),
  };
}

describe.each(databaseKinds)('a command line import killed part way on %s', (kind) => {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'sv-spend-crash-'));
  let testDb: TestDatabase | undefined;
  afterAll(async () => {
    await testDb?.drop();
    rmSync(folder, { recursive: true, force: true });
  });

  /** The database the command uses: a PostgreSQL test database, or an embedded one in a data folder. */
  async function target(): Promise<{ env: Record<string, string>; open: () => Promise<Database> }> {
    if (kind === 'postgres') {
      testDb = await createTestDatabase('postgres');
      const url = testDb.url!;
      return { env: { DATABASE_URL: url }, open: () => openDatabase({ databaseUrl: url, poolSize: 2, migrate: false }) };
    }
    const dataDir = path.join(folder, 'data');
    // The killed process leaves its lock on the folder until it goes stale: wait for it, as the service's message says.
    const open = () => vi.waitFor(() => openDatabase({ dataDir, migrate: false }), { timeout: 300_000, interval: 1000 });
    return { env: { DATA_DIR: dataDir }, open };
  }

  it('leaves nothing counted, is undone at the next start, and then imports whole', async () => {
    buildIfStale(cliJs);
    const { env, open } = await target();
    const first = runImport(env);
    await first.until('batch 3 written');
    first.child.kill('SIGKILL');
    await first.exited;

    let database = await open();
    try {
      const [cut] = await database.db.select().from(spendImports);
      expect(cut).toMatchObject({ status: 'importing' });
      // Batches were written, but none of it is in the figures: they take an import in only when it is whole.
      expect(await paymentCount(database.db, cut!.id)).toBeGreaterThanOrEqual(3000);
      expect(await spendTotals(database.db, noSpendFilter)).toMatchObject({ pence: 0, payments: 0 });
      // What the service and the command do when they start (on the embedded database no other process can be importing).
      expect(await undoUnfinishedSpendImports(database.db, { leaseMs: 0 })).toBe(1);
      expect(await paymentCount(database.db)).toBe(0);
      const [undone] = await database.db.select().from(spendImports).where(eq(spendImports.id, cut!.id));
      expect(undone).toMatchObject({ status: 'failed', problem: CUT_SHORT });
    } finally {
      await database.close();
    }

    const second = runImport(env);
    expect(await second.exited).toBe(0);
    const rows = fileRecords(LEEDS).length;
    expect(second.output()).toContain(`Imported ${rows.toLocaleString('en-GB')} rows`);
    database = await open();
    try {
      expect(await paymentCount(database.db)).toBe(rows);
      expect((await spendTotals(database.db, noSpendFilter)).payments).toBe(rows);
    } finally {
      await database.close();
    }
  });
});
