import { ConfigError, loadConfig } from './config.js';
import { DataFolderInUseError, openDatabase } from './db/client.js';
import { serviceJobs } from './features/background-jobs/service-jobs.js';
import { undoUnfinishedImports } from './features/contract-import/undo-import.js';
import { startReportDelivery } from './features/report-subscriptions/deliver-reports.js';
import { reportSender } from './features/report-subscriptions/sender.js';
import { startReportFileWorker } from './features/reports/make-report-files.js';
import { undoUnfinishedSpendImports } from './features/spend/undo-spend-import.js';
import { startJobs } from './platform/jobs.js';
import { createMailer, startMailWorker } from './platform/mail.js';
import { DEMO_PASSWORD, demoUsers, seedIfEmpty } from './seed/demo.js';

async function main(): Promise<void> {
  const startedAt = performance.now();
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(78);
    }
    throw error;
  }

  // The embedded database compiles its WebAssembly while the application's modules load.
  const opening = openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  opening.catch(() => undefined);
  const { buildApp } = await import('./app.js');
  let database;
  try {
    database = await opening;
  } catch (error) {
    if (error instanceof DataFolderInUseError) {
      console.error(error.message);
      process.exit(75);
    }
    console.error(`Could not open the database: ${(error as Error).message}`);
    process.exit(69);
  }

  // An import cut short when the service last stopped is undone; on the embedded database no other process can be importing.
  await undoUnfinishedImports(database.db, database.kind === 'pglite' ? { leaseMs: 0 } : {});
  await undoUnfinishedSpendImports(database.db, database.kind === 'pglite' ? { leaseMs: 0 } : {});
  const seeded = config.seedDemo ? await seedIfEmpty(database.db) : false;
  const bootLog = { level: config.logLevel };
  const placeholder = { info: () => undefined, error: () => undefined };
  const services = { config, database, mailer: createMailer(config.smtpUrl, config.mailFrom, placeholder) };
  const app = await buildApp(services, { logger: bootLog });
  services.mailer = createMailer(config.smtpUrl, config.mailFrom, app.log);
  const mailWorker = startMailWorker(database.db, services.mailer, app.log);
  const jobRunner = startJobs(database.db, serviceJobs(config.baseUrl), app.log);
  const reportDelivery = startReportDelivery(database.db, reportSender(services), app.log);
  const reportWorker = startReportFileWorker(services, app.log);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    app.log.info({ signal }, 'stopping');
    const force = setTimeout(() => process.exit(1), config.shutdownGraceMs).unref();
    await app.close();
    await jobRunner.stop();
    await reportDelivery.stop();
    await reportWorker.stop();
    await mailWorker.stop();
    await database.close();
    clearTimeout(force);
    app.log.info('stopped cleanly');
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));

  await app.listen({ host: config.host, port: config.port });
  const { port } = app.server.address() as { port: number };
  const address = config.port === 0 ? `http://localhost:${port}` : config.baseUrl;
  const lines = [
    '',
    `Social value service is running at ${address} (${database.kind === 'pglite' ? `embedded database in ${config.dataDir}` : 'PostgreSQL server'}; ready in ${Math.round(performance.now() - startedAt)} ms)`,
  ];
  if (config.seedDemo) {
    lines.push(seeded ? 'Demo data was loaded. Demo sign-ins (password for all):' : 'Demo sign-ins (password for all):');
    lines.push(`  password: ${DEMO_PASSWORD}`);
    for (const user of demoUsers) lines.push(`  ${user.email.padEnd(32)} ${user.description}`);
  }
  lines.push('Press Ctrl+C to stop.', '');
  process.stdout.write(lines.join('\n') + '\n');
}

void main();
