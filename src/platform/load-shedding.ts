import { performance } from 'node:perf_hooks';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Services } from '../services.js';
import { wantsJson } from './errors.js';
import { watchEventLoopWait } from './event-loop-wait.js';
import { navigationFor } from './navigation.js';
import { TurnByTurn } from './turn-by-turn.js';
import { createViewEnvironment } from './views.js';

const BUSY_TITLE = 'Sorry, the service is busy';
/** On the embedded database, how long one turn of the event loop may go on starting requests (see turn-by-turn.ts). */
const TURN_BUDGET_MS = 50;

/** Requests that are always served: machines asking whether the service is up, and the static files. */
function isExempt(request: FastifyRequest): boolean {
  return request.url === '/health' || request.url.startsWith('/assets/');
}

function prefersJson(request: FastifyRequest): boolean {
  const accept = request.headers.accept ?? '';
  return wantsJson(request) || (accept.includes('application/json') && !accept.includes('text/html'));
}

/**
 * Sheds load rather than queueing it. A new request is answered at once with 503 and Retry-After (a "service busy"
 * page for people, JSON for API clients) instead of waiting many seconds behind the others when:
 * - it has already waited longer than LOAD_SHED_EVENT_LOOP_DELAY_MS to be read, because the event loop was busy
 *   (see event-loop-wait.ts); or
 * - more queries wait for the database than LOAD_SHED_DATABASE_QUEUE, or more requests are in progress than the
 *   database's connections plus that many (many requests arriving together all pass before any has queried, so the
 *   queue alone says too late how many will wait).
 * On the embedded database, whose queries run on the service's own thread, the requests let in start a few per turn of
 * the event loop (turn-by-turn.ts), so that they wait in the admission queue, which is bounded, rather than unread in
 * their sockets or not yet accepted, where the service cannot see them.
 * The checks run before the session is looked up, so a refused request costs no query. /health and the static files
 * are always served. Registered directly on the app (not encapsulated), first, so that its hooks run before every other.
 */
export async function loadShedding(app: FastifyInstance, { config, database }: Services): Promise<void> {
  const { maxDatabaseQueue, maxEventLoopDelayMs, retryAfterSeconds } = config.loadShedding;
  if (maxDatabaseQueue === 0 && maxEventLoopDelayMs === 0) return;
  // Rendered once, as for someone signed out: the page must cost next to nothing when the service is busiest.
  const page = createViewEnvironment().render('errors/busy.njk', { user: null, navigation: navigationFor(null, '/'), retryAfterSeconds });

  // Logged at most once a second, with how many were refused since: a line for each would add to the load.
  let refusedSince = 0;
  let loggedAt = -Infinity;
  function busy(request: FastifyRequest, reply: FastifyReply, cause: string): string | { error: string } {
    refusedSince += 1;
    if (performance.now() - loggedAt >= 1000) {
      request.log.warn({ cause, refused: refusedSince }, 'service busy: requests refused');
      refusedSince = 0;
      loggedAt = performance.now();
    }
    reply.code(503).header('retry-after', String(retryAfterSeconds)).header('cache-control', 'no-store');
    if (prefersJson(request)) return { error: BUSY_TITLE };
    reply.type('text/html; charset=utf-8');
    return page;
  }

  const wait = maxEventLoopDelayMs > 0 ? watchEventLoopWait() : undefined;
  if (wait) app.addHook('onClose', async () => wait.stop());
  const capacity = database.connections + maxDatabaseQueue;
  const turns = maxDatabaseQueue > 0 && database.kind === 'pglite' ? new TurnByTurn(TURN_BUDGET_MS) : undefined;
  if (turns) app.server.on('connection', () => turns.connectionAccepted());
  const admitted = new WeakSet<FastifyRequest>();
  let inProgress = 0;

  function refusal(): string | undefined {
    if (wait && wait.waitedMs() > maxEventLoopDelayMs) return 'eventLoopWait';
    if (maxDatabaseQueue > 0 && (inProgress >= capacity || database.pending() >= maxDatabaseQueue)) return 'databaseQueue';
    return undefined;
  }

  app.addHook('onRequest', async (request, reply) => {
    if (isExempt(request)) return;
    const cause = refusal();
    if (cause) return reply.send(busy(request, reply, cause));
    if (maxDatabaseQueue === 0) return;
    admitted.add(request);
    inProgress += 1;
    await turns?.wait();
  });
  const done = async (request: FastifyRequest) => {
    if (!admitted.delete(request)) return;
    inProgress -= 1;
    turns?.finished();
  };
  app.addHook('onResponse', done);
  app.addHook('onRequestAbort', done);
}
