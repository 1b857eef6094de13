// Starts one server for the benchmark in its own process and prints {"port": n} on a line when ready.
//   app <dataDir | url>       the whole service (PGlite in dataDir, or the PostgreSQL database at a postgres:// url)
//   bare-hello                bare Fastify answering "hello"
//   bare-template <name>      bare Fastify rendering one page's template with fixed data: no session, no plugins,
//                             no database (the data is loaded once, before listening)
import Fastify from 'fastify';
import { buildApp } from '../dist/app.js';
import { loadConfig } from '../dist/config.js';
import { openDatabase } from '../dist/db/client.js';
import { createViewEnvironment } from '../dist/platform/views.js';
import { navigationFor } from '../dist/platform/navigation.js';
import { benchPages } from './pages.js';

const [mode, arg] = process.argv.slice(2);

async function bareTemplate(name, dataDir) {
  const page = benchPages[name];
  const database = await openDatabase({ dataDir });
  const context = await page.context(database.db);
  await database.close();
  const views = createViewEnvironment();
  const base = { ...context, user: page.user, navigation: navigationFor(page.user, page.path), csrfToken: 'x'.repeat(52), requestId: 'bench' };
  const app = Fastify();
  app.get('/', (_request, reply) => reply.type('text/html; charset=utf-8').send(views.render(page.template, base)));
  return app;
}

let app;
if (mode === 'app') {
  const where = arg.startsWith('postgres') ? { DATABASE_URL: arg } : { DATA_DIR: arg };
  const config = loadConfig({ ...process.env, ...where, LOG_LEVEL: 'silent', PORT: '0', SEED_DEMO: 'false' });
  const database = await openDatabase(config.databaseUrl ? { databaseUrl: config.databaseUrl } : { dataDir: config.dataDir });
  app = await buildApp({ config, database, mailer: { send: async () => undefined } }, { logger: false });
} else if (mode === 'bare-hello') {
  app = Fastify();
  app.get('/', (_request, reply) => reply.send('hello'));
} else if (mode === 'bare-template') {
  app = await bareTemplate(arg, process.argv[4]);
} else {
  throw new Error(`unknown mode ${mode}`);
}
await app.listen({ host: '127.0.0.1', port: 0 });
process.stdout.write(`${JSON.stringify({ port: app.server.address().port })}\n`);
