import type { FastifyReply, FastifyRequest } from 'fastify';
import { field, isUuid } from './forms.js';

/** A parameter of the route's path (`/contracts/:id` -> param(request, 'id')) as a string, '' when missing. */
export function param(request: FastifyRequest, name: string): string {
  return field(request.params, name);
}

/**
 * A path parameter that names a record by its UUID, or null when it is not a UUID (the caller then sends the 404
 * page without asking the database, which would refuse a malformed UUID with an error).
 */
export function uuidParam(request: FastifyRequest, name: string): string | null {
  const value = param(request, name);
  return isUuid(value) ? value : null;
}

/**
 * The record a path parameter names: `find` is asked only for a UUID. Null, after sending the 404 page, when the
 * parameter is not a UUID or `find` finds nothing.
 *
 *   const tender = await recordInPath(request, reply, 'tenderId', (id) => findTender(db, id));
 *   if (!tender) return reply;
 */
export async function recordInPath<T>(
  request: FastifyRequest,
  reply: FastifyReply,
  name: string,
  find: (id: string) => Promise<T | null | undefined>,
): Promise<T | null> {
  const id = uuidParam(request, name);
  const record = id ? await find(id) : null;
  if (record === null || record === undefined) {
    reply.callNotFound();
    return null;
  }
  return record;
}
