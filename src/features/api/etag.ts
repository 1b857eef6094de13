import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';

/**
 * Sends a JSON body with a strong ETag (a hash of the exact bytes), or 304 with no body when the client already has
 * it (If-None-Match). The body is serialized with the route's response schema first, so the tag is of what is sent.
 * Clients revalidate every time (no-cache); the answer depends on the token, so caches key on Authorization.
 */
export function sendWithEtag(request: FastifyRequest, reply: FastifyReply, payload: unknown): FastifyReply {
  const { body, etag } = tagged(reply, payload);
  reply.header('etag', etag).header('cache-control', 'no-cache').header('vary', 'Authorization');
  const wanted = request.headers['if-none-match'];
  if (wanted && wanted.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag)) return reply.code(304).send();
  return reply.type('application/json; charset=utf-8').send(body);
}

/**
 * The payload serialized by the route, and its tag. A payload served again from the read cache is the same object,
 * so its bytes and tag are kept with it (per route, whose schema decides the bytes) for as long as the cache keeps it.
 */
const sent = new WeakMap<object, Map<string, { body: string; etag: string }>>();

function tagged(reply: FastifyReply, payload: unknown): { body: string; etag: string } {
  const route = reply.request.routeOptions.url ?? '';
  const known = payload !== null && typeof payload === 'object' ? sent.get(payload)?.get(route) : undefined;
  if (known) return known;
  const body = String(reply.serialize(payload));
  const result = { body, etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 32)}"` };
  if (payload !== null && typeof payload === 'object') {
    const byRoute = sent.get(payload) ?? new Map<string, { body: string; etag: string }>();
    sent.set(payload, byRoute.set(route, result));
  }
  return result;
}
