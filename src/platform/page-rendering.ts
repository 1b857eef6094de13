import type { FastifyReply } from 'fastify';
import fp from 'fastify-plugin';
import { navigationFor } from './navigation.js';
import { createViewEnvironment } from './views.js';

declare module 'fastify' {
  interface FastifyReply {
    /** renders a Nunjucks template as the HTML answer, with what every page needs (the user, CSRF token, navigation) */
    page(template: string, context?: Record<string, unknown>): FastifyReply;
  }
}

/**
 * `reply.page(template, context)`: every page is rendered with the signed-in user, a CSRF token for its forms (when
 * the CSRF plugin is registered first), the navigation for the user and the request id shown on error pages.
 */
export const pageRendering = fp(
  async (app) => {
    const views = createViewEnvironment();
    const withCsrf = app.hasReplyDecorator('csrfToken');
    app.decorateReply('page', function (this: FastifyReply, template: string, context: Record<string, unknown> = {}) {
      const request = this.request;
      const html = views.render(template, {
        ...context,
        user: request.user ?? null,
        csrfToken: withCsrf ? this.csrfToken() : '',
        navigation: navigationFor(request.user ?? null, request.url),
        requestId: request.id,
      });
      return this.type('text/html; charset=utf-8').send(html);
    });
  },
  { name: 'sv-page-rendering' },
);
