import { defineConfig } from 'vitest/config';

/** Migrates and seeds one database of each kind per run, for each test file's database to be copied from. */
const templates = 'test/helpers/template-databases.ts';

/**
 * Ceilings for a test or hook that hangs, not expectations: on a machine shared by many jobs, starting a file's app
 * alone has taken over two minutes, and a test must not fail because the machine is busy.
 */
const ceiling = { testTimeout: 600_000, hookTimeout: 600_000 };

export default defineConfig({
  test: {
    pool: 'forks',
    maxWorkers: 2,
    projects: [
      { extends: true, test: { name: 'unit', include: ['src/**/*.test.ts'], testTimeout: 10_000 } },
      {
        extends: true,
        test: { name: 'use-cases', include: ['test/use-cases/**/*.test.ts'], globalSetup: [templates], ...ceiling },
      },
      {
        extends: true,
        test: { name: 'integration', include: ['test/integration/**/*.test.ts'], globalSetup: [templates], ...ceiling },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          include: ['test/browser/**/*.test.ts'],
          globalSetup: [templates],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          maxWorkers: 1,
          fileParallelism: false,
        },
      },
    ],
  },
});
