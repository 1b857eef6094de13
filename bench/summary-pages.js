// The dashboard, the public summary (/transparency) and the API's summary (/api/v1/summary) must not grow with the
// data: their server time (p50 / p95, in-process) on 200,000 and on 2,000,000 verified lines, each against the same
// page from fixed figures with no database (the figures read once, then on every request made into the page by the
// same view code and template, or sent through the same response schema, on a bare Fastify route with no plugins and
// no session). The two data sets and their baselines are asked in turn, a request each, in the same run.
//   BENCH_DATA_SMALL / BENCH_DATA_COUNTY: a postgres:// URL or a PGlite data folder holding the data of
//   `npm run seed:large -- --size small` and `--size county`. A folder that does not exist is generated first
//   (PGlite: several minutes for small, much longer for county).
// Run alone after `npm run build` with `node bench/summary-pages.js`.
import { existsSync } from 'node:fs';
import os from 'node:os';
import Fastify from 'fastify';
import { buildApp } from '../dist/app.js';
import { loadConfig } from '../dist/config.js';
import { openDatabase } from '../dist/db/client.js';
import { todayIso } from '../dist/domain/dates.js';
import { summaryFigures, summarySchema } from '../dist/features/api/summary.js';
import { dashboardView } from '../dist/features/dashboard/dashboard-view.js';
import { loadDashboard } from '../dist/features/dashboard/load-dashboard.js';
import { summaryChoices } from '../dist/features/summaries/read.js';
import { overviewFigures } from '../dist/features/transparency/overview.js';
import { publicRenderer } from '../dist/features/transparency/public-views.js';
import { navigationFor } from '../dist/platform/navigation.js';
import { createViewEnvironment } from '../dist/platform/views.js';
import { signedInCookie } from './in-process.js';
import { generateLarge } from './seed-large.js';

const REQUESTS = Number(process.env.BENCH_SUMMARY_REQUESTS ?? 200);
const percentile = (times, p) => [...times].sort((a, b) => a - b)[Math.min(times.length - 1, Math.floor(times.length * p))];
const noFilter = { outcomeCode: null, district: null, directorate: null, from: null, to: null };
const noValues = { outcomeCode: '', district: '', directorate: '', from: '', to: '' };
const HTML = 'text/html; charset=utf-8';

export const dataSets = () => ({
  small: process.env.BENCH_DATA_SMALL ?? '.data/bench-small',
  county: process.env.BENCH_DATA_COUNTY ?? '.data/bench-county',
});
export const kindOf = (where) => (where.startsWith('postgres') ? 'PostgreSQL' : 'PGlite');

/** Opens a data set, generating it first when it is a PGlite folder that does not exist yet. */
export async function openDataSet(where, size) {
  if (where.startsWith('postgres')) return openDatabase({ databaseUrl: where });
  const fresh = !existsSync(where);
  const database = await openDatabase({ dataDir: where });
  if (fresh) {
    console.log(`Generating the ${size} data set in ${where} (once)...`);
    await generateLarge(database, size);
  }
  return database;
}

/** The same three answers from fixed figures (read once, now): a bare Fastify app with no plugins and no database. */
async function fixedFiguresApp(db) {
  const app = Fastify();
  const views = createViewEnvironment();
  const user = { id: 'bench', name: 'Owen Hughes', email: 'officer@council.example', roles: ['officer'], organisationId: 'bench' };
  const [figures, choices] = [await loadDashboard(db, noFilter, todayIso()), await summaryChoices(db, 'all')];
  const dashboard = {
    user,
    csrfToken: 'x'.repeat(52),
    navigation: navigationFor(user, '/dashboard'),
    requestId: 'bench',
  };
  const overview = { pageTitle: 'Social value of our contracts', ...(await overviewFigures(db)) };
  const render = publicRenderer();
  const summary = await summaryFigures(db, 'published', {});
  // each renders or serialises on every request, as the service does; only the figures are fixed
  app.get('/dashboard', (_request, reply) =>
    reply.type(HTML).send(views.render('dashboard/views/dashboard.njk', { ...dashboardView(figures, noFilter, noValues, choices), ...dashboard })),
  );
  app.get('/transparency', (_request, reply) => reply.type(HTML).send(render('transparency/views/overview.njk', '/transparency', overview)));
  app.get('/api/v1/summary', { schema: { response: { 200: summarySchema } } }, async () => summary);
  await app.ready();
  return app;
}

export const summaryPages = [
  { label: 'Dashboard', url: '/dashboard', signedIn: true },
  { label: 'Public summary (/transparency)', url: '/transparency', signedIn: false },
  { label: 'API summary (/api/v1/summary)', url: '/api/v1/summary', signedIn: false },
];

/** The service and its fixed-figures twin on one data set, ready to answer. */
async function servers(where, size) {
  const database = await openDataSet(where, size);
  // the API's limit per address would refuse a benchmark's hundreds of requests a minute, and a shared machine's
  // stall would have a request refused as busy: this measures the pages, not the limits
  const config = loadConfig({ LOG_LEVEL: 'silent', API_RATE_LIMIT: '1000000', LOAD_SHED_EVENT_LOOP_DELAY_MS: '0' });
  const app = await buildApp({ config, database, mailer: { send: async () => undefined } }, { logger: false });
  await app.ready();
  const cookie = await signedInCookie(app, 'officer@council.example');
  const bare = await fixedFiguresApp(database.db);
  return {
    app,
    bare,
    cookie,
    close: async () => {
      await bare.close();
      await app.close();
      await database.close();
    },
  };
}

/**
 * p50 / p95 of each page and of its fixed-figures baseline on both data sets, in ms: the four are asked in turn, one
 * request each, so that a stall of a shared machine falls on all of them alike rather than on one data set's run.
 */
async function measure(sets) {
  const results = sets.map(() => ({}));
  for (const { label, url, signedIn } of summaryPages) {
    const runs = sets.flatMap((set, index) =>
      ['page', 'baseline'].map((key) => {
        const target = key === 'page' ? set.app : set.bare;
        const headers = signedIn ? { cookie: set.cookie } : {};
        return { index, key, times: [], ask: () => target.inject({ url, headers }) };
      }),
    );
    const ask = async (run) => {
      const response = await run.ask();
      if (response.statusCode !== 200) throw new Error(`${url} answered ${response.statusCode}`);
    };
    for (let i = 0; i < 20; i++) for (const run of runs) await ask(run);
    for (let i = 0; i < REQUESTS; i++) {
      for (const run of runs) {
        const started = performance.now();
        await ask(run);
        run.times.push(performance.now() - started);
      }
    }
    for (const run of runs) {
      const prefix = run.key === 'page' ? '' : 'baseline';
      const name = (p) => (prefix ? `${prefix}P${p}` : `p${p}`);
      results[run.index][label] = { ...results[run.index][label], [name(50)]: percentile(run.times, 0.5), [name(95)]: percentile(run.times, 0.95) };
    }
  }
  return results;
}

export async function summaryPagesBenchmark() {
  const { small, county } = dataSets();
  const load = () => `load average ${os.loadavg()[0].toFixed(2)}`;
  const sets = [await servers(small, 'small'), await servers(county, 'county')];
  const lines = [
    `Summary pages, ${REQUESTS} requests each, in-process, the two data sets and their fixed-figures baselines asked in turn (${load()} at the start)`,
  ];
  let a;
  let b;
  try {
    [a, b] = await measure(sets);
  } finally {
    for (const set of sets) await set.close();
  }
  const ms = (n) => `${n.toFixed(1)} ms`;
  for (const { label } of summaryPages) {
    const [s, c] = [a[label], b[label]];
    lines.push(`${label}`);
    lines.push(
      `  200,000 lines (${kindOf(small)}):   p50 ${ms(s.p50)}, p95 ${ms(s.p95)}; fixed figures, no database: p50 ${ms(s.baselineP50)}, p95 ${ms(s.baselineP95)}`,
    );
    lines.push(
      `  2,000,000 lines (${kindOf(county)}): p50 ${ms(c.p50)}, p95 ${ms(c.p95)}; fixed figures, no database: p50 ${ms(c.baselineP50)}, p95 ${ms(c.baselineP95)}`,
    );
    const growth = c.p95 / s.p95;
    lines.push(`  p95 on 2,000,000 lines / on 200,000 lines = ${growth.toFixed(2)}  target under 1.3 ${growth < 1.3 ? 'met' : 'NOT MET'}`);
    const over = c.p95 / c.baselineP95;
    lines.push(`  p95 on 2,000,000 lines / the same page from fixed figures = ${over.toFixed(2)}x  target at most 2x ${over <= 2 ? 'met' : 'NOT MET'}`);
  }
  lines.push(`(${load()} at the end)`);
  return lines;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const line of await summaryPagesBenchmark()) console.log(line);
}
