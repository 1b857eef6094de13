import type { FastifyInstance } from 'fastify';
import type { Services } from '../../services.js';
import { releasePackageStream } from './release-package.js';

/** The open data download: every published contract as an OCDS release package, streamed as it is read. */
export async function ocdsExportRoutes(app: FastifyInstance, { config, database }: Services): Promise<void> {
  app.get('/transparency/ocds.json', { config: { access: 'public' } }, async (_request, reply) => {
    reply.type('application/json; charset=utf-8').header('cache-control', 'public, max-age=300');
    return reply.send(releasePackageStream(database.db, { baseUrl: config.baseUrl, ocidPrefix: config.ocidPrefix }));
  });
}
