import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import pg from 'pg';
import { inject } from 'vitest';
import { openDatabase, type Database } from '../../src/db/client.js';
import { seedIfEmpty } from '../../src/seed/demo.js';

export type DatabaseKind = 'pglite' | 'postgres';

/**
 * The demo data the tests share: without the demo's published contract and case study, nor its directory profiles and
 * spend, so that each test's contracts, directory and figures are its own, and the shared database is quick to load
 * (test/integration/case-studies-demo.test.ts and demo-local-market.test.ts load the whole demo on their own database).
 */
export const TEST_SEED = { caseStudy: false, localMarket: false } as const;

const ADMIN_URL = process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/**
 * The databases integration tests run against. PGlite always; the PostgreSQL server when TEST_POSTGRES=1
 * (CI sets it, and then a missing server is a failure), or when it answers and TEST_POSTGRES is not 0.
 */
export const databaseKinds: DatabaseKind[] = await (async () => {
  const wanted = process.env.TEST_POSTGRES;
  if (wanted === '0') return ['pglite'];
  const reachable = await canReachPostgres();
  if (wanted === '1' && !reachable) throw new Error(`TEST_POSTGRES=1 but no PostgreSQL server answers at ${ADMIN_URL}`);
  return reachable ? ['pglite', 'postgres'] : ['pglite'];
})();

async function canReachPostgres(): Promise<boolean> {
  const client = new pg.Client({ connectionString: ADMIN_URL, connectionTimeoutMillis: 1500 });
  try {
    await client.connect();
    await client.query('select 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

export interface TestDatabase {
  database: Database;
  url: string | undefined;
  /** closes the database and, on PostgreSQL, drops it */
  drop(): Promise<void>;
}

/**
 * The databases that test/helpers/template-databases.ts migrated (and seeded with the demo data) once for the run:
 * PGlite data folders saved as tarballs, and PostgreSQL databases to copy.
 */
export interface TestTemplates {
  pglite?: { migrated: string; seeded: string };
  postgres?: { migrated: string; seeded: string };
}

declare module 'vitest' {
  export interface ProvidedContext {
    testTemplates: TestTemplates;
  }
}

/** The run's templates; none where the project has no global set-up (each database is then migrated afresh). */
function templates(): TestTemplates {
  try {
    return inject('testTemplates') ?? {};
  } catch {
    return {};
  }
}

const snapshots = new Map<string, Blob>();

function snapshot(file: string): Blob {
  let blob = snapshots.get(file);
  if (!blob) snapshots.set(file, (blob = new Blob([readFileSync(file)])));
  return blob;
}

export const postgresUrl = (name: string) => ADMIN_URL.replace(/\/[^/]*$/, `/${name}`);

/**
 * A fresh, migrated database of the given kind that belongs to one test file; with the demo data when `seeded`. It is
 * a copy of the run's template where there is one (much quicker than migrating and seeding), else made afresh.
 */
export async function createTestDatabase(kind: DatabaseKind, { seeded = false } = {}): Promise<TestDatabase> {
  const template = templates()[kind]?.[seeded ? 'seeded' : 'migrated'];
  if (kind === 'pglite') {
    const database = template ? await openDatabase({ snapshot: snapshot(template), migrate: false }) : await openDatabase({});
    if (!template && seeded) await seedIfEmpty(database.db, TEST_SEED);
    return { database, url: undefined, drop: () => database.close() };
  }
  const name = `sv_test_${randomBytes(6).toString('hex')}`;
  await adminQuery(template ? `create database ${name} template ${template}` : `create database ${name}`);
  const url = postgresUrl(name);
  const database = await openDatabase({ databaseUrl: url, poolSize: 5, migrate: !template });
  if (!template && seeded) await seedIfEmpty(database.db, TEST_SEED);
  return {
    database,
    url,
    drop: async () => {
      await database.close();
      await adminQuery(`drop database if exists ${name} with (force)`);
    },
  };
}

/** Creates an empty database on the server without migrating it (for tests of start-up itself). */
export async function createEmptyPostgresDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `sv_test_${randomBytes(6).toString('hex')}`;
  await adminQuery(`create database ${name}`);
  return { url: postgresUrl(name), drop: () => adminQuery(`drop database if exists ${name} with (force)`) };
}

export async function adminQuery(text: string): Promise<void> {
  const client = new pg.Client({ connectionString: ADMIN_URL });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}
