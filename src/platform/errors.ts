import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';

const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'ENOTFOUND',
  'EPIPE',
  '57P01',
  '57P02',
  '57P03',
  '08000',
  '08001',
  '08003',
  '08006',
  '53300',
]);

/** True when the error means the database cannot be reached, rather than a fault in the request or the code. */
export function isDatabaseUnavailable(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; current && depth < 5; depth++) {
    const e = current as { code?: unknown; message?: unknown; cause?: unknown };
    if (typeof e.code === 'string' && UNAVAILABLE_CODES.has(e.code)) return true;
    if (
      typeof e.message === 'string' &&
      /Connection terminated|PGlite is closed|connect ECONNREFUSED|timeout exceeded when trying to connect/i.test(e.message)
    ) {
      return true;
    }
    current = e.cause;
  }
  return false;
}

/** Postgres says the input could not be read as the column's type (a malformed id, say): the thing asked for does not exist. */
function isBadIdentifier(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; current && depth < 5; depth++) {
    const e = current as { code?: unknown; cause?: unknown };
    if (e.code === '22P02') return true;
    current = e.cause;
  }
  return false;
}

interface ErrorPage {
  status: number;
  template: string;
  title: string;
}

/**
 * A form body the parser could not read (a broken multipart body, a form cut off on the way) is the sender's
 * problem: 400, not 500. Errors that already say their status keep it.
 */
export function asBadForm(error: unknown): unknown {
  if (error instanceof Error && (error as { statusCode?: number }).statusCode === undefined) Object.assign(error, { statusCode: 400 });
  return error;
}

export function classifyError(error: FastifyError): ErrorPage {
  if (isDatabaseUnavailable(error)) return { status: 503, template: 'errors/503.njk', title: 'Sorry, the service is unavailable' };
  if (isBadIdentifier(error)) return { status: 404, template: 'errors/404.njk', title: 'Page not found' };
  const code = error.code ?? '';
  if (code.startsWith('FST_CSRF')) return { status: 403, template: 'errors/csrf.njk', title: 'Your form could not be sent' };
  const status = error.statusCode ?? 500;
  if (status === 403) return { status, template: 'errors/403.njk', title: 'You do not have permission to see this page' };
  if (status === 404) return { status, template: 'errors/404.njk', title: 'Page not found' };
  if (status === 413) return { status, template: 'errors/400.njk', title: 'The file or form you sent is too large' };
  if (status === 415) return { status, template: 'errors/400.njk', title: 'The form was sent in a way the service cannot read' };
  if (status >= 400 && status < 500) return { status, template: 'errors/400.njk', title: 'There is a problem with what was sent' };
  return { status: 500, template: 'errors/500.njk', title: 'Sorry, there is a problem with the service' };
}

export function wantsJson(request: FastifyRequest): boolean {
  return request.url.startsWith('/api/') || request.url === '/health';
}

export type PageRenderer = (reply: FastifyReply, template: string, context: Record<string, unknown>) => FastifyReply;
