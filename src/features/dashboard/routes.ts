import type { FastifyInstance } from 'fastify';
import type { Services } from '../../services.js';
import { todayIso } from '../../domain/dates.js';
import { cachedRead } from '../../db/read-cache.js';
import { staffRoles } from '../../platform/current-user.js';
import { summaryChoices } from '../summaries/read.js';
import { dashboardView, filterView } from './dashboard-view.js';
import { readFilter } from './filters.js';
import { loadDashboard } from './load-dashboard.js';

/** The internal dashboard: headline figures, breakdowns, trend, contracts most behind and policy compliance. */
export async function dashboardRoutes(app: FastifyInstance, services: Services): Promise<void> {
  const { db } = services.database;

  app.get('/dashboard', { config: { access: staffRoles } }, async (request, reply) => {
    const choices = await cachedRead(db, 'dashboard:choices', () => summaryChoices(db, 'all'));
    const reading = readFilter(request.query, choices);
    if (!reading.ok) return reply.code(400).page('dashboard/views/dashboard.njk', { ...filterView(reading.values, choices), ...reading.errors });
    const data = await loadDashboard(db, reading.filter, todayIso());
    return reply.page('dashboard/views/dashboard.njk', dashboardView(data, reading.filter, reading.values, choices));
  });
}
