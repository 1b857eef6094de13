import type { FastifyInstance } from 'fastify';

/** The home page and the service's standing pages. */
export async function pageRoutes(app: FastifyInstance): Promise<void> {
  app.get('/', { config: { access: 'public' } }, async (request, reply) =>
    reply.page(request.user ? 'pages/views/dashboard.njk' : 'pages/views/start.njk', { pageTitle: 'Home' }),
  );
  app.get('/about', { config: { access: 'public' } }, async (_request, reply) =>
    reply.page('pages/views/about.njk', { pageTitle: 'About this service' }),
  );
  app.get('/accessibility', { config: { access: 'public' } }, async (_request, reply) =>
    reply.page('pages/views/accessibility.njk', { pageTitle: 'Accessibility statement' }),
  );
}
