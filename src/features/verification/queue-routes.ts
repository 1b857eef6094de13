import type { FastifyInstance } from 'fastify';
import type { Services } from '../../services.js';
import { pageFrom, paginationLinks, shownRange } from '../../domain/pagination.js';
import { staffRoles } from '../../platform/current-user.js';
import { field } from '../../platform/forms.js';
import { reportPeriodLabel } from '../../domain/report-period.js';
import { listQueue } from './repository.js';
import { reportPath } from './route-support.js';

const PAGE_SIZE = 50;

/** Reports waiting for a decision, and those waiting for the supplier's answers, the contracts I manage first. */
export async function queueRoutes(app: FastifyInstance, services: Services): Promise<void> {
  const { db } = services.database;

  app.get('/verification', { config: { access: staffRoles } }, async (request, reply) => {
    const mine = field(request.query, 'mine') === 'yes';
    const page = pageFrom(field(request.query, 'page'), PAGE_SIZE);
    const { rows, total } = await listQueue(db, request.user!.id, mine, page);
    const hrefFor = (n: number) => `/verification?${new URLSearchParams({ ...(mine ? { mine: 'yes' } : {}), page: String(n) }).toString()}`;
    return reply.page('verification/views/queue.njk', {
      pageTitle: 'Delivery reports to verify',
      mine,
      ...shownRange(page, rows.length, total),
      rows: rows.map((r) => ({
        ...r,
        href: reportPath(r.contractId, r.id),
        label: reportPeriodLabel(r, r),
        waitingFor: r.status === 'queried' ? 'Waiting for the supplier' : 'Waiting for a decision',
      })),
      pagination: paginationLinks(page, total, hrefFor),
    });
  });
}
