// Overload: 200 connections at once on a signed-in page, for a bounded time, on the embedded database (PGlite) and
// on PostgreSQL (when a server answers at BENCH_POSTGRES_URL, see bench/postgres.js), each with load shedding off
// and with its default settings, one after the other on the same seeded data. Loopback only.
// For each: p50 and p99 of the answers (autocannon leaves out requests that got none), how many were served, how many
// were refused with 503, and how many waited past the client's 10 s time-out. Target with load shedding: p99 under
// 2 s and no request waiting past 10 s, the excess refused with 503 instead.
// Run on its own after `npm run build` with `nice -n 19 node bench/overload.js` (BENCH_OVERLOAD_SECONDS, default 20).
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { openDatabase } from '../dist/db/client.js';
import { seedIfEmpty } from '../dist/seed/demo.js';
import { startServer, stop } from './child-server.js';
import { signInCookie } from './pages.js';
import { postgresReachable, withScratchDatabase } from './postgres.js';

const CONNECTIONS = 200;
/** A client gives up on an answer after this long, and counts a time-out: a request that waited more than 10 s. */
const CLIENT_TIMEOUT_SECONDS = 10;
const PAGE = '/contracts';
const USER = 'officer@council.example';
const TARGET_P99_MS = 2000;
const SHEDDING = [
  ['no load shedding', { LOAD_SHED_DATABASE_QUEUE: '0', LOAD_SHED_EVENT_LOOP_DELAY_MS: '0' }],
  ['load shedding (defaults)', {}],
];

async function seeded(where) {
  const database = await openDatabase(where.startsWith('postgres') ? { databaseUrl: where } : { dataDir: where });
  try {
    await seedIfEmpty(database.db);
  } finally {
    await database.close();
  }
}

/** Signs in, trying again while the service is still busy from starting (a refused sign-in is a 503). */
async function signIn(base) {
  for (let attempt = 1; ; attempt++) {
    try {
      return await signInCookie(base, USER);
    } catch (error) {
      if (attempt === 10) throw error;
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
  }
}

async function hammer(where, env, seconds) {
  const { child, base } = await startServer(['app', where], env);
  try {
    const cookie = await signIn(base);
    await autocannon({ url: base + PAGE, headers: { cookie }, connections: 8, duration: 2 }); // warm-up
    const result = await autocannon({ url: base + PAGE, headers: { cookie }, connections: CONNECTIONS, duration: seconds, timeout: CLIENT_TIMEOUT_SECONDS });
    const busy = result.statusCodeStats?.['503']?.count ?? 0;
    return {
      p50: result.latency.p50,
      p99: result.latency.p99,
      served: result['2xx'],
      busy,
      otherErrors: result.non2xx - busy,
      timeouts: result.timeouts,
    };
  } finally {
    await stop(child);
  }
}

async function runsOn(database, where, seconds) {
  const runs = [];
  for (const [label, env] of SHEDDING) runs.push({ database, label, shedding: Object.keys(env).length === 0, ...(await hammer(where, env, seconds)) });
  return runs;
}

/** Both configurations on PGlite, then on PostgreSQL when a server answers; returns their figures. */
export async function overloadBenchmark({ seconds = Number(process.env.BENCH_OVERLOAD_SECONDS ?? 20) } = {}) {
  const loadBefore = os.loadavg()[0];
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'sv-bench-overload-'));
  const runs = [];
  try {
    await seeded(dataDir);
    runs.push(...(await runsOn('PGlite', dataDir, seconds)));
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
  const postgres = await postgresReachable();
  if (postgres) {
    await withScratchDatabase('sv_bench_overload', async (url) => {
      await seeded(url);
      runs.push(...(await runsOn('PostgreSQL', url, seconds)));
    });
  }
  return { seconds, runs, postgres, load: [loadBefore, os.loadavg()[0]] };
}

export function overloadLines({ seconds, runs, postgres, load }) {
  const lines = [
    `Overload: ${CONNECTIONS} connections for ${seconds} s on the contracts register, signed in (client time-out ${CLIENT_TIMEOUT_SECONDS} s; load average ${load.map((l) => l.toFixed(1)).join(' to ')})`,
  ];
  const pad = (value, width) => String(value).padStart(width);
  for (const r of runs) {
    lines.push(
      `  ${r.database.padEnd(10)} ${r.label.padEnd(24)}  p50 ${pad(r.p50, 5)} ms  p99 ${pad(r.p99, 5)} ms  served ${pad(r.served, 6)}  503 ${pad(r.busy, 6)}  ` +
        `waited > ${CLIENT_TIMEOUT_SECONDS} s ${pad(r.timeouts, 4)}  other errors ${r.otherErrors}`,
    );
  }
  if (!postgres) lines.push('  PostgreSQL: skipped (no server answers at BENCH_POSTGRES_URL)');
  for (const r of runs.filter((run) => run.shedding)) {
    const met = r.p99 < TARGET_P99_MS && r.timeouts === 0 && r.busy > 0;
    lines.push(
      `  ${r.database} with load shedding: p99 ${r.p99} ms, ${r.timeouts} waited > ${CLIENT_TIMEOUT_SECONDS} s, ${r.busy} refused with 503  ` +
        `target p99 under ${TARGET_P99_MS} ms, none waiting > ${CLIENT_TIMEOUT_SECONDS} s, the excess refused ${met ? 'met' : 'NOT MET'}`,
    );
  }
  return lines;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  console.log(overloadLines(await overloadBenchmark()).join('\n'));
}
