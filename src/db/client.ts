import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import type pg from 'pg';
import lockfile from 'proper-lockfile';
import { PGlite } from '@electric-sql/pglite';
import { PreparingPGlite } from './pglite-client.js';
import { ensureWriteNotifications, PostgresWrites } from './postgres-writes.js';
import { attachReadCache, ReadCache } from './read-cache.js';
import type { Db, DbOrTx } from './types.js';

// The drivers, the migrators and the schema are imported when a database is opened, not with this module: the
// embedded database starts (its WebAssembly compiles) while they load, and the driver that is not used never loads.

export type { Db, DbOrTx, Tx } from './types.js';

export interface Database {
  db: Db;
  kind: 'pglite' | 'postgres';
  /**
   * How many queries wait for a connection to the database: on PGlite, those queued behind the one running on its
   * single connection; on PostgreSQL, those waiting for a free connection in the pool. Load shedding watches it.
   */
  pending(): number;
  /** how many queries it runs at once: 1 on PGlite, the pool's size on PostgreSQL */
  connections: number;
  /** true when a trivial query answers within the time limit */
  ping(timeoutMs?: number): Promise<boolean>;
  close(): Promise<void>;
}

/**
 * A query built once for each database (or transaction) it runs on, for the hottest paths: drizzle's prepared
 * statements skip building the SQL on every call, and PostgreSQL plans them once per connection.
 */
export function preparedPer<T>(build: (db: DbOrTx) => T): (db: DbOrTx) => T {
  const built = new WeakMap<DbOrTx, T>();
  return (db) => {
    let query = built.get(db);
    if (!query) built.set(db, (query = build(db)));
    return query;
  };
}

export class DataFolderInUseError extends Error {}

const migrationsFolder = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../src/db/migrations');

export interface OpenOptions {
  /** postgres:// URL; when absent, PGlite is used */
  databaseUrl?: string | undefined;
  /** PGlite data folder; when absent (and no URL), an in-memory database */
  dataDir?: string | undefined;
  migrate?: boolean;
  poolSize?: number;
  /** PGlite only: start from a copy of a database saved with `snapshotOf` (tests start from one migrated database) */
  snapshot?: Blob | undefined;
}

export async function openDatabase(options: OpenOptions): Promise<Database> {
  const database: Database = options.databaseUrl
    ? await openPostgres(options.databaseUrl, options.poolSize ?? 10)
    : await openPglite(options.dataDir, options.snapshot);
  if (options.migrate !== false) {
    try {
      await runMigrations(database);
    } catch (error) {
      await database.close();
      throw error;
    }
  }
  return database;
}

interface PostgresDatabase extends Database {
  pool: pg.Pool;
}

async function openPostgres(url: string, max: number): Promise<PostgresDatabase> {
  const [{ default: pg }, { drizzle: drizzlePg }, schema] = await Promise.all([import('pg'), import('drizzle-orm/node-postgres'), import('./schema/index.js')]);
  const settings = { connectionString: url, connectionTimeoutMillis: 5000 };
  const pool = new pg.Pool({ ...settings, max });
  // An idle client losing its connection must not crash the process; the next query reports it.
  pool.on('error', () => undefined);
  const writes = new PostgresWrites(pool, () => new pg.Client({ ...settings, keepAlive: true, keepAliveInitialDelayMillis: 10_000 }));
  const db = drizzlePg(pool, { schema }) as unknown as Db;
  attachReadCache(db, new ReadCache(() => writes.count));
  await writes.listen();
  return {
    db,
    kind: 'postgres',
    pool,
    pending: () => pool.waitingCount,
    connections: max,
    ping: (timeoutMs = 2000) => pingWith(db, timeoutMs),
    close: async () => {
      await writes.close();
      await pool.end();
    },
  };
}

/**
 * PostgreSQL's default 128MB of shared buffers lives in PGlite's WebAssembly memory, which never shrinks: writing
 * large evidence files would grow the process by that much. A smaller cache keeps it lean; the operating system
 * still caches the data files. Binary values (bytea, type 17) are sent as they are, where PGlite's own conversion
 * would make hex text of them a byte at a time.
 */
const pgliteOptions = {
  startParams: [...PGlite.defaultStartParams, '-c', 'shared_buffers=16MB'],
  serializers: { 17: (value: unknown) => value as string },
};

/** The embedded database as a tarball of its data folder, to open copies of with `snapshot`. */
export async function snapshotOf(database: Database): Promise<Blob> {
  const client = pgliteClients.get(database);
  if (!client) throw new Error('only an embedded (PGlite) database can be saved as a snapshot');
  return client.dumpDataDir('none');
}

const pgliteClients = new WeakMap<Database, PreparingPGlite>();

async function openPglite(dataDir: string | undefined, snapshot: Blob | undefined): Promise<Database> {
  let release: (() => Promise<void>) | undefined;
  let client: PreparingPGlite;
  if (dataDir) {
    const folder = path.resolve(dataDir);
    mkdirSync(folder, { recursive: true });
    try {
      release = await lockfile.lock(folder, { lockfilePath: path.join(folder, 'server.lock'), stale: 15_000, update: 5_000 });
    } catch {
      throw new DataFolderInUseError(
        `The data folder ${folder} is already in use by another process of this service. ` +
          'Stop that process first (or wait 15 seconds if it has just crashed), or set DATABASE_URL to a PostgreSQL server, which several processes can share.',
      );
    }
    client = new PreparingPGlite(path.join(folder, 'pglite'), pgliteOptions);
  } else {
    client = new PreparingPGlite({ ...pgliteOptions, ...(snapshot ? { loadDataDir: snapshot } : {}) });
  }
  const [{ drizzle: drizzlePglite }, schema] = await Promise.all([import('drizzle-orm/pglite'), import('./schema/index.js'), client.waitReady]);
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  attachReadCache(db, new ReadCache(() => client.writes));
  let closed = false;
  const database: Database = {
    db,
    kind: 'pglite',
    pending: () => client.waiting,
    connections: 1,
    ping: (timeoutMs = 2000) => (closed ? Promise.resolve(false) : pingWith(db, timeoutMs)),
    close: async () => {
      if (closed) return;
      closed = true;
      await client.close();
      await release?.();
    },
  };
  pgliteClients.set(database, client);
  return database;
}

async function pingWith(db: Db, timeoutMs: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  const query = db.execute(sql`select 1`).then(
    () => true,
    () => false,
  );
  try {
    return await Promise.race([query, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

async function runMigrations(database: Database): Promise<void> {
  if (database.kind === 'pglite') {
    const { migrate: migratePglite } = await import('drizzle-orm/pglite/migrator');
    await migratePglite(database.db as never, { migrationsFolder });
    return;
  }
  const { migrate: migratePg } = await import('drizzle-orm/node-postgres/migrator');
  // Several instances may start together against one server: one migrates, the others wait.
  const lockClient = await (database as PostgresDatabase).pool.connect();
  try {
    await lockClient.query('select pg_advisory_lock(7261001)');
    await migratePg(database.db as never, { migrationsFolder });
    await ensureWriteNotifications(lockClient);
  } finally {
    await lockClient.query('select pg_advisory_unlock(7261001)').catch(() => undefined);
    lockClient.release();
  }
}
