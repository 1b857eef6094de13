// npm run seed:large: a county's decade of social value data, generated in the database with generate_series in
// batches, the change triggers (summaries, audit) off during the load, then recountSummaries() and ANALYZE once.
//   node bench/seed-large.js [--size county|small] [--data-dir folder]   (PGlite; DATABASE_URL for PostgreSQL)
// county: 20,000 contracts, 200,000 commitments, 2,000,000 verified lines; small: a tenth of each (the benchmark's
// 200,000 lines). Run it on an empty database: it adds to whatever is there.
import { parseArgs } from 'node:util';
import cliProgress from 'cli-progress';
import { sql } from 'drizzle-orm';
import { openDatabase } from '../dist/db/client.js';
import { recountSummaries } from '../dist/features/summaries/read.js';
import { seedIfEmpty } from '../dist/seed/demo.js';

export const SIZES = {
  county: { contracts: 20_000, commitmentsPerContract: 10, lines: 2_000_000 },
  small: { contracts: 2_000, commitmentsPerContract: 10, lines: 200_000 },
};

const DIRECTORATES = [
  'Adults and Communities',
  'Children and Family Services',
  'Environment and Transport',
  'Public Health',
  'Corporate Resources',
  'Chief Executive’s',
];
const DISTRICTS = ['Blaby', 'Charnwood', 'Harborough', 'Hinckley and Bosworth', 'Melton', 'North West Leicestershire', 'Oadby and Wigston'];
const SUPPLIERS = 1_500;
const BATCH = 500; // contracts per batch: each batch is one transaction of its contracts, commitments, reports and lines
const SUMMARY_TABLES = ['contracts', 'contract_commitments', 'delivery_reports', 'report_lines', 'organisations'];

const reference = (i) => `LARGE-${String(i).padStart(6, '0')}`;

/** The number of quarterly reports the contracts below will have (the same dates as the SQL), to size the lines. */
function reportCount(contracts) {
  let reports = 0;
  for (let i = 1; i <= contracts; i++) {
    const startQuarter = 2016 * 4 + 1 + ((i * 31) % 40); // quarters since year 0; April 2016 is 2016 * 4 + 1
    const endQuarter = Math.min(startQuarter + 4 * (1 + (i % 5)) - 1, 2026 * 4); // January to March 2026
    reports += Math.max(0, endQuarter - startQuarter + 1);
  }
  return reports;
}

const rows = (result) => (Array.isArray(result) ? result : result.rows);

/** Generates the data into `database` (an open Database), reporting progress to `onProgress(done, total)`. */
export async function generateLarge(database, size, onProgress = () => undefined) {
  const { db } = database;
  const spec = SIZES[size];
  await seedIfEmpty(db);
  const measureIds = rows(
    await db.execute(sql`SELECT m.id FROM measures m JOIN framework_versions v ON v.id = m.version_id WHERE v.status = 'active' ORDER BY m.code`),
  ).map((r) => r.id);
  const directorates = sql`(ARRAY[${sql.join(
    DIRECTORATES.map((d) => sql`${d}`),
    sql`, `,
  )}]::text[])`;
  const districts = sql`(ARRAY[${sql.join(
    DISTRICTS.map((d) => sql`${d}`),
    sql`, `,
  )}]::text[])`;
  const measures = sql`(ARRAY[${sql.join(
    measureIds.map((id) => sql`${id}::uuid`),
    sql`, `,
  )}])`;
  const linesPerReport = Math.ceil(spec.lines / reportCount(spec.contracts));

  for (const table of SUMMARY_TABLES) await db.execute(sql.raw(`ALTER TABLE ${table} DISABLE TRIGGER USER`));
  try {
    await db.execute(sql`
      INSERT INTO organisations (name, kind, size, is_vcse, is_local, district)
      SELECT 'Generated supplier ' || i, 'supplier', (ARRAY['micro', 'small', 'medium', 'large', NULL])[1 + i % 5], i % 7 = 0, i % 3 <> 0,
        ${districts}[1 + i % 7]
      FROM generate_series(1, ${SUPPLIERS}) i`);
    const supplierIds = sql`(SELECT array_agg(id) FROM organisations WHERE name LIKE 'Generated supplier %')`;
    let done = 0;
    onProgress(0, spec.contracts);
    for (let from = 1; from <= spec.contracts; from += BATCH) {
      const to = Math.min(spec.contracts, from + BATCH - 1);
      const inBatch = sql`c.reference BETWEEN ${reference(from)} AND ${reference(to)}`;
      await db.transaction(async (tx) => {
        // contracts start in any quarter of ten years from April 2016 and run one to five years
        await tx.execute(sql`
          INSERT INTO contracts (reference, title, directorate, supplier_id, value_pence, start_date, end_date, applicability, source, published_at)
          SELECT 'LARGE-' || lpad(i::text, 6, '0'), 'Generated contract ' || i, ${directorates}[1 + i % 6],
            (${supplierIds})[1 + (i * 7919) % ${SUPPLIERS}], 2000000 + (i * 104729) % 500000000,
            s.start, (s.start + make_interval(years => 1 + i % 5) - interval '1 day')::date,
            (ARRAY['out_of_scope', 'policy', 'policy', 'statutory'])[1 + i % 4], 'import',
            CASE WHEN i % 2 = 0 THEN now() END
          FROM generate_series(${from}::int, ${to}::int) i
          CROSS JOIN LATERAL (SELECT (date '2016-04-01' + make_interval(months => 3 * ((i * 31) % 40)))::date AS start) s`);
        // each commitment's profile holds its quantity spread over the contract's years (some leave a part to the end)
        await tx.execute(sql`
          INSERT INTO contract_commitments (contract_id, measure_id, quantity_hundredths, profile, districts, original_measure_id,
            original_quantity_hundredths, original_profile)
          SELECT c.id, m.id, q.quantity, p.profile, d.districts, m.id, q.quantity, p.profile
          FROM contracts c
          CROSS JOIN generate_series(1, ${spec.commitmentsPerContract}) k
          CROSS JOIN LATERAL (SELECT (${measures})[1 + (c.number * 13 + k * 7) % ${measureIds.length}] AS id) m
          CROSS JOIN LATERAL (SELECT (10000 + (c.number * k * 7907) % 2000000)::bigint AS quantity) q
          CROSS JOIN LATERAL (SELECT CASE WHEN k % 3 = 0 THEN ARRAY[]::text[]
            ELSE ARRAY[${districts}[1 + (c.number + k) % 7]] || CASE WHEN k % 4 = 0 THEN ARRAY[${districts}[1 + (c.number + k + 3) % 7]] ELSE ARRAY[]::text[] END
            END AS districts) d
          CROSS JOIN LATERAL (
            SELECT coalesce(jsonb_agg(jsonb_build_object(
              'periodStart', (c.start_date + make_interval(years => y))::date,
              'periodEnd', (c.start_date + make_interval(years => y + 1) - interval '1 day')::date,
              'quantityHundredths', q.quantity * CASE WHEN k % 5 = 0 THEN 8 ELSE 10 END / 10 / (1 + c.number % 5))), '[]'::jsonb) AS profile
            FROM generate_series(0, c.number % 5) y
          ) p
          WHERE ${inBatch}`);
        // quarterly reports up to the end of 2025 to 2026 (or the contract's end)
        await tx.execute(sql`
          INSERT INTO delivery_reports (contract_id, period_start, period_end, due_date, status, submitted_at)
          SELECT c.id, q::date, (q + interval '3 months' - interval '1 day')::date, (q + interval '3 months' + interval '29 days')::date, 'verified', now()
          FROM contracts c
          CROSS JOIN LATERAL generate_series(c.start_date, least(c.end_date, date '2026-03-31'), interval '3 months') q
          WHERE ${inBatch}`);
        // verified lines against the contract's commitments, a few of them additional value
        await tx.execute(sql`
          INSERT INTO report_lines (report_id, commitment_id, measure_id, quantity_hundredths, narrative, districts, status, decided_at)
          SELECT r.id, CASE WHEN n % 10 = 9 THEN NULL ELSE cm.id END, cm.measure_id, 100 + (abs(hashtext(r.id::text)::bigint) + n * 389) % 40000,
            'Delivered as planned.', cm.districts, 'verified', now()
          FROM delivery_reports r
          JOIN contracts c ON c.id = r.contract_id
          CROSS JOIN generate_series(1, ${linesPerReport}) n
          CROSS JOIN LATERAL (
            SELECT id, measure_id, districts FROM contract_commitments
            WHERE contract_id = r.contract_id ORDER BY id OFFSET (n - 1) % ${spec.commitmentsPerContract} LIMIT 1
          ) cm
          WHERE ${inBatch}`);
      });
      done = to;
      onProgress(done, spec.contracts);
    }
  } finally {
    for (const table of SUMMARY_TABLES) await db.execute(sql.raw(`ALTER TABLE ${table} ENABLE TRIGGER USER`));
  }
  await recountSummaries(db);
  // fresh statistics, or the planner sees the tables as they were before the load (PGlite has no autovacuum): the
  // database's keyset pages would then read every line for each page
  await db.execute(sql`ANALYZE`);
  const [counts] = rows(
    await db.execute(sql`SELECT (SELECT count(*) FROM contracts)::int AS contracts, (SELECT count(*) FROM contract_commitments)::int AS commitments,
      (SELECT count(*) FROM report_lines WHERE status = 'verified')::int AS lines`),
  );
  return counts;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({ options: { size: { type: 'string', default: 'county' }, 'data-dir': { type: 'string' } } });
  if (!SIZES[values.size]) {
    console.error(`--size must be one of: ${Object.keys(SIZES).join(', ')}`);
    process.exit(2);
  }
  const dataDir = values['data-dir'] ?? process.env.DATA_DIR ?? '.data/large';
  const databaseUrl = process.env.DATABASE_URL;
  console.log(`Generating a ${values.size} data set in ${databaseUrl ? 'PostgreSQL (DATABASE_URL)' : `PGlite at ${dataDir}`}`);
  const database = await openDatabase(databaseUrl ? { databaseUrl } : { dataDir });
  const bar = new cliProgress.SingleBar(
    // without a terminal (a log file), a line every 30 seconds
    { format: 'Contracts [{bar}] {percentage}% {value}/{total}  {duration_formatted}', noTTYOutput: true, notTTYSchedule: 30_000 },
    cliProgress.Presets.shades_classic,
  );
  const started = performance.now();
  try {
    bar.start(SIZES[values.size].contracts, 0);
    const counts = await generateLarge(database, values.size, (done) => bar.update(done));
    bar.stop();
    console.log(
      `Done in ${((performance.now() - started) / 1000).toFixed(0)} s (summaries recounted): ${counts.contracts.toLocaleString('en-GB')} contracts, ` +
        `${counts.commitments.toLocaleString('en-GB')} commitments, ${counts.lines.toLocaleString('en-GB')} verified lines`,
    );
  } finally {
    bar.stop();
    await database.close();
  }
}
