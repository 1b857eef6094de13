import underPressure from '@fastify/under-pressure';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Services } from '../services.js';
import { wantsJson } from './errors.js';
import { navigationFor } from './navigation.js';
import { createViewEnvironment } from './views.js';

const BUSY_TITLE = 'Sorry, the service is busy';

/** Requests that are always served: machines asking whether the service is up, and the static files. */
function isExempt(request: FastifyRequest): boolean {
  return request.url === '/health' || request.url.startsWith('/assets/');
}

function prefersJson(request: FastifyRequest): boolean {
  const accept = request.headers.accept ?? '';
  return wantsJson(request) || (accept.includes('application/json') && !accept.includes('text/html'));
}

/**
 * Sheds load rather than queueing it: once the event loop lags (@fastify/under-pressure measures it) or the
 * database's queue is full (more queries waiting than LOAD_SHED_DATABASE_QUEUE, or more requests in progress than
 * the database's connections plus that many), a new request is answered at once with 503 and Retry-After (a "service busy" page
 * for people, JSON for API clients) instead of waiting many seconds behind the others. The check runs before the
 * session is looked up, so a refused request costs no query. /health and the static files are always served.
 * Registered directly on the app (not encapsulated), first, so that its hooks run before every other.
 */
export async function loadShedding(app: FastifyInstance, { config, database }: Services): Promise<void> {
  const { maxDatabaseQueue, maxEventLoopDelayMs, retryAfterSeconds } = config.loadShedding;
  // Rendered once, as for someone signed out: the page must cost next to nothing when the service is busiest.
  const page = createViewEnvironment().render('errors/busy.njk', { user: null, navigation: navigationFor(null, '/'), retryAfterSeconds });

  function busy(request: FastifyRequest, reply: FastifyReply, cause: string): string | { error: string } {
    request.log.warn({ cause }, 'service busy: request refused');
    reply.code(503).header('retry-after', String(retryAfterSeconds)).header('cache-control', 'no-store');
    if (prefersJson(request)) return { error: BUSY_TITLE };
    reply.type('text/html; charset=utf-8');
    return page;
  }

  if (maxEventLoopDelayMs > 0) {
    await app.register(underPressure, {
      maxEventLoopDelay: maxEventLoopDelayMs,
      retryAfter: retryAfterSeconds,
      // Returning nothing lets the request through; returning a body sends it (see @fastify/under-pressure).
      pressureHandler: ((request: FastifyRequest, reply: FastifyReply, type: string) =>
        isExempt(request) ? undefined : busy(request, reply, type)) as unknown as (request: FastifyRequest, reply: FastifyReply) => void,
    });
  }

  if (maxDatabaseQueue > 0) {
    // Queries waiting now, and the requests let in but not yet answered: many requests arriving together all pass
    // before any of them has queried, so the queue alone says too late how many will wait. Every request that is let
    // in may use the database, so no more are let in than it can serve at once plus the queue allowed.
    const capacity = database.connections + maxDatabaseQueue;
    const admitted = new WeakSet<FastifyRequest>();
    let inProgress = 0;
    const done = async (request: FastifyRequest) => {
      if (admitted.delete(request)) inProgress -= 1;
    };
    app.addHook('onRequest', async (request, reply) => {
      if (isExempt(request)) return;
      if (inProgress >= capacity || database.pending() >= maxDatabaseQueue) return reply.send(busy(request, reply, 'databaseQueue'));
      admitted.add(request);
      inProgress += 1;
    });
    app.addHook('onResponse', done);
    app.addHook('onRequestAbort', done);
  }
}
