// Overload: 200 connections at once on a signed-in page of the service on the embedded database, for a bounded time,
// with load shedding as configured by default and, as the baseline in the same run, with it turned off. Loopback only.
// Run on its own after `npm run build` with `node bench/overload.js` (BENCH_OVERLOAD_SECONDS, default 20).
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { openDatabase } from '../dist/db/client.js';
import { seedIfEmpty } from '../dist/seed/demo.js';
import { signInCookie } from './pages.js';

const CONNECTIONS = 200;
/** A client gives up on an answer after this long, and counts a time-out. */
const CLIENT_TIMEOUT_SECONDS = 10;
const PAGE = '/contracts';
const USER = 'officer@council.example';

async function startApp(dataDir, env) {
  const child = spawn(process.execPath, ['bench/servers.js', 'app', dataDir], { stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, ...env } });
  const line = await new Promise((resolve, reject) => {
    readline.createInterface({ input: child.stdout }).once('line', resolve);
    child.once('exit', (code) => reject(new Error(`the service exited with ${code}`)));
  });
  return { child, base: `http://127.0.0.1:${JSON.parse(line).port}` };
}

async function stop(child) {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

async function hammer(base, cookie, seconds) {
  const result = await autocannon({
    url: base + PAGE,
    headers: { cookie },
    connections: CONNECTIONS,
    duration: seconds,
    timeout: CLIENT_TIMEOUT_SECONDS,
  });
  return {
    p50: result.latency.p50,
    p99: result.latency.p99,
    served: result['2xx'],
    busy: result.statusCodeStats?.['503']?.count ?? 0,
    otherErrors: result.non2xx - (result.statusCodeStats?.['503']?.count ?? 0),
    timeouts: result.timeouts,
  };
}

/** Runs both configurations one after the other on one seeded data folder; returns their figures. */
export async function overloadBenchmark({ seconds = Number(process.env.BENCH_OVERLOAD_SECONDS ?? 20) } = {}) {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'sv-bench-overload-'));
  try {
    const database = await openDatabase({ dataDir });
    await seedIfEmpty(database.db);
    await database.close();
    const runs = [];
    for (const [label, env] of [
      ['no load shedding (baseline)', { LOAD_SHED_DATABASE_QUEUE: '0', LOAD_SHED_EVENT_LOOP_DELAY_MS: '0' }],
      ['load shedding (default settings)', {}],
    ]) {
      const { child, base } = await startApp(dataDir, env);
      try {
        const cookie = await signInCookie(base, USER);
        await autocannon({ url: base + PAGE, headers: { cookie }, connections: 8, duration: 2 }); // warm-up
        runs.push({ label, ...(await hammer(base, cookie, seconds)) });
      } finally {
        await stop(child);
      }
    }
    return { seconds, runs };
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

export function overloadLines({ seconds, runs }) {
  const lines = [
    `Overload: ${CONNECTIONS} connections for ${seconds} s on the contracts register, signed in (PGlite; client time-out ${CLIENT_TIMEOUT_SECONDS} s)`,
  ];
  for (const r of runs) {
    lines.push(
      `  ${r.label.padEnd(34)} p50 ${String(r.p50).padStart(6)} ms  p99 ${String(r.p99).padStart(6)} ms  served ${String(r.served).padStart(6)}  503 ${String(r.busy).padStart(6)}  other errors ${r.otherErrors}  client time-outs ${r.timeouts}`,
    );
  }
  const shed = runs[1];
  const met = shed.p99 < 2000 && shed.timeouts === 0;
  lines.push(`  with load shedding, p99 ${shed.p99} ms and ${shed.timeouts} time-outs  target p99 under 2,000 ms and no time-outs ${met ? 'met' : 'NOT MET'}`);
  return lines;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  console.log(overloadLines(await overloadBenchmark()).join('\n'));
}
