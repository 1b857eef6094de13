import fastifyRateLimit from '@fastify/rate-limit';
import fastifySwagger from '@fastify/swagger';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Services } from '../../services.js';
import type { ApiScope } from '../../db/schema/index.js';
import { isUuid } from '../../platform/forms.js';
import { tokenHash } from '../api-tokens/token-hash.js';
import { commitmentsAfter, commitmentsOf, contractById, contractsAfter, deliveredAfter, deliveredOf, type Visibility } from '../open-data/contract-data.js';
import { decodeCursor, encodeCursor } from './cursor.js';
import { sendWithEtag } from './etag.js';
import { activeFramework, frameworkSchema } from './framework-data.js';
import { problem, sendProblem } from './problem.js';
import { summaryFigures, summaryQuerySchema, summarySchema, type SummaryQuery } from './summary.js';
import { commitmentResource, contractResource, deliveredResource, deliveredTotals } from './resources.js';
import { commitmentSchema, contractDetailSchema, contractSchema, deliveredSchema, errorResponses, listQuery, pageOf, scopeQuery } from './schemas.js';
import { bearerToken, tokenCheck, visibilityFor } from './token-auth.js';

export const API_PREFIX = '/api/v1';

interface ListQuery {
  cursor?: string;
  limit: number;
  scope?: ApiScope;
}

const security: { [scheme: string]: string[] }[] = [{ bearerAuth: [] }, {}];
const api = { access: 'api' } as const;

/**
 * The read-only JSON API: published contracts, commitments and verified delivery for anyone; every contract for a
 * staff token. Keyset pages with opaque cursors, ETags, a rate limit per token (or address), errors as problem
 * documents, and an OpenAPI 3.1 description made from the routes' schemas.
 */
export async function apiRoutes(app: FastifyInstance, services: Services): Promise<void> {
  const { db } = services.database;
  await app.register(
    async (v1) => {
      await v1.register(fastifySwagger, {
        openapi: {
          openapi: '3.1.0',
          info: {
            title: 'Social value API',
            version: '1.0.0',
            description:
              'Read-only social value data: contracts with their commitments and verified delivery, delivered outputs, the framework and summary figures. Without a token: published contracts only. A staff token (Authorization: Bearer <token>) also reads contracts that are not published.',
          },
          servers: [{ url: services.config.baseUrl }],
          components: { securitySchemes: { bearerAuth: { type: 'http', scheme: 'bearer', description: 'An API token made by an administrator' } } },
        },
      });
      await v1.register(fastifyRateLimit, {
        max: services.config.apiRateLimit,
        timeWindow: 60_000,
        keyGenerator: (request) => {
          const token = bearerToken(request);
          return token ? `token:${tokenHash(token)}` : `address:${request.ip}`;
        },
        errorResponseBuilder: (_request, context) => ({
          ...problem(429, `At most ${context.max} requests a minute. Try again in ${context.after}.`),
          statusCode: 429,
        }),
      });
      v1.decorateRequest('apiToken', null);
      v1.addHook('onRequest', tokenCheck(db));
      v1.setErrorHandler((error: FastifyError, request, reply) => {
        const status = error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 500;
        if (status >= 500) request.log.error({ err: error }, 'API request failed');
        if (status === 400 && error.validation) return sendProblem(reply, 400, `The ${error.validationContext ?? 'request'} is not right: ${error.message}`);
        const detail = (error as FastifyError & { detail?: string }).detail ?? error.message;
        return sendProblem(reply, status, status < 500 ? detail : undefined);
      });
      v1.setNotFoundHandler((_request, reply) => sendProblem(reply, 404, 'There is nothing at this address. The routes are listed at /api/v1/openapi.json'));

      /** The page's items in id order after the cursor, one more than asked to know whether another page follows. */
      async function page<T extends { id: string }>(
        request: FastifyRequest,
        reply: FastifyReply,
        read: (visibility: Visibility, after: string | null, limit: number) => Promise<T[]>,
        present: (rows: T[], visibility: Visibility) => Promise<object[]> | object[],
      ) {
        const query = request.query as ListQuery;
        const visibility = visibilityFor(request, reply, query.scope);
        if (!visibility) return reply;
        const after = query.cursor === undefined ? null : decodeCursor(query.cursor);
        if (after === undefined) return sendProblem(reply, 400, 'The cursor is not one this API gave. Start again without a cursor, then follow links.next.');
        const rows = await read(visibility, after, query.limit + 1);
        const items = rows.slice(0, query.limit);
        const path = request.url.split('?')[0];
        const params = (cursor?: string) => {
          const search = new URLSearchParams();
          if (cursor) search.set('cursor', cursor);
          if (query.limit !== 50) search.set('limit', String(query.limit));
          if (query.scope) search.set('scope', query.scope);
          const text = search.toString();
          return `${path}${text ? `?${text}` : ''}`;
        };
        const next = rows.length > query.limit ? params(encodeCursor(items[items.length - 1]!.id)) : null;
        return sendWithEtag(request, reply, { data: await present(items, visibility), links: { self: params(query.cursor), next } });
      }

      async function contractsWithCommitments(rows: Awaited<ReturnType<typeof contractsAfter>>) {
        const ids = rows.map((r) => r.id);
        const [commitments, delivered] = await Promise.all([commitmentsOf(db, ids), deliveredOf(db, ids)]);
        return rows.map((row) => {
          const totals = deliveredTotals(delivered.filter((d) => d.contractId === row.id));
          return {
            ...contractResource(row),
            commitments: commitments.filter((c) => c.contractId === row.id).map((c) => commitmentResource(c, totals.byCommitment.get(c.id) ?? 0)),
            additionalSocialValuePence: totals.additionalSocialValuePence,
          };
        });
      }

      v1.get(
        '/contracts',
        {
          config: api,
          schema: {
            summary: 'Contracts with their commitments and verified delivery',
            tags: ['contracts'],
            security,
            querystring: listQuery,
            response: { 200: pageOf(contractSchema), ...errorResponses },
          },
        },
        async (request, reply) => page(request, reply, (visibility, after, limit) => contractsAfter(db, visibility, after, limit), contractsWithCommitments),
      );

      v1.get(
        '/contracts/:id',
        {
          config: api,
          schema: {
            summary: 'One contract with its commitments and every verified delivered output',
            tags: ['contracts'],
            security,
            params: { type: 'object', properties: { id: { type: 'string' } }, required: ['id'] },
            querystring: scopeQuery,
            response: { 200: contractDetailSchema, 404: errorResponses[400], ...errorResponses },
          },
        },
        async (request, reply) => {
          const visibility = visibilityFor(request, reply, (request.query as { scope?: ApiScope }).scope);
          if (!visibility) return reply;
          const { id } = request.params as { id: string };
          const row = isUuid(id) ? await contractById(db, visibility, id) : null;
          if (!row) return sendProblem(reply, 404, 'There is no contract with this id that this request may read.');
          const [contract] = await contractsWithCommitments([row]);
          return sendWithEtag(request, reply, { ...contract, deliveredOutputs: (await deliveredOf(db, [id])).map(deliveredResource) });
        },
      );

      v1.get(
        '/commitments',
        {
          config: api,
          schema: {
            summary: 'Social value commitments of contracts',
            tags: ['commitments'],
            security,
            querystring: listQuery,
            response: { 200: pageOf(commitmentSchema), ...errorResponses },
          },
        },
        async (request, reply) =>
          page(
            request,
            reply,
            (visibility, after, limit) => commitmentsAfter(db, visibility, after, limit),
            async (rows) => {
              const delivered = deliveredTotals(
                (await deliveredOf(db, [...new Set(rows.map((r) => r.contractId))])).filter((d) => d.commitmentId && rows.some((r) => r.id === d.commitmentId)),
              );
              return rows.map((c) => commitmentResource(c, delivered.byCommitment.get(c.id) ?? 0));
            },
          ),
      );

      v1.get(
        '/delivered-outputs',
        {
          config: api,
          schema: {
            summary: 'Delivered outputs verified by the council',
            tags: ['delivery'],
            security,
            querystring: listQuery,
            response: { 200: pageOf(deliveredSchema), ...errorResponses },
          },
        },
        async (request, reply) =>
          page(
            request,
            reply,
            (visibility, after, limit) => deliveredAfter(db, visibility, after, limit),
            (rows) => rows.map(deliveredResource),
          ),
      );

      v1.get(
        '/framework',
        {
          config: api,
          schema: {
            summary: 'Strategic outcomes and measures of the framework in use',
            tags: ['framework'],
            security,
            response: { 200: frameworkSchema, 404: errorResponses[400], ...errorResponses },
          },
        },
        async (request, reply) => {
          const framework = await activeFramework(db);
          if (!framework) return sendProblem(reply, 404, 'No framework version is active yet.');
          return sendWithEtag(request, reply, framework);
        },
      );

      v1.get(
        '/summary',
        {
          config: api,
          schema: {
            summary:
              'Headline figures: social value promised, committed and verified, delivery to date, contracts and spend with SME, VCSE and local suppliers, by outcome and quarter',
            tags: ['summary'],
            security,
            querystring: summaryQuerySchema,
            response: { 200: summarySchema, ...errorResponses },
          },
        },
        async (request, reply) => {
          const { scope, ...filters } = request.query as SummaryQuery & { scope?: ApiScope };
          const visibility = visibilityFor(request, reply, scope);
          if (!visibility) return reply;
          return sendWithEtag(request, reply, await summaryFigures(db, visibility, filters));
        },
      );

      v1.get(
        '/openapi.json',
        {
          config: api,
          schema: { summary: 'This description of the API (OpenAPI 3.1)', tags: ['api'], response: { 200: { type: 'object', additionalProperties: true } } },
        },
        async (request, reply) => sendWithEtag(request, reply, v1.swagger()),
      );
    },
    { prefix: API_PREFIX },
  );
}
