import type { FastifyError } from 'fastify';
import fp from 'fastify-plugin';
import { classifyError, wantsJson } from './errors.js';

/**
 * The 404 page for unknown addresses and an error page for every failure (403, 400, 503 when the database is away,
 * 500 otherwise), or JSON for the API and /health. Only 500s are logged as errors. Needs pageRendering.
 */
export const errorPages = fp(
  async (app) => {
    app.setNotFoundHandler((request, reply) => {
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
  },
  { name: 'sv-error-pages', dependencies: ['sv-page-rendering'] },
);
