import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase, type Database } from '../../src/db/client.js';

export type DatabaseKind = 'pglite' | 'postgres';

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

/** A fresh, migrated database of the given kind that belongs to one test file. */
export async function createTestDatabase(kind: DatabaseKind): Promise<TestDatabase> {
  if (kind === 'pglite') {
    const database = await openDatabase({});
    return { database, url: undefined, drop: () => database.close() };
  }
  const name = `sv_test_${randomBytes(6).toString('hex')}`;
  await adminQuery(`create database ${name}`);
  const url = ADMIN_URL.replace(/\/[^/]*$/, `/${name}`);
  const database = await openDatabase({ databaseUrl: url, poolSize: 5 });
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
  return { url: ADMIN_URL.replace(/\/[^/]*$/, `/${name}`), drop: () => adminQuery(`drop database if exists ${name} with (force)`) };
}

async function adminQuery(text: string): Promise<void> {
  const client = new pg.Client({ connectionString: ADMIN_URL });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}
