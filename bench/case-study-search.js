// The public library's full-text search over 10,000 published case studies (BENCH_CASE_STUDIES), on PGlite and on
// PostgreSQL: p50 / p95 of a page of results as the library asks for it (ranked matches and their count), against a
// primary-key read of one case study (the case study's own page), the two measured in turn in the same run so that a
// busy machine slows both alike. Target: search p95 at most 2x the primary-key read's. The library keeps a page of
// results until the database's next write (src/db/read-cache.ts); it is measured with and without that.
// Run alone after `npm run build` with `node bench/case-study-search.js`.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { eq, sql } from 'drizzle-orm';
import { openDatabase } from '../dist/db/client.js';
import { caseStudies, contracts } from '../dist/db/schema/index.js';
import { publicCaseStudy, searchLibrary } from '../dist/features/case-studies/public-repository.js';
import { seedIfEmpty } from '../dist/seed/demo.js';
import { postgresReachable, withScratchDatabase } from './postgres.js';

const CASE_STUDIES = Number(process.env.BENCH_CASE_STUDIES ?? 10_000);
const ROUNDS = Number(process.env.BENCH_SEARCH_ROUNDS ?? 300);
const PAGE = { size: 10, offset: 0 };
const SEARCHES = ['apprentices', 'volunteering', 'young carers', 'food bank', 'hedgerows', 'carbon', 'school', 'heat pumps in Melton'];

// Stories are sentences drawn from several hundred words of social value writing, so that a word matches a realistic
// share of the library (the commonest in about a quarter of the case studies, most in far fewer).
const people =
  'apprentices volunteers carers pupils residents veterans families tenants students graduates trainees refugees parents jobseekers governors coaches nurses engineers drivers cooks gardeners builders electricians plumbers artists musicians librarians wardens rangers mentors'.split(
    ' ',
  );
const kinds = ['local', 'young', 'older', 'rural', 'new', 'retired', 'unemployed', 'disabled'];
const verbs =
  'joined planted built supported repaired painted delivered organised mentored cleaned opened restored funded hosted coached designed catered insulated recycled surveyed'.split(
    ' ',
  );
const things =
  'food bank|community garden|hedgerows|village hall|youth club|library|repair cafe|school playground|carbon literacy course|employment fair|dementia cafe|canal towpath|men’s shed|allotments|careers day|wildflower meadow|bus shelter|sports pitch|foodshare van|warm space|reading scheme|coding club|cycle workshop|nature reserve|play area|church roof|heat pumps|solar panels|flood defences|walking group'.split(
    '|',
  );
const places = [
  'Melton',
  'Loughborough',
  'Hinckley',
  'Market Harborough',
  'Coalville',
  'Blaby',
  'Oadby',
  'Wigston',
  'Lutterworth',
  'Ashby',
  'Syston',
  'Shepshed',
  'Earl Shilton',
  'Castle Donington',
  'Broughton Astley',
];
const outcomes = ['GC', 'SE', 'HW', 'CS', 'EN'];
const districts = ['Blaby', 'Charnwood', 'Harborough', 'Hinckley and Bosworth', 'Melton', 'North West Leicestershire', 'Oadby and Wigston'];

/** A small, seeded generator (mulberry32), so that every run writes the same library. */
function random(seed) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function caseStudyRows(contractId, count) {
  const next = random(42);
  const pick = (list) => list[Math.floor(next() * list.length)];
  const sentence = () => `${pick(kinds)} ${pick(people)} ${pick(verbs)} the ${pick(things)} in ${pick(places)}.`;
  const publishedAt = new Date('2025-06-01T09:00:00Z');
  return Array.from({ length: count }, (_, i) => ({
    contractId,
    title: `${pick(kinds)} ${pick(people)} and the ${pick(things)} in ${pick(places)} (${i + 1})`,
    summary: `${sentence()} ${sentence()}`,
    story: Array.from({ length: 4 + Math.floor(next() * 8) }, sentence).join(' '),
    outcomeCodes: [pick(outcomes)],
    districts: [pick(districts)],
    status: 'published',
    publishedAt: new Date(publishedAt.getTime() + i * 3_600_000),
  }));
}

/** The demo data, its published contract, and `count` published case studies of it. */
async function fillLibrary(db, count) {
  await seedIfEmpty(db);
  const [contract] = await db.select({ id: contracts.id }).from(contracts).where(eq(contracts.reference, 'LCC-DEMO-GM-01'));
  if (!contract) throw new Error('the demo data has no published contract LCC-DEMO-GM-01');
  const rows = caseStudyRows(contract.id, count);
  for (let i = 0; i < rows.length; i += 500) await db.insert(caseStudies).values(rows.slice(i, i + 500));
  await db.execute(sql`analyze`);
  return (await db.select({ id: caseStudies.id }).from(caseStudies)).map((r) => r.id);
}

const percentile = (times, p) => [...times].sort((a, b) => a - b)[Math.min(times.length - 1, Math.floor(times.length * p))];

async function timed(work) {
  const started = performance.now();
  await work();
  return performance.now() - started;
}

/** Search and primary-key read in turn, after a warm-up: p50 and p95 of each. */
async function measure(db, ids) {
  const search = [];
  const read = [];
  for (let i = -20; i < ROUNDS; i++) {
    const q = SEARCHES[(i + 20) % SEARCHES.length];
    const id = ids[(i * 7919 + 1_000_000) % ids.length];
    const s = await timed(() => searchLibrary(db, { q, outcome: '', district: '', year: null }, PAGE));
    const r = await timed(() => publicCaseStudy(db, id));
    if (i < 0) continue;
    search.push(s);
    read.push(r);
  }
  return { search: [percentile(search, 0.5), percentile(search, 0.95)], read: [percentile(read, 0.5), percentile(read, 0.95)] };
}

function line(kind, { search, read }) {
  const ratio = search[1] / read[1];
  return `  ${kind}: search p50 ${search[0].toFixed(2)} ms, p95 ${search[1].toFixed(2)} ms; primary-key read p50 ${read[0].toFixed(2)} ms, p95 ${read[1].toFixed(2)} ms; p95 ratio ${ratio.toFixed(2)} (target at most 2) ${ratio <= 2 ? 'met' : 'NOT MET'}`;
}

export async function caseStudySearchBenchmark() {
  const lines = [`Case study search over ${CASE_STUDIES.toLocaleString('en-GB')} published case studies (${ROUNDS} searches and reads in turn):`];
  const folder = mkdtempSync(path.join(os.tmpdir(), 'sv-bench-search-'));
  try {
    const database = await openDatabase({ dataDir: folder });
    try {
      const ids = await fillLibrary(database.db, CASE_STUDIES);
      // Inside a transaction nothing is served from the read cache: every search is read from the database.
      await database.db.transaction(async (tx) => lines.push(line('PGlite, every search from the database', await measure(tx, ids))));
      lines.push(line('PGlite, repeat searches kept until the next write (as served)', await measure(database.db, ids)));
    } finally {
      await database.close();
    }
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
  if (await postgresReachable()) {
    await withScratchDatabase('sv_bench_search', async (url) => {
      const database = await openDatabase({ databaseUrl: url, poolSize: 2 });
      try {
        const ids = await fillLibrary(database.db, CASE_STUDIES);
        await database.db.transaction(async (tx) => lines.push(line('PostgreSQL, every search from the database', await measure(tx, ids))));
        lines.push(line('PostgreSQL, repeat searches kept until the next write (as served)', await measure(database.db, ids)));
      } finally {
        await database.close();
      }
    });
  } else {
    lines.push('  PostgreSQL: skipped (no server answers at BENCH_POSTGRES_URL)');
  }
  return lines;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  for (const l of await caseStudySearchBenchmark()) console.log(l);
}
