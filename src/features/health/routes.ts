import type { FastifyInstance } from 'fastify';
import type { Services } from '../../services.js';

export async function healthRoutes(app: FastifyInstance, { database }: Services): Promise<void> {
  app.get('/health', { config: { access: 'public' } }, async (_request, reply) => {
    const ok = await database.ping(2000);
    return reply.code(ok ? 200 : 503).send({ status: ok ? 'ok' : 'unavailable', database: { kind: database.kind, status: ok ? 'up' : 'down' } });
  });
}
