import { randomUUID } from 'node:crypto';
import fastifyCookie from '@fastify/cookie';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { accessControl } from './platform/access.js';
import { csrfProtection } from './platform/csrf.js';
import { errorPages } from './platform/error-pages.js';
import { formBodies } from './platform/form-bodies.js';
import { loadShedding } from './platform/load-shedding.js';
import { nulBytes } from './platform/nul-bytes.js';
import { pageRendering } from './platform/page-rendering.js';
import { securityHeaders } from './platform/security-headers.js';
import { sessionUser } from './platform/session-user.js';
import { findSessionUser } from './platform/sessions.js';
import { staticFiles } from './platform/static-files.js';
import { registerFeatures } from './features/index.js';
import type { Services } from './services.js';

/**
 * The service: the platform's plugins, each in its own file under platform/ and in this order (hooks run in the order
 * they are registered: input is cleaned, then access is checked, then CSRF), then every feature's routes.
 */
export async function buildApp(services: Services, options: { logger?: FastifyServerOptions['logger'] } = {}): Promise<FastifyInstance> {
  const { config, database } = services;
  const https = config.baseUrl.startsWith('https://');
  const app = Fastify({
    logger: options.logger ?? { level: config.logLevel },
    trustProxy: config.trustProxy,
    bodyLimit: 1024 * 1024,
    genReqId: () => randomUUID(),
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 200 },
  });
  await loadShedding(app, services);

  await app.register(securityHeaders, { https });
  await app.register(fastifyCookie, { secret: config.sessionSecret });
  const sessions = { idleMinutes: config.sessionIdleMinutes, maxHours: config.sessionMaxHours };
  await app.register(sessionUser, { findUser: (token) => findSessionUser(database.db, token, sessions) });
  await app.register(formBodies);
  await app.register(nulBytes);
  await app.register(accessControl);
  await app.register(csrfProtection, { secret: config.sessionSecret, secure: https });
  await app.register(pageRendering);
  await app.register(errorPages);
  await app.register(staticFiles);

  await registerFeatures(app, services);
  return app;
}
