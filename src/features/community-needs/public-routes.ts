import type { FastifyInstance } from 'fastify';
import type { Services } from '../../services.js';
import { todayIso } from '../../domain/dates.js';
import { pageFrom, paginationLinks } from '../../domain/pagination.js';
import { field } from '../../platform/forms.js';
import { sendCached } from '../transparency/http-cache.js';
import { publicRenderer } from '../transparency/public-views.js';
import { needView, pledgeView } from './presenters.js';
import { metPledges, searchOpenNeeds } from './repository.js';
import { needChoices } from './route-support.js';

const PAGE_SIZE = 20;
const MET_SHOWN = 20;
const HTML = 'text/html; charset=utf-8';

/**
 * The public needs board on the transparency site: open needs of approved organisations and pledges they confirmed
 * met. No sign-in and no personal details: a contact shows only where the organisation ticked to publish it, and a
 * pledge shows the supplier (an organisation), never the people who made or confirmed it.
 */
export async function publicNeedsRoutes(app: FastifyInstance, services: Services): Promise<void> {
  const { db } = services.database;
  const render = publicRenderer();

  app.get('/transparency/needs', { config: { access: 'public' } }, async (request, reply) => {
    const page = pageFrom(field(request.query, 'page'), PAGE_SIZE);
    const [{ outcomeTitles }, open, met] = await Promise.all([
      needChoices(db),
      searchOpenNeeds(db, { q: '', district: '', outcome: '', type: '' }, todayIso(), page),
      metPledges(db, MET_SHOWN),
    ]);
    const html = render('community-needs/views/public-board.njk', '/transparency/needs', {
      pageTitle: 'Community needs board',
      needs: open.rows.map((n) => needView(n, outcomeTitles, { showContact: n.publishContact })),
      total: open.total,
      pagination: paginationLinks(page, open.total, (n) => `/transparency/needs?page=${n}`),
      met: met.map((p) => {
        const v = pledgeView(p);
        return {
          supplierName: v.supplierName,
          needTitle: v.needTitle,
          organisationName: v.needOrganisationName,
          district: v.needDistrict,
          metQuantity: v.metQuantity,
          measureTitle: v.measureTitle,
          delivered: v.metDescription,
          metOn: v.metOn,
        };
      }),
    });
    return sendCached(request, reply, html, HTML);
  });
}
