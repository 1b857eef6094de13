import type { Multipart, MultipartFile } from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import { asBadForm } from '../../platform/errors.js';

/** The most files one upload form may send. */
export const MAX_FILES = 10;

interface PendingParts {
  first: MultipartFile | null;
  rest: AsyncIterator<Multipart>;
}

const pending = new WeakMap<FastifyRequest, PendingParts>();

/**
 * preValidation of a route that streams its files (config.streamsFiles): reads the text fields that come before the
 * first file into request.body, so that the CSRF check finds the token (forms put `_csrf` first), and leaves the files
 * unread until the handler asks for them. A file bigger than `maxBytes` arrives cut off one byte past the limit.
 */
export function readFieldsBeforeFiles(maxBytes: number) {
  return async (request: FastifyRequest): Promise<void> => {
    if (!request.isMultipart()) return;
    // Sizes are counted by the evidence store, so the parser only cuts a file off (instead of failing the whole form).
    const options = { limits: { files: MAX_FILES, fileSize: maxBytes + 1, fields: 10 }, throwFileSizeLimit: false } as Parameters<FastifyRequest['parts']>[0];
    const rest = request.parts(options)[Symbol.asyncIterator]();
    const body: Record<string, string> = {};
    let first: MultipartFile | null = null;
    try {
      for (let next = await rest.next(); !next.done; next = await rest.next()) {
        if (next.value.type === 'file') {
          first = next.value;
          break;
        }
        body[next.value.fieldname] = String(next.value.value);
      }
    } catch (error) {
      throw asBadForm(error);
    }
    request.body = body;
    pending.set(request, { first, rest });
  };
}

/** The files of the request, one at a time; each must be read to its end before the next arrives. */
export async function* streamedFiles(request: FastifyRequest): AsyncGenerator<MultipartFile> {
  const parts = pending.get(request);
  if (!parts) return;
  const first = parts.first;
  parts.first = null;
  if (first) yield first;
  const next = () => parts.rest.next().catch((error: unknown) => Promise.reject(asBadForm(error)));
  for (let part = await next(); !part.done; part = await next()) {
    if (part.value.type === 'file') yield part.value;
  }
}

/** Reads and throws away whatever files the handler left unread (it answered early), so the request ends cleanly. */
export async function discardUnreadFiles(request: FastifyRequest): Promise<void> {
  try {
    for await (const part of streamedFiles(request)) part.file.resume();
  } catch {
    // the request was cut off or broke the limits: there is nothing more to read
  }
}
