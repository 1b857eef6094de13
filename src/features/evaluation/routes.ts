import type { FastifyInstance } from 'fastify';
import type { Services } from '../../services.js';
import { evaluatorRoutes } from './evaluator-routes.js';
import { moderationRoutes } from './moderation-routes.js';
import { resultsRoutes } from './results-routes.js';

/** Evaluation of a closed tender's bids: declarations and independent scoring, moderation and the lock, results. */
export async function evaluationRoutes(app: FastifyInstance, services: Services): Promise<void> {
  const { db } = services.database;
  await evaluatorRoutes(app, db);
  await moderationRoutes(app, db);
  await resultsRoutes(app, db);
}
