import { createHash, randomUUID } from 'node:crypto';
import fastifyCookie from '@fastify/cookie';
import fastifyCsrf from '@fastify/csrf-protection';
import fastifyFormbody from '@fastify/formbody';
import fastifyMultipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyError, type FastifyInstance, type FastifyReply, type FastifyServerOptions } from 'fastify';
import { assertAccessDeclared, enforceAccess } from './platform/access.js';
import type { Actor } from './platform/audit.js';
import type { CurrentUser } from './platform/current-user.js';
import { asBadForm, classifyError, wantsJson } from './platform/errors.js';
import { loadShedding } from './platform/load-shedding.js';
import { navigationFor } from './platform/navigation.js';
import { publicDir } from './platform/paths.js';
import { SESSION_COOKIE, findSessionUser } from './platform/sessions.js';
import { createViewEnvironment } from './platform/views.js';
import { registerFeatures } from './features/index.js';
import type { Services } from './services.js';

declare module 'fastify' {
  interface FastifyRequest {
    user: CurrentUser | null;
    actor: Actor;
  }
  interface FastifyReply {
    page(template: string, context?: Record<string, unknown>): FastifyReply;
  }
  interface FastifyContextConfig {
    /** the route reads its multipart files as streams (request.parts()) instead of having them buffered into the body */
    streamsFiles?: boolean;
  }
}

// The one inline script in GOV.UK Frontend's template; allowed by its hash rather than 'unsafe-inline'.
const GOVUK_INLINE_SCRIPT = "document.body.className += ' js-enabled' + ('noModule' in HTMLScriptElement.prototype ? ' govuk-frontend-supported' : '');";
const CSP = [
  "default-src 'self'",
  `script-src 'self' 'sha256-${createHash('sha256').update(GOVUK_INLINE_SCRIPT).digest('base64')}'`,
  "style-src 'self'",
  "img-src 'self' data:",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "object-src 'none'",
].join('; ');

export async function buildApp(services: Services, options: { logger?: FastifyServerOptions['logger'] } = {}): Promise<FastifyInstance> {
  const { config, database } = services;
  const secure = config.baseUrl.startsWith('https://');
  const app = Fastify({
    logger: options.logger ?? { level: config.logLevel },
    trustProxy: config.trustProxy,
    bodyLimit: 1024 * 1024,
    genReqId: () => randomUUID(),
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 200 },
  });
  await loadShedding(app, services);

  const views = createViewEnvironment();
  app.decorateRequest('user', null);
  app.decorateRequest('actor', null as unknown as Actor);
  app.decorateReply('page', function (this: FastifyReply, template: string, context: Record<string, unknown> = {}) {
    const request = this.request;
    const html = views.render(template, {
      ...context,
      user: request.user,
      csrfToken: this.generateCsrf(),
      navigation: navigationFor(request.user, request.url),
      requestId: request.id,
    });
    return this.type('text/html; charset=utf-8').send(html);
  });

  // Deny by default: every route must say who may use it.
  app.addHook('onRoute', (route) => {
    if (route.url.startsWith('/assets/')) route.config = { ...(route.config as object), access: 'public' };
    assertAccessDeclared(route);
  });

  await app.register(fastifyCookie, { secret: config.sessionSecret });
  await app.register(fastifyFormbody, { bodyLimit: 1024 * 1024 });
  await app.register(fastifyMultipart, { limits: { fileSize: 5 * 1024 * 1024, files: 1, fields: 20 } });
  // Multipart forms are read whole into request.body (files as buffers, within the limits above), except on routes
  // that stream their files (config.streamsFiles): those read the parts themselves after access and CSRF checks.
  app.addHook('preValidation', async (request) => {
    if (!request.isMultipart() || request.routeOptions.config.streamsFiles) return;
    try {
      for await (const part of request.parts()) {
        request.body = part.fields;
        if (part.type === 'file') await part.toBuffer();
      }
    } catch (error) {
      throw asBadForm(error);
    }
  });
  await app.register(fastifyCsrf, {
    cookieKey: 'sv_csrf',
    cookieOpts: { signed: true, httpOnly: true, sameSite: 'lax', secure, path: '/' },
    getToken: (request) => {
      const field = (request.body as Record<string, unknown> | undefined)?._csrf;
      if (typeof field === 'string') return field;
      if (field && typeof field === 'object' && 'value' in field) return String((field as { value: unknown }).value);
      return request.headers['x-csrf-token'] as string | undefined;
    },
  });
  await app.register(fastifyStatic, {
    root: publicDir,
    prefix: '/assets/',
    preCompressed: true,
    maxAge: 60 * 60 * 1000,
    index: false,
  });

  app.addHook('onRoute', (route) => {
    const methods = ([] as string[]).concat(route.method);
    const checks = [enforceAccess, ...(methods.some((m) => m !== 'GET' && m !== 'HEAD') ? [app.csrfProtection] : [])];
    route.preHandler = [...checks, ...([] as unknown[]).concat(route.preHandler ?? [])] as typeof route.preHandler;
  });

  app.addHook('onRequest', async (request) => {
    request.actor = { id: null, label: 'anonymous', requestId: request.id };
    if (request.url.startsWith('/assets/')) return;
    const signed = request.cookies[SESSION_COOKIE];
    if (!signed) return;
    const token = request.unsignCookie(signed);
    if (!token.valid || !token.value) return;
    request.user = await findSessionUser(database.db, token.value, { idleMinutes: config.sessionIdleMinutes, maxHours: config.sessionMaxHours });
    if (request.user) request.actor = { id: request.user.id, label: request.user.email, requestId: request.id };
  });

  app.addHook('onSend', async (request, reply) => {
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'same-origin');
    reply.header('x-frame-options', 'DENY');
    reply.header('permissions-policy', 'camera=(), microphone=(), geolocation=()');
    if (!request.url.startsWith('/assets/')) {
      reply.header('content-security-policy', CSP);
      if (!reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
    }
  });

  app.setNotFoundHandler({ preHandler: [] }, (request, reply) => {
    if (wantsJson(request)) return reply.code(404).send({ error: 'Not found' });
    return reply.code(404).page('errors/404.njk', { pageTitle: 'Page not found' });
  });

  app.setErrorHandler((error: FastifyError, request, reply) => {
    const { status, template, title } = classifyError(error);
    if (status >= 500) request.log.error({ err: error }, 'request failed');
    else request.log.info({ err: { message: error.message, code: error.code } }, 'request refused');
    if (wantsJson(request)) return reply.code(status).send({ error: title });
    return reply.code(status).page(template, { pageTitle: title, title });
  });

  await registerFeatures(app, services);
  return app;
}
