import type { FastifyRequest } from 'fastify';
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
