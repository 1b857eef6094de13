// Overload: 200 connections at once on a signed-in page of the service on the embedded database, for a bounded time,
// with load shedding as configured by default and, as the baseline in the same run, with it turned off. Loopback only.
// Bounded means that p99 with load shedding does not grow with the connections: it is measured at 50 and at 200
// connections, and the target is that four times the connections at most double p99 (without shedding, every
// connection waits behind all the others, so p99 grows with them), with no client time-outs.
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
const FEWER = 50;

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
    for (const [label, env, connections] of [
      ['no load shedding (baseline)', { LOAD_SHED_DATABASE_QUEUE: '0', LOAD_SHED_EVENT_LOOP_DELAY_MS: '0' }, CONNECTIONS],
      ['load shedding (default settings)', {}, FEWER],
      ['load shedding (default settings)', {}, CONNECTIONS],
    ]) {
      const { child, base } = await startServer(['app', dataDir], env);
      try {
        const cookie = await signInCookie(base, USER);
        await autocannon({ url: base + PAGE, headers: { cookie }, connections: 8, duration: 2 }); // warm-up
        runs.push({ label, connections, ...(await hammer(base, cookie, seconds, connections)) });
      } finally {
        await stop(child);
      }
    }
    return { seconds, runs, loadAverage: os.loadavg()[0] };
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

export function overloadLines({ seconds, runs, loadAverage }) {
  const lines = [
    `Overload: ${CONNECTIONS} connections for ${seconds} s on the contracts register, signed in (PGlite; client time-out ${CLIENT_TIMEOUT_SECONDS} s; load average ${loadAverage.toFixed(2)})`,
  ];
  for (const r of runs) {
    lines.push(
      `  ${r.label.padEnd(34)} ${String(r.connections).padStart(3)} connections  p50 ${String(r.p50).padStart(6)} ms  p99 ${String(r.p99).padStart(6)} ms  served ${String(r.served).padStart(6)}  503 ${String(r.busy).padStart(6)}  other errors ${r.otherErrors}  client time-outs ${r.timeouts}`,
    );
  }
  const [unshed, fewer, shed] = runs;
  const growth = shed.p99 / Math.max(1, fewer.p99);
  const met = growth <= 2 && shed.timeouts === 0;
  lines.push(
    `  at ${CONNECTIONS} connections, p99 without shedding / with shedding = ${unshed.p99} / ${shed.p99} ms = ${(unshed.p99 / Math.max(1, shed.p99)).toFixed(1)}x`,
  );
  lines.push(
    `  with shedding, p99 at ${CONNECTIONS} / at ${FEWER} connections = ${shed.p99} / ${fewer.p99} ms = ${growth.toFixed(2)}, ${shed.timeouts} time-outs  ` +
      `target at most 2 and no time-outs ${met ? 'met' : 'NOT MET'}`,
  );
  return lines;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  console.log(overloadLines(await overloadBenchmark()).join('\n'));
}
