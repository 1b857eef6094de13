import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Services } from '../../services.js';
import { pageFrom, paginationLinks } from '../../domain/pagination.js';
import { field, formErrors } from '../../platform/forms.js';
import { districtNames } from '../organisations/postcode-districts.js';
import { outcomeTitles } from '../summaries/read.js';
import { PUBLIC_CACHE_CONTROL, sendCached } from '../transparency/http-cache.js';
import { publicRenderer } from '../transparency/public-views.js';
import { caseStudyPdf } from './case-study-pdf.js';
import { liveFigures } from './live-figures.js';
import { libraryYears, publicCaseStudy, searchLibrary, type LibraryFilters } from './public-repository.js';
import { imagesOf, imageWithContent, quotesOf } from './repository.js';
import { storyHtml } from './story.js';
import { uuidParam } from '../../platform/route-params.js';

const PAGE_SIZE = 10;
const SEARCH_MAX = 200;
const HTML = 'text/html; charset=utf-8';

/**
 * The public library of case studies on the transparency site: no sign-in, the same page for everyone (cacheable),
 * only published case studies of published contracts, and nothing about the people who wrote or approved them.
 * Search and filters are a GET form, so the library works without JavaScript.
 */
export async function publicCaseStudyRoutes(app: FastifyInstance, services: Services): Promise<void> {
  const { db } = services.database;
  const config = { access: 'public' as const };
  const render = publicRenderer();

  const page = (request: FastifyRequest, reply: FastifyReply, template: string, context: Record<string, unknown>, status = 200) =>
    sendCached(request, reply.code(status), render(`case-studies/views/${template}`, request.url.split('?')[0]!, context), HTML);

  const notFound = (request: FastifyRequest, reply: FastifyReply) =>
    reply
      .code(404)
      .header('cache-control', 'no-store')
      .type(HTML)
      .send(render('transparency/views/not-found.njk', request.url, { pageTitle: 'Page not found' }));

  app.get('/transparency/case-studies', { config }, async (request, reply) => {
    const [titles, years] = await Promise.all([outcomeTitles(db), libraryYears(db)]);
    const values = {
      q: field(request.query, 'q').trim(),
      outcome: field(request.query, 'outcome'),
      district: field(request.query, 'district'),
      year: field(request.query, 'year'),
    };
    const problems: [string, string][] = [];
    if (values.q.length > SEARCH_MAX) problems.push(['q', `Search words must be ${SEARCH_MAX} characters or fewer`]);
    if (values.outcome && !titles.has(values.outcome)) problems.push(['outcome', 'Select a strategic outcome from the list']);
    if (values.district && !districtNames.includes(values.district)) problems.push(['district', 'Select a district from the list']);
    if (values.year && !/^[0-9]{4}$/.test(values.year)) problems.push(['year', 'Select a year from the list']);
    const filters: LibraryFilters = { q: values.q, outcome: values.outcome, district: values.district, year: values.year ? Number(values.year) : null };
    const current = pageFrom(field(request.query, 'page'), PAGE_SIZE);
    const { rows, total } = problems.length ? { rows: [], total: 0 } : await searchLibrary(db, filters, current);
    const query = (n: number) =>
      `/transparency/case-studies?${new URLSearchParams({ ...Object.fromEntries(Object.entries(values).filter(([, v]) => v !== '')), ...(n > 1 ? { page: String(n) } : {}) }).toString()}`;
    const options = (all: string, list: { value: string; text: string }[], chosen: string) => [
      { value: '', text: all },
      ...list.map((o) => ({ ...o, selected: o.value === chosen })),
    ];
    return page(
      request,
      reply,
      'library.njk',
      {
        pageTitle: 'Case studies',
        values,
        filtered: Object.values(values).some((v) => v !== ''),
        outcomeItems: options(
          'All outcomes',
          [...titles].map(([code, title]) => ({ value: code, text: title })),
          values.outcome,
        ),
        districtItems: options(
          'All districts',
          districtNames.map((d) => ({ value: d, text: d })),
          values.district,
        ),
        yearItems: options(
          'Any year',
          years.map((y) => ({ value: String(y), text: String(y) })),
          values.year,
        ),
        caseStudies: rows.map((r) => ({ ...r, outcomes: r.outcomeCodes.map((c) => titles.get(c) ?? c) })),
        total,
        first: current.offset + 1,
        last: current.offset + rows.length,
        pagination: paginationLinks(current, total, query),
        ...(problems.length ? formErrors(problems) : {}),
      },
      problems.length ? 400 : 200,
    );
  });

  app.get('/transparency/case-studies/:id', { config }, async (request, reply) => {
    const id = uuidParam(request, 'id');
    const caseStudy = id ? await publicCaseStudy(db, id) : null;
    if (!caseStudy) return notFound(request, reply);
    const [figures, images, quotes, titles] = await Promise.all([
      liveFigures(db, caseStudy.id),
      imagesOf(db, caseStudy.id),
      quotesOf(db, caseStudy.id),
      outcomeTitles(db),
    ]);
    return page(request, reply, 'public-case-study.njk', {
      pageTitle: caseStudy.title,
      caseStudy,
      outcomes: caseStudy.outcomeCodes.map((c) => titles.get(c) ?? c),
      story: storyHtml(caseStudy.story),
      ...figures,
      images: images.map((i) => ({ altText: i.altText, src: `/transparency/case-studies/${caseStudy.id}/images/${i.id}` })),
      quotes,
    });
  });

  app.get('/transparency/case-studies/:id/case-study.pdf', { config }, async (request, reply) => {
    const id = uuidParam(request, 'id');
    const caseStudy = id ? await publicCaseStudy(db, id) : null;
    if (!caseStudy) return notFound(request, reply);
    const [figures, quotes, titles] = await Promise.all([liveFigures(db, caseStudy.id), quotesOf(db, caseStudy.id), outcomeTitles(db)]);
    const pdf = await caseStudyPdf({ ...caseStudy, outcomes: caseStudy.outcomeCodes.map((c) => titles.get(c) ?? c), quotes }, figures);
    return reply
      .header('cache-control', PUBLIC_CACHE_CONTROL)
      .header('content-disposition', `inline; filename="case-study-${caseStudy.id}.pdf"`)
      .type('application/pdf')
      .send(pdf);
  });

  app.get('/transparency/case-studies/:id/images/:imageId', { config }, async (request, reply) => {
    const id = uuidParam(request, 'id');
    const imageId = uuidParam(request, 'imageId');
    const caseStudy = id && imageId ? await publicCaseStudy(db, id) : null;
    const image = caseStudy && imageId ? await imageWithContent(db, caseStudy.id, imageId) : null;
    if (!image) return notFound(request, reply);
    const etag = `"${image.sha256}"`;
    reply.header('cache-control', PUBLIC_CACHE_CONTROL).header('etag', etag);
    if (request.headers['if-none-match']?.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag)) return reply.code(304).send();
    return reply.type(image.contentType).send(image.data);
  });
}
