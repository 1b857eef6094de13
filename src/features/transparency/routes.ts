import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Services } from '../../services.js';
import { COUNCIL_NAME } from '../../platform/views.js';
import { field } from '../../platform/forms.js';
import { uuidParam } from '../../platform/route-params.js';
import { publicColumns } from '../database/columns.js';
import { commitmentsDataset, deliveryDataset, type Dataset } from '../database/datasets.js';
import type { Key } from '../database/cursor.js';
import { allRows, sendCsv, sendJson } from '../database/export.js';
import { noFilters } from '../database/filters.js';
import { supplierFlags } from '../database/view-rows.js';
import { publicContractFigures, totalsByContract } from './contract-figures.js';
import { answeredFromCache, sendCached, sendRenderedFrom } from './http-cache.js';
import { overviewFigures } from './overview.js';
import { publicRenderer } from './public-views.js';
import { publishedContract, publishedContracts } from './repository.js';

const PAGE_SIZE = 25;
const HTML = 'text/html; charset=utf-8';
const LICENCE = { name: 'Open Government Licence v3.0', url: 'https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/' };

/**
 * The public transparency site: no sign-in, its own navigation, only published contracts and only verified
 * delivery, and nothing about any person. Every page and download carries an ETag and may be cached.
 */
export async function transparencyRoutes(app: FastifyInstance, services: Services): Promise<void> {
  const { db } = services.database;
  const config = { access: 'public' as const };
  const render = publicRenderer();

  const page = (request: FastifyRequest, reply: FastifyReply, template: string, context: Record<string, unknown>) =>
    sendCached(request, reply, render(`transparency/views/${template}`, request.url.split('?')[0]!, context), HTML);

  const notFound = (request: FastifyRequest, reply: FastifyReply) =>
    reply
      .code(404)
      .header('cache-control', 'no-store')
      .type(HTML)
      .send(render('transparency/views/not-found.njk', request.url, { pageTitle: 'Page not found' }));

  app.get('/transparency', { config }, async (request, reply) => {
    const figures = await overviewFigures(db);
    return sendRenderedFrom(
      request,
      reply,
      figures,
      () => render('transparency/views/overview.njk', '/transparency', { pageTitle: 'Social value of our contracts', ...figures }),
      HTML,
    );
  });

  app.get('/transparency/contracts', { config }, async (request, reply) => {
    const afterText = field(request.query, 'after');
    if (afterText && !/^[0-9]{1,12}$/.test(afterText)) return notFound(request, reply);
    const after = afterText ? Number(afterText) : null;
    const rows = await publishedContracts(db, after, PAGE_SIZE + 1);
    const shown = rows.slice(0, PAGE_SIZE);
    const totals = await totalsByContract(
      db,
      shown.map((c) => c.id),
    );
    return page(request, reply, 'contracts.njk', {
      pageTitle: 'Published contracts',
      contracts: shown.map((c) => ({ ...c, flags: supplierFlags(c), totals: totals.get(c.id) })),
      firstPage: after === null,
      nextHref: rows.length > PAGE_SIZE ? `/transparency/contracts?after=${shown[shown.length - 1]!.number}` : null,
    });
  });

  app.get('/transparency/contracts/:id', { config }, async (request, reply) => {
    const id = uuidParam(request, 'id');
    const contract = id ? await publishedContract(db, id) : null;
    if (!contract) return notFound(request, reply);
    return page(request, reply, 'contract.njk', {
      pageTitle: `${contract.reference}: ${contract.title}`,
      contract,
      ...(await publicContractFigures(db, contract)),
    });
  });

  app.get('/transparency/data', { config }, async (request, reply) =>
    page(request, reply, 'data.njk', {
      pageTitle: 'Open data',
      licence: LICENCE,
      // the Open Contracting (OCDS) package is served by the open data feature when it is part of the service
      ocds: app.hasRoute({ method: 'GET', url: '/transparency/ocds.json' }),
    }),
  );

  /** The public downloads: published contracts only, verified delivery only, public columns only. */
  const downloads: { dataset: Dataset; verifiedOnly: boolean; description: string }[] = [
    { dataset: commitmentsDataset as Dataset, verifiedOnly: false, description: 'Social value commitments of published contracts, with verified delivery' },
    { dataset: deliveryDataset as Dataset, verifiedOnly: true, description: 'Verified social value delivered under published contracts, by reporting period' },
  ];
  for (const { dataset, verifiedOnly, description } of downloads) {
    const columns = publicColumns(dataset.columns);
    const rows = () => allRows((after: Key | null, limit: number) => dataset.rows(db, noFilters, { publishedOnly: true, verifiedOnly }, after, limit));
    app.get(`/transparency/data/${dataset.name}.csv`, { config }, async (request, reply) => {
      if (await answeredFromCache(db, request, reply)) return reply;
      return sendCsv(reply, `social-value-${dataset.name}.csv`, columns, rows());
    });
    app.get(`/transparency/data/${dataset.name}.json`, { config }, async (request, reply) => {
      if (await answeredFromCache(db, request, reply)) return reply;
      const head = { publisher: COUNCIL_NAME, description, licence: LICENCE, generatedAt: new Date().toISOString() };
      return sendJson(reply, `social-value-${dataset.name}.json`, head, dataset.name, columns, rows());
    });
  }
}
