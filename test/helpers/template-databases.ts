// Vitest global set-up for the integration and browser tests: migrates (and seeds) one database of each kind once
// per run, for every test file's database to be copied from, instead of each file migrating and seeding its own.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { openDatabase, snapshotOf, type Database } from '../../src/db/client.js';
import { seedIfEmpty } from '../../src/seed/demo.js';
import { adminQuery, databaseKinds, postgresUrl, TEST_SEED, type TestTemplates } from './databases.js';

async function saveSnapshot(database: Database, file: string): Promise<string> {
  writeFileSync(file, Buffer.from(await (await snapshotOf(database)).arrayBuffer()));
  return file;
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'sv-test-templates-'));
  const templates: TestTemplates = {};
  const created: string[] = [];
  try {
    const pglite = await openDatabase({});
    try {
      const migrated = await saveSnapshot(pglite, path.join(folder, 'migrated.tar'));
      await seedIfEmpty(pglite.db, TEST_SEED);
      templates.pglite = { migrated, seeded: await saveSnapshot(pglite, path.join(folder, 'seeded.tar')) };
    } finally {
      await pglite.close();
    }

    // The browser tests run on PGlite only.
    if (databaseKinds.includes('postgres') && project.name !== 'browser') {
      // A database copied with CREATE DATABASE ... TEMPLATE must have no connections while it is copied: each is
      // closed once made.
      const prefix = `sv_template_${randomBytes(4).toString('hex')}`;
      const migrated = `${prefix}_migrated`;
      const seeded = `${prefix}_seeded`;
      await adminQuery(`create database ${migrated}`);
      created.push(migrated);
      await (await openDatabase({ databaseUrl: postgresUrl(migrated), poolSize: 2 })).close(); // migrating holds one connection for its lock and uses another
      await adminQuery(`create database ${seeded} template ${migrated}`);
      created.push(seeded);
      const database = await openDatabase({ databaseUrl: postgresUrl(seeded), poolSize: 1, migrate: false });
      try {
        await seedIfEmpty(database.db, TEST_SEED);
      } finally {
        await database.close();
      }
      templates.postgres = { migrated, seeded };
    }
  } catch (error) {
    await teardown();
    throw error;
  }
  project.provide('testTemplates', templates);

  async function teardown(): Promise<void> {
    rmSync(folder, { recursive: true, force: true });
    for (const name of created) await adminQuery(`drop database if exists ${name} with (force)`);
  }
  return teardown;
}
