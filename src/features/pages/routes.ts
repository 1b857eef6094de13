import type { FastifyInstance } from 'fastify';
import type { Services } from '../../services.js';

/** The home page and the service's standing pages. */
export async function pageRoutes(app: FastifyInstance, _services: Services): Promise<void> {
  app.get('/', { config: { access: 'public' } }, async (request, reply) =>
    reply.page(request.user ? 'pages/views/dashboard.njk' : 'pages/views/start.njk', { pageTitle: 'Home' }),
  );
  app.get('/about', { config: { access: 'public' } }, async (_request, reply) => reply.page('pages/views/about.njk', { pageTitle: 'About this service' }));
  app.get('/accessibility', { config: { access: 'public' } }, async (_request, reply) =>
    reply.page('pages/views/accessibility.njk', { pageTitle: 'Accessibility statement' }),
  );
}
