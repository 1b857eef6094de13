import type { FastifyInstance } from 'fastify';
import type { Services } from '../../services.js';
import { serviceStatus } from './service-status.js';

export async function healthRoutes(app: FastifyInstance, { database }: Services): Promise<void> {
  // For machines (load balancers, monitoring): JSON, 503 when the database does not answer.
  app.get('/health', { config: { access: 'public' } }, async (_request, reply) => {
    const ok = await database.ping(2000);
    return reply.code(ok ? 200 : 503).send({ status: ok ? 'ok' : 'unavailable', database: { kind: database.kind, status: ok ? 'up' : 'down' } });
  });

  // For people: each part of the service, working or not, in plain words.
  app.get('/status', { config: { access: 'public' } }, async (_request, reply) => {
    const checkedAt = new Date();
    const parts = await serviceStatus(database, checkedAt);
    return reply.page('health/views/status.njk', { pageTitle: 'Service status', parts, checkedAt, problems: parts.some((p) => !p.working) });
  });
}
