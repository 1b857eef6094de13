import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { derivedFrom } from '../../db/read-cache.js';

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

/** The payload serialized by the route and its tag, made once for a payload served again from the read cache. */
const tagged = (reply: FastifyReply, payload: unknown): { body: string; etag: string } =>
  derivedFrom(payload, `sent:${reply.request.routeOptions.url ?? ''}`, () => {
    const body = String(reply.serialize(payload));
    return { body, etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 32)}"` };
  });
