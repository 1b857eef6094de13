import type { FastifyInstance } from 'fastify';
import type { Services } from '../../services.js';
import { answerRoutes } from './answer-routes.js';
import { queueRoutes } from './queue-routes.js';
import { reportRoutes } from './report-routes.js';

/** Verification of suppliers' delivery reports: the queue, the report page with a decision per line, and the supplier's answers to queries. */
export async function verificationRoutes(app: FastifyInstance, services: Services): Promise<void> {
  await queueRoutes(app, services);
  await reportRoutes(app, services);
  await answerRoutes(app, services);
}
