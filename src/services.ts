import type { FastifyInstance } from 'fastify';
import type { Config } from './config.js';
import type { Database } from './db/client.js';
import type { Mailer } from './platform/mail.js';

/** What the service is built from: its settings, its database and its mailer. Every feature gets these. */
export interface Services {
  config: Config;
  database: Database;
  mailer: Mailer;
}

/** The one shape of a feature: it registers its routes on the app with the services it needs. */
export type Feature = (app: FastifyInstance, services: Services) => Promise<void>;
