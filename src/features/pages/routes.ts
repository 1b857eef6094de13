import type { FastifyInstance } from 'fastify';
import type { Services } from '../../services.js';
import { loadHome } from './load-home.js';

/** The home page and the service's standing pages. */
export async function pageRoutes(app: FastifyInstance, { database }: Services): Promise<void> {
  app.get('/', { config: { access: 'public' } }, async (request, reply) => {
    if (!request.user) return reply.page('pages/views/start.njk', { pageTitle: 'Home' });
    return reply.page('pages/views/dashboard.njk', { pageTitle: 'Home', sections: await loadHome(database.db, request.user) });
  });
  app.get('/about', { config: { access: 'public' } }, async (_request, reply) => reply.page('pages/views/about.njk', { pageTitle: 'About this service' }));
  app.get('/accessibility', { config: { access: 'public' } }, async (_request, reply) =>
    reply.page('pages/views/accessibility.njk', { pageTitle: 'Accessibility statement' }),
  );
}
