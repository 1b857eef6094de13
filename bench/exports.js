// The whole-dataset downloads stream: the OCDS package of every published contract (/transparency/ocds.json) and the
// staff CSV of every delivered line (/database/delivery.csv) on the 2,000,000-line data set, each timed, with the
// peak growth of the service's resident memory while it sends (sampled every 10 ms, over its memory after a first
// small request). A download held whole in memory would grow by its size (hundreds of MB).
//   BENCH_DATA_COUNTY: as for bench/summary-pages.js; BENCH_EXPORTS: ocds, csv or both (the default), comma-separated.
// Run alone after `npm run build` with `node bench/exports.js`.
import http from 'node:http';
import os from 'node:os';
import { peakDuring, residentBytes, startServer, stop } from './child-server.js';
import { signInCookie } from './pages.js';
import { dataSets, kindOf, openDataSet } from './summary-pages.js';

const GROWTH_TARGET_MB = 100;

/** Reads a download to its end, counting its bytes and lines (and keeping none of it). */
function download(url, headers) {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers }, (response) => {
        if (response.statusCode !== 200) reject(new Error(`${url} answered ${response.statusCode}`));
        let bytes = 0;
        let lines = 0;
        response.on('data', (chunk) => {
          bytes += chunk.length;
          for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) lines += 1;
        });
        response.on('end', () => resolve({ bytes, lines }));
        response.on('error', reject);
      })
      .on('error', reject);
  });
}

export async function exportsBenchmark() {
  const { county } = dataSets();
  await (await openDataSet(county, 'county')).close(); // generates a missing PGlite folder first
  // not refused as busy when a shared machine stalls the event loop: this measures the downloads, not load shedding
  const { child, base } = await startServer(['app', county], { LOAD_SHED_EVENT_LOOP_DELAY_MS: '0' });
  const lines = [`Whole-dataset downloads on 2,000,000 lines (${kindOf(county)}; load average ${os.loadavg()[0].toFixed(2)} at the start)`];
  try {
    const cookie = await signInCookie(base, 'officer@council.example');
    const mb = (bytes) => (bytes / 1024 / 1024).toFixed(1);
    const downloads = [
      {
        name: 'ocds',
        label: 'OCDS package of every published contract',
        path: '/transparency/ocds.json',
        headers: {},
        count: (d) => `${d.lines - 2} releases`,
      },
      { name: 'csv', label: 'CSV of every delivered line (staff)', path: '/database/delivery.csv', headers: { cookie }, count: (d) => `${d.lines - 1} rows` },
    ];
    const chosen = (process.env.BENCH_EXPORTS ?? 'ocds,csv').split(',');
    for (const { label, path, headers, count } of downloads.filter((d) => chosen.includes(d.name))) {
      // a first small request loads the code on the way; the memory after it is the starting point
      await download(`${base}/transparency`, {});
      const before = residentBytes(child.pid);
      const started = performance.now();
      const { result, peak } = await peakDuring(child.pid, () => download(base + path, headers));
      const seconds = (performance.now() - started) / 1000;
      const growth = (peak - before) / 1024 / 1024;
      lines.push(
        `  ${label}: ${count(result)}, ${mb(result.bytes)} MB in ${seconds.toFixed(0)} s; the service's memory grew at most ${growth.toFixed(1)} MB ` +
          `(from ${mb(before)} MB)  target under ${GROWTH_TARGET_MB} MB ${growth < GROWTH_TARGET_MB ? 'met' : 'NOT MET'}`,
      );
    }
  } finally {
    await stop(child);
  }
  lines.push(`  (load average ${os.loadavg()[0].toFixed(2)} at the end)`);
  return lines;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const line of await exportsBenchmark()) console.log(line);
}
