// A scratch PostgreSQL database for a benchmark: created on the server at BENCH_POSTGRES_URL (default
// postgres://postgres@127.0.0.1:5432/postgres) and dropped after; benchmarks skip PostgreSQL when no server answers.
import pg from 'pg';

export const ADMIN_URL = process.env.BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export async function adminQuery(text) {
  const client = new pg.Client({ connectionString: ADMIN_URL });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

export async function postgresReachable() {
  const client = new pg.Client({ connectionString: ADMIN_URL, connectionTimeoutMillis: 1500 });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Runs `work(url)` on a new database named `${prefix}_${pid}`, dropped afterwards whatever happens. */
export async function withScratchDatabase(prefix, work) {
  const name = `${prefix}_${process.pid}`;
  await adminQuery(`create database ${name}`);
  try {
    return await work(ADMIN_URL.replace(/\/[^/]*$/, `/${name}`));
  } finally {
    await adminQuery(`drop database if exists ${name} with (force)`);
  }
}
