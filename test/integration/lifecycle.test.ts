import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { count } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { openDatabase } from '../../src/db/client.js';
import { organisations, spendImports, users } from '../../src/db/schema/index.js';
import { projectRoot } from '../../src/platform/paths.js';
import { seedIfEmpty } from '../../src/seed/demo.js';
import { DEMO_SUPPLIERS } from '../../src/seed/demo-local-market.js';
import { buildIfStale } from '../helpers/build.js';
import { createEmptyPostgresDatabase, databaseKinds } from '../helpers/databases.js';
import { NO_LOAD_SHEDDING } from '../helpers/app.js';

interface Running {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

const mainJs = path.join(projectRoot, 'dist/main.js');

/**
 * Runs the built service as a real process. Load shedding by event-loop delay is off and the shutdown may take as
 * long as it needs: a busy machine must not change what these tests see.
 */
function startService(env: Record<string, string>): Running {
  const child = spawn(process.execPath, [mainJs], {
    env: { PATH: process.env.PATH, LOG_LEVEL: 'warn', ...NO_LOAD_SHEDDING, SHUTDOWN_GRACE_SECONDS: '3600', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let text = '';
  child.stdout?.on('data', (d) => (text += d));
  child.stderr?.on('data', (d) => (text += d));
  return { child, output: () => text, exited: new Promise((resolve) => child.once('exit', (code) => resolve(code))) };
}

/** Waits for the service to say where it is listening (or to exit), however long starting takes. */
function waitForAddress(service: Running): Promise<string> {
  return new Promise((resolve, reject) => {
    const look = () => {
      const match = /running at (http:\/\/localhost:\d+)/.exec(service.output());
      if (!match?.[1]) return;
      service.child.stdout?.off('data', look);
      resolve(match[1]);
    };
    service.child.stdout?.on('data', look);
    look();
    void service.exited.then(() => reject(new Error(`the service exited: ${service.output()}`)));
  });
}

describe('the service as a process', () => {
  let dataDir: string;
  // Compiling may take minutes on a busy machine.
  beforeAll(() => {
    buildIfStale(mainJs);
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'sv-lifecycle-'));
  }, 900_000);
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('starts with demo data, refuses a second process on the same data folder, and stops cleanly on SIGTERM', async () => {
    const first = startService({ DATA_DIR: dataDir, PORT: '0' });
    const address = await waitForAddress(first);
    expect(first.output()).toContain('admin@council.example');
    const health = await fetch(`${address}/health`);
    expect(health.status).toBe(200);

    const second = startService({ DATA_DIR: dataDir, PORT: '0' });
    expect(await second.exited).toBe(75);
    expect(second.output()).toContain('is already in use by another process');

    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);

    // The folder is free again and the data survived the shutdown.
    const third = startService({ DATA_DIR: dataDir, PORT: '0' });
    const again = await waitForAddress(third);
    const signIn = await fetch(`${again}/sign-in`);
    expect(signIn.status).toBe(200);
    expect(third.output()).not.toContain('Demo data was loaded');
    third.child.kill('SIGINT');
    expect(await third.exited).toBe(0);
  });

  it('stops at start-up with a message naming a bad setting', async () => {
    const service = startService({ DATA_DIR: dataDir, PORT: 'eighty' });
    expect(await service.exited).toBe(78);
    expect(service.output()).toContain('PORT must be a whole number (got "eighty")');
  });
});

describe('a database that is down', () => {
  it('gives the 503 page and /health says so (PostgreSQL server unreachable)', async () => {
    const database = await openDatabase({ databaseUrl: 'postgres://postgres@127.0.0.1:1/none', migrate: false, poolSize: 1 });
    const app = await buildApp(
      { config: loadConfig({ LOG_LEVEL: 'silent', ...NO_LOAD_SHEDDING }), database, mailer: { send: async () => undefined } },
      { logger: false },
    );
    try {
      const health = await app.inject('/health');
      expect(health.statusCode).toBe(503);
      expect(health.json()).toMatchObject({ status: 'unavailable', database: { status: 'down' } });
      // A validly signed session cookie makes the service look the session up in the database.
      const page = await app.inject({ url: '/admin/audit', headers: { cookie: `sv_session=${encodeURIComponent(app.signCookie('token'))}` } });
      expect(page.statusCode).toBe(503);
      expect(page.body).toContain('Sorry, the service is unavailable');
    } finally {
      await app.close();
      await database.close();
    }
  });

  it('gives the 503 page when the embedded database has closed', async () => {
    const database = await openDatabase({});
    const app = await buildApp(
      { config: loadConfig({ LOG_LEVEL: 'silent', ...NO_LOAD_SHEDDING }), database, mailer: { send: async () => undefined } },
      { logger: false },
    );
    await database.close();
    try {
      expect((await app.inject('/health')).statusCode).toBe(503);
    } finally {
      await app.close();
    }
  });
});

describe.skipIf(!databaseKinds.includes('postgres'))('two instances starting at once on an empty PostgreSQL database', () => {
  it('both start, and the demo data is loaded once', async () => {
    const empty = await createEmptyPostgresDatabase();
    try {
      // What main.ts does at start-up, twice at once: open (and migrate) the database, then load the demo data.
      const [a, b] = await Promise.all([openDatabase({ databaseUrl: empty.url, poolSize: 2 }), openDatabase({ databaseUrl: empty.url, poolSize: 2 })]);
      try {
        const seeded = await Promise.all([seedIfEmpty(a.db), seedIfEmpty(b.db)]);
        expect([...seeded].sort()).toEqual([false, true]);
        const [orgs] = await a.db.select({ n: count() }).from(organisations);
        const [people] = await b.db.select({ n: count() }).from(users);
        expect(orgs?.n).toBe(7 + DEMO_SUPPLIERS.length);
        expect(people?.n).toBe(11);
        // The demo spend file was imported once, by the instance that loaded the data.
        const imports = await a.db.select({ status: spendImports.status }).from(spendImports);
        expect(imports).toEqual([{ status: 'imported' }]);
      } finally {
        await a.close();
        await b.close();
      }
    } finally {
      await empty.drop();
    }
  });
});
