import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { DbOrTx } from '../../db/client.js';
import { derivedFrom } from '../../db/read-cache.js';
import { auditEvents } from '../../db/schema/index.js';

/**
 * Public pages may be kept by a browser or a CDN for five minutes, then checked again with their ETag (a 304 when
 * nothing changed). They hold nothing that depends on who asks, so a shared cache may serve them to anyone.
 */
export const PUBLIC_CACHE_CONTROL = 'public, max-age=300, stale-while-revalidate=60';

function matches(request: FastifyRequest, etag: string): boolean {
  const header = request.headers['if-none-match'];
  if (!header) return false;
  const bare = (tag: string) => tag.trim().replace(/^W\//, '');
  return header.split(',').some((tag) => tag.trim() === '*' || bare(tag) === bare(etag));
}

interface TaggedPage {
  body: string;
  etag: string;
}

const tagged = (body: string): TaggedPage => ({ body, etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"` });

function sendTagged(request: FastifyRequest, reply: FastifyReply, { body, etag }: TaggedPage, type: string): FastifyReply {
  reply.header('cache-control', PUBLIC_CACHE_CONTROL).header('etag', etag);
  if (matches(request, etag)) return reply.code(304).send();
  return reply.type(type).send(body);
}

/** Sends a public page with its cache headers and an ETag from its content, or 304 when the visitor has it already. */
export function sendCached(request: FastifyRequest, reply: FastifyReply, body: string, type: string): FastifyReply {
  return sendTagged(request, reply, tagged(body), type);
}

/**
 * `sendCached` for a page made only from `figures`, an object the read cache keeps until the next write: the page is
 * rendered and tagged once for as long as the same object is served.
 */
export function sendRenderedFrom(request: FastifyRequest, reply: FastifyReply, figures: object, render: () => string, type: string): FastifyReply {
  return sendTagged(
    request,
    reply,
    derivedFrom(figures, 'public-page', () => tagged(render())),
    type,
  );
}

/**
 * For a download that streams (its content is not known before it is sent): a weak ETag from the latest change the
 * audit trail recorded, which every change to the data writes to (one lookup of audit_events' primary key), and
 * the address. Returns true after answering 304 when the visitor's copy is current; otherwise sets the headers.
 */
export async function answeredFromCache(db: DbOrTx, request: FastifyRequest, reply: FastifyReply): Promise<boolean> {
  const [latest] = await db.select({ id: sql<string | null>`max(${auditEvents.id})::text` }).from(auditEvents);
  const etag = `W/"${createHash('sha256')
    .update(`${latest?.id ?? '0'} ${request.url}`)
    .digest('base64url')
    .slice(0, 27)}"`;
  reply.header('cache-control', PUBLIC_CACHE_CONTROL).header('etag', etag);
  if (!matches(request, etag)) return false;
  await reply.code(304).send();
  return true;
}
