// The whole test suite: lint, formatting, import cycles, type-check, build the browser assets, then unit, integration and browser tests.
// Integration tests run on PGlite and, when a server answers (or TEST_POSTGRES=1), on PostgreSQL too.
// Browser tests run when Debian's chromium is installed (or TEST_BROWSER=1, which makes it required).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import net from 'node:net';

const run = (label, command, args, env = {}) => {
  console.log(`\n== ${label}`);
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  if (result.status !== 0) {
    console.error(`\n${label} failed.`);
    process.exit(result.status ?? 1);
  }
};

const postgresAnswers = () =>
  new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port: 5432, timeout: 1000 });
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
    socket.once('timeout', () => (socket.destroy(), resolve(false)));
  });

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const layers = {
  postgres: process.env.TEST_POSTGRES === '1' || (process.env.TEST_POSTGRES !== '0' && (await postgresAnswers())),
  browser: process.env.TEST_BROWSER === '1' || (process.env.TEST_BROWSER !== '0' && existsSync(chromium)),
};

run('lint', 'npx', ['eslint', '.']);
run('format', 'npx', ['prettier', '--check', '.']);
run('import cycles', 'npm', ['run', '--silent', 'cycles']);
run('type-check', 'npx', ['tsc', '-p', 'tsconfig.check.json']);
run('build', 'npm', ['run', 'build', '--silent']);
run('tests', 'npx', ['vitest', 'run', ...process.argv.slice(2)], {
  TEST_POSTGRES: layers.postgres ? '1' : '0',
  TEST_BROWSER: layers.browser ? '1' : '0',
});

console.log('\nLayers run:');
console.log('  unit tests: yes');
console.log('  integration tests on PGlite: yes');
console.log(`  integration tests on PostgreSQL: ${layers.postgres ? 'yes' : 'SKIPPED (no server on 127.0.0.1:5432; set TEST_POSTGRES=1 to require it)'}`);
console.log(
  `  browser tests in Chromium: ${layers.browser ? 'yes' : `SKIPPED (${chromium} not found; install Debian's chromium or set TEST_BROWSER=1 to require it)`}`,
);
