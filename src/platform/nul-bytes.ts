import type { FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';

const NUL = '\u0000';
const MAX_DEPTH = 8;

/** An object made of keys and values (also a query string parser's, whose prototype has no prototype), not a class's. */
function isPlain(value: object): boolean {
  const proto = Object.getPrototypeOf(value) as object | null;
  return proto === null || Object.getPrototypeOf(proto) === null;
}

/** A multipart part as @fastify/multipart gives it: { type: 'field', value, ... } or { type: 'file', filename, ... }. */
function multipartPart(value: object): { type: 'field'; value: unknown } | { type: 'file'; filename: unknown } | null {
  const type = (value as { type?: unknown }).type;
  if (type === 'field' && 'value' in value) return value as { type: 'field'; value: unknown };
  if (type === 'file' && 'filename' in value) return value as { type: 'file'; filename: unknown };
  return null;
}

/**
 * The same value with NUL characters taken out of every string in it: strings, arrays and plain objects (a parsed form,
 * query or JSON body), multipart text fields and file names. Anything else (a file's content, a stream) is left alone.
 */
export function withoutNul<T>(value: T, depth = 0): T {
  if (typeof value === 'string') return (value.includes(NUL) ? value.replaceAll(NUL, '') : value) as T;
  if (!value || typeof value !== 'object' || depth > MAX_DEPTH) return value;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) value[i] = withoutNul(value[i], depth + 1);
    return value;
  }
  const part = multipartPart(value);
  if (part?.type === 'field') part.value = withoutNul(part.value, depth + 1);
  else if (part?.type === 'file') part.filename = withoutNul(part.filename, depth + 1);
  else if (isPlain(value)) {
    const record = value as Record<string, unknown>;
    for (const key of Object.keys(record)) record[key] = withoutNul(record[key], depth + 1);
  }
  return value;
}

/**
 * PostgreSQL cannot store the NUL character in text, so a NUL anywhere in what was sent would fail the first query
 * that used it. It is taken out of every query, path parameter and body value (forms, multipart fields, JSON) before
 * any route or check sees them: a global preHandler, so it comes after the body is read, including the fields a
 * streamed upload reads first. Register it before the access and CSRF checks.
 */
export const nulBytes = fp(
  async (app) => {
    app.addHook('preHandler', async (request: FastifyRequest) => {
      withoutNul(request.query);
      withoutNul(request.params);
      withoutNul(request.body);
    });
  },
  { name: 'sv-nul-bytes' },
);
