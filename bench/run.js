// npm run bench: start-up time, throughput against bare baselines measured in the same run, page weight, and latency
// under overload with and without load shedding.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { startServer, stop } from './child-server.js';
import { measureRps } from './load.js';
import { benchPages, signInCookie } from './pages.js';

const seconds = Number(process.env.BENCH_SECONDS ?? 3);
const ROUNDS = 3;
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'sv-bench-'));
const results = [];

function freePort() {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

function get(url, headers = {}) {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers }, (response) => {
        const chunks = [];
        response.on('data', (c) => chunks.push(c));
        response.on('end', () => resolve({ status: response.statusCode, headers: response.headers, body: Buffer.concat(chunks) }));
      })
      .on('error', reject);
  });
}

/** Spawns `node dist/main.js` and returns the milliseconds from spawn until it first serves the sign-in page. */
async function timeStart() {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(process.execPath, ['dist/main.js'], {
    env: { ...process.env, DATA_DIR: dataDir, PORT: String(port), LOG_LEVEL: 'silent', NODE_ENV: 'development' },
    stdio: 'ignore',
  });
  for (;;) {
    const response = await get(`http://127.0.0.1:${port}/sign-in`).catch(() => null);
    if (response?.status === 200) break;
    if (child.exitCode !== null) throw new Error('the service stopped while starting');
    await new Promise((r) => setTimeout(r, 5));
  }
  const ms = performance.now() - started;
  await stop(child);
  return ms;
}

async function rpsOf(args, pagePath = '/', headers = {}) {
  const { child, base } = await startServer(args);
  try {
    return await measureRps(base + pagePath, { seconds, headers });
  } finally {
    await stop(child);
  }
}

/** Bytes transferred (compressed) by a first visit to a page: the HTML and every asset it loads, with module imports. */
async function firstVisitBytes(base, pagePath) {
  const accept = { 'accept-encoding': 'br, gzip' };
  const page = await get(base + pagePath, accept);
  let total = page.body.length;
  const html = page.body.toString('latin1');
  const queue = [...html.matchAll(/(?:href|src)="(\/assets\/[^"]+)"/g)].map((m) => m[1]);
  const seen = new Set();
  const plain = (response) => (response.headers['content-encoding'] ? null : response.body.toString());
  while (queue.length) {
    const asset = queue.shift();
    if (seen.has(asset)) continue;
    seen.add(asset);
    const response = await get(base + asset, accept);
    total += response.body.length;
    if (asset.endsWith('.mjs') || asset.endsWith('.js')) {
      const source = plain(response) ?? (await get(base + asset)).body.toString();
      for (const m of source.matchAll(/import[^'"]*['"]\.\/([^'"]+)['"]/g)) queue.push(path.posix.join(path.posix.dirname(asset), m[1]));
    }
  }
  return { bytes: total, files: seen.size + 1 };
}

try {
  console.log('Social value service benchmarks (each figure measured in this run, on this machine)\n');
  await timeStart(); // first start: creates the database and loads the demo data
  const starts = [];
  for (let i = 0; i < 3; i++) starts.push(await timeStart());
  starts.sort((a, b) => a - b);
  results.push(['Start-up to first page served (PGlite, warm disk; median of 3)', `${Math.round(starts[1])} ms`, 'under 2,000 ms', starts[1] < 2000]);

  const hello = await rpsOf(['bare-hello']);
  results.push(['Bare Fastify "hello" route (reference)', `${Math.round(hello)} req/s`, '', null]);

  // The service and the bare baseline run side by side and are measured in turn, round after round, so that a
  // busy machine slows both alike; the figure is the median round.
  for (const [name, page] of Object.entries(benchPages)) {
    const bare = await startServer(['bare-template', name, dataDir]); // it reads the data folder and lets it go before it listens
    const app = await startServer(['app', dataDir]);
    const rounds = [];
    try {
      const headers = page.user ? { cookie: await signInCookie(app.base, page.user.email) } : {};
      const appPath = await page.appPath(app.base, headers);
      for (let round = 0; round < ROUNDS; round++) {
        const warmupSeconds = round === 0 ? 2 : 0.5;
        const bareRps = await measureRps(`${bare.base}/`, { seconds, warmupSeconds });
        const fullRps = await measureRps(app.base + appPath, { seconds, warmupSeconds, headers });
        rounds.push({ bareRps, fullRps, ratio: fullRps / bareRps });
      }
    } finally {
      await stop(app.child);
      await stop(bare.child);
    }
    const { bareRps, fullRps, ratio } = rounds.sort((a, b) => a.ratio - b.ratio)[Math.floor(ROUNDS / 2)];
    results.push([
      `${page.label}: service vs same template on bare Fastify (median of ${ROUNDS} rounds)`,
      `${Math.round(fullRps)} / ${Math.round(bareRps)} req/s = ${ratio.toFixed(2)}`,
      'at least 0.70',
      ratio >= 0.7,
    ]);
  }

  const { child, base } = await startServer(['app', dataDir]);
  try {
    const { bytes, files } = await firstVisitBytes(base, '/');
    results.push([`First visit to the home page (${files} files, compressed)`, `${(bytes / 1024).toFixed(1)} KB`, 'under 100 KB', bytes < 100 * 1024]);
  } finally {
    await stop(child);
  }
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}

const width = Math.max(...results.map((r) => r[0].length));
for (const [label, value, target, met] of results) {
  const verdict = met === null ? '' : met ? 'met' : 'NOT MET';
  console.log(`${label.padEnd(width)}  ${value.padEnd(28)} ${target ? `target ${target}` : ''} ${verdict}`);
}

// In-process page timings against one query reading the same rows, then the upload's memory in its own process.
const { scoringBenchmark } = await import('./scoring.js');
const { contractPageBenchmark } = await import('./contract-page.js');
const { evidenceUploadBenchmark } = await import('./evidence-upload.js');
const ratioLine = (label, { pageMs, baselineMs, ratio }) =>
  `${label} (median server time): ${pageMs.toFixed(1)} ms vs one query reading the same rows ${baselineMs.toFixed(1)} ms = ${ratio.toFixed(2)}x  target at most 3x ${ratio <= 3 ? 'met' : 'NOT MET'}`;
console.log(`\n${ratioLine('Scoring page, 50 bids x 30 measures x 5 evaluators', await scoringBenchmark())}`);
console.log(ratioLine('Contract page, 30 commitments x 5 years of quarterly reports', await contractPageBenchmark()));
const { overloadBenchmark, overloadLines } = await import('./overload.js');
console.log(overloadLines(await overloadBenchmark()).join('\n'));
const upload = await evidenceUploadBenchmark();
console.log(
  `Evidence upload, ${upload.files} files of ${upload.fileMb} MB in one request, ${upload.runs} times in a row: the service's memory grew at most ${upload.growthMb.toFixed(1)} MB (from ${upload.beforeMb.toFixed(0)} MB)  target under 64 MB ${upload.growthMb < 64 ? 'met' : 'NOT MET'}`,
);
const { summaryPagesBenchmark } = await import('./summary-pages.js');
for (const line of await summaryPagesBenchmark()) console.log(line);
const { exportsBenchmark } = await import('./exports.js');
for (const line of await exportsBenchmark()) console.log(line);
console.log('');
const { spendImportBenchmark } = await import('./spend-import.js');
for (const line of await spendImportBenchmark()) console.log(line);
console.log('');
const { caseStudySearchBenchmark } = await import('./case-study-search.js');
for (const line of await caseStudySearchBenchmark()) console.log(line);
