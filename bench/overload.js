// Overload: 200 connections at once on a signed-in page of the service on the embedded database, for a bounded time,
// with load shedding as configured by default and, as the baseline in the same run, with it turned off. Loopback only.
// The bound p99 is checked against comes from the same run: with shedding, no more requests are let in than the
// database's connections plus LOAD_SHED_DATABASE_QUEUE (1 + 10 on PGlite), so an admitted request waits behind at most
// that many others: p99 at most (admitted + 1) x the page's p50 with one connection, twice that for the cost of
// refusing the rest. Without shedding every connection waits behind all the others, so p99 grows with the connections.
// Run on its own after `npm run build` with `node bench/overload.js` (BENCH_OVERLOAD_SECONDS, default 20).
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { openDatabase } from '../dist/db/client.js';
import { seedIfEmpty } from '../dist/seed/demo.js';
import { startServer, stop } from './child-server.js';
import { signInCookie } from './pages.js';

const CONNECTIONS = 200;
/** A client gives up on an answer after this long, and counts a time-out. */
const CLIENT_TIMEOUT_SECONDS = 10;
const PAGE = '/contracts';
const USER = 'officer@council.example';
/** The embedded database's connections, and the default LOAD_SHED_DATABASE_QUEUE (src/config.ts). */
const ADMITTED = 1 + 10;

async function hammer(base, cookie, seconds, connections = CONNECTIONS) {
  const result = await autocannon({
    url: base + PAGE,
    headers: { cookie },
    connections,
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
    let alone;
    for (const [label, env] of [
      ['no load shedding (baseline)', { LOAD_SHED_DATABASE_QUEUE: '0', LOAD_SHED_EVENT_LOOP_DELAY_MS: '0' }],
      ['load shedding (default settings)', {}],
    ]) {
      const { child, base } = await startServer(['app', dataDir], env);
      try {
        const cookie = await signInCookie(base, USER);
        await autocannon({ url: base + PAGE, headers: { cookie }, connections: 8, duration: 2 }); // warm-up
        // the page's own time, one request at a time, measured with the default settings, before the overload
        if (!Object.keys(env).length) alone = await hammer(base, cookie, Math.max(3, seconds / 4), 1);
        runs.push({ label, ...(await hammer(base, cookie, seconds)) });
      } finally {
        await stop(child);
      }
    }
    return { seconds, alone, runs, loadAverage: os.loadavg()[0] };
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

export function overloadLines({ seconds, alone, runs, loadAverage }) {
  const lines = [
    `Overload: ${CONNECTIONS} connections for ${seconds} s on the contracts register, signed in (PGlite; client time-out ${CLIENT_TIMEOUT_SECONDS} s; load average ${loadAverage.toFixed(2)})`,
    `  one connection at a time (the page's own time)   p50 ${String(alone.p50).padStart(6)} ms  p99 ${String(alone.p99).padStart(6)} ms`,
  ];
  for (const r of runs) {
    lines.push(
      `  ${r.label.padEnd(34)} p50 ${String(r.p50).padStart(6)} ms  p99 ${String(r.p99).padStart(6)} ms  served ${String(r.served).padStart(6)}  503 ${String(r.busy).padStart(6)}  other errors ${r.otherErrors}  client time-outs ${r.timeouts}`,
    );
  }
  const [unshed, shed] = runs;
  const bound = 2 * (ADMITTED + 1) * Math.max(1, alone.p50);
  const met = shed.p99 <= bound && shed.timeouts === 0;
  lines.push(
    `  p99 without shedding / with shedding = ${unshed.p99} / ${shed.p99} ms = ${(unshed.p99 / Math.max(1, shed.p99)).toFixed(1)}x; ` +
      `with shedding, p99 ${shed.p99} ms and ${shed.timeouts} time-outs  target p99 at most 2 x (${ADMITTED} admitted + 1) x ${alone.p50} ms = ${bound} ms and no time-outs ${met ? 'met' : 'NOT MET'}`,
  );
  return lines;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  console.log(overloadLines(await overloadBenchmark()).join('\n'));
}
