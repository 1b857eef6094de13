// The dashboard must not grow with the data: its server time (p50 / p95, in-process) on 200,000 and on 2,000,000
// verified lines, and against the same page rendered from fixed figures with no database (the figures read once,
// then only the view and the template), measured in turn in the same run.
//   BENCH_DASHBOARD_SMALL / BENCH_DASHBOARD_COUNTY: a postgres:// URL or a PGlite data folder holding the data of
//   `npm run seed:large -- --size small` and `--size county`. A folder that does not exist is generated first
//   (PGlite: a few minutes for small, much longer for county).
import { existsSync } from 'node:fs';
import { buildApp } from '../dist/app.js';
import { loadConfig } from '../dist/config.js';
import { openDatabase } from '../dist/db/client.js';
import { todayIso } from '../dist/domain/dates.js';
import { dashboardView } from '../dist/features/dashboard/dashboard-view.js';
import { loadDashboard } from '../dist/features/dashboard/load-dashboard.js';
import { summaryChoices } from '../dist/features/summaries/read.js';
import { navigationFor } from '../dist/platform/navigation.js';
import { createViewEnvironment } from '../dist/platform/views.js';
import { signedInCookie } from './in-process.js';
import { generateLarge } from './seed-large.js';

const REQUESTS = Number(process.env.BENCH_DASHBOARD_REQUESTS ?? 200);
const percentile = (times, p) => [...times].sort((a, b) => a - b)[Math.min(times.length - 1, Math.floor(times.length * p))];
const noFilter = { outcomeCode: null, district: null, directorate: null, from: null, to: null };
const noValues = { outcomeCode: '', district: '', directorate: '', from: '', to: '' };

async function open(where, size) {
  if (where.startsWith('postgres')) return openDatabase({ databaseUrl: where });
  const fresh = !existsSync(where);
  const database = await openDatabase({ dataDir: where });
  if (fresh) {
    console.log(`Generating the ${size} data set in ${where} (once)...`);
    await generateLarge(database, size);
  }
  return database;
}

/** p50 / p95 of the dashboard page and of its fixed-figures baseline on one data set, in ms. */
async function measure(where, size) {
  const database = await open(where, size);
  try {
    const config = loadConfig({ LOG_LEVEL: 'silent' });
    const app = await buildApp({ config, database, mailer: { send: async () => undefined } }, { logger: false });
    await app.ready();
    const cookie = await signedInCookie(app, 'officer@council.example');
    const page = async () => {
      const response = await app.inject({ url: '/dashboard', headers: { cookie } });
      if (response.statusCode !== 200) throw new Error(`the dashboard answered ${response.statusCode}`);
    };
    // the baseline: the same page from fixed figures, rendered by the same template, with no database
    const data = await loadDashboard(database.db, noFilter, todayIso());
    const choices = await summaryChoices(database.db, 'all');
    const views = createViewEnvironment();
    const user = { id: 'bench', name: 'Owen Hughes', email: 'officer@council.example', roles: ['officer'], organisationId: 'bench' };
    const baseline = async () =>
      views.render('dashboard/views/dashboard.njk', {
        ...dashboardView(data, noFilter, noValues, choices),
        user,
        csrfToken: 'bench',
        navigation: navigationFor(user, '/dashboard'),
        requestId: 'bench',
      });
    for (let i = 0; i < 20; i++) {
      await page();
      await baseline();
    }
    const times = { page: [], baseline: [] };
    for (let i = 0; i < REQUESTS; i++) {
      for (const [key, fn] of [
        ['page', page],
        ['baseline', baseline],
      ]) {
        const started = performance.now();
        await fn();
        times[key].push(performance.now() - started);
      }
    }
    await app.close();
    return {
      p50: percentile(times.page, 0.5),
      p95: percentile(times.page, 0.95),
      baselineP50: percentile(times.baseline, 0.5),
      baselineP95: percentile(times.baseline, 0.95),
    };
  } finally {
    await database.close();
  }
}

export async function dashboardBenchmark() {
  const small = process.env.BENCH_DASHBOARD_SMALL ?? '.data/bench-dashboard-small';
  const county = process.env.BENCH_DASHBOARD_COUNTY ?? '.data/bench-dashboard-county';
  const kind = (where) => (where.startsWith('postgres') ? 'PostgreSQL' : 'PGlite');
  const lines = [];
  const a = await measure(small, 'small');
  const b = await measure(county, 'county');
  const ms = (n) => `${n.toFixed(1)} ms`;
  lines.push(
    `Dashboard on 200,000 lines (${kind(small)}): p50 ${ms(a.p50)}, p95 ${ms(a.p95)}; fixed figures, no database: p50 ${ms(a.baselineP50)}, p95 ${ms(a.baselineP95)}`,
  );
  lines.push(
    `Dashboard on 2,000,000 lines (${kind(county)}): p50 ${ms(b.p50)}, p95 ${ms(b.p95)}; fixed figures, no database: p50 ${ms(b.baselineP50)}, p95 ${ms(b.baselineP95)}`,
  );
  const growth = b.p95 / a.p95;
  lines.push(`Dashboard p95 on 2,000,000 lines / on 200,000 lines = ${growth.toFixed(2)}  target under 1.3 ${growth < 1.3 ? 'met' : 'NOT MET'}`);
  const overBaseline = b.p95 / b.baselineP95;
  lines.push(
    `Dashboard p95 on 2,000,000 lines / the same page from fixed figures = ${overBaseline.toFixed(2)}x  target at most 2x ${overBaseline <= 2 ? 'met' : 'NOT MET'}`,
  );
  return lines;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const line of await dashboardBenchmark()) console.log(line);
}
