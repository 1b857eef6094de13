/**
 * Evidence files kept in the database: a row in evidence_files and the content in evidence_chunks, written and read
 * a chunk at a time so that no file is ever held whole in memory. An upload is first spooled to a temporary file (its
 * checksum, size and type worked out as the bytes go by), checked to open as the type its first bytes gave it (from the
 * temporary file, by the caller's `opens`), then written to the database in a short transaction.
 * Chunks are written as binary parameters (the embedded database is opened with bytea sent as it is, see
 * db/client.ts), so an upload makes no text per chunk for the garbage collector to catch up with; they are read back
 * as base64 text, which Node decodes natively.
 */
import { createHash } from 'node:crypto';
import { mkdtemp, open, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { and, eq, sql } from 'drizzle-orm';
import type { DbOrTx, Tx } from '../db/client.js';
import { asBadForm } from './errors.js';
import { evidenceChunks, evidenceFiles } from '../db/schema/index.js';

export const CHUNK_BYTES = 256 * 1024;

export interface NewEvidence {
  lineId: string;
  filename: string;
  uploadedBy: string;
}

export interface StoreOptions {
  maxBytes: number;
  /** the content type for a file starting with these bytes (at most one chunk), or null to refuse it */
  contentTypeOf(head: Uint8Array, filename: string): Promise<string | null>;
  /** whether the whole file, spooled to `file`, opens as `contentType` (a magic number alone proves nothing) */
  opens?(file: string, contentType: string): Promise<boolean>;
}

export interface StoredEvidence {
  id: string;
  filename: string;
  contentType: string;
  sizeBytes: number;
  sha256: string;
}

/** Why a file was refused. Its content is read to the end all the same, so that a multipart form can go on. */
export class EvidenceRefused extends Error {
  constructor(
    readonly reason: 'too-large' | 'type' | 'empty' | 'unreadable',
    /** the type the file's first bytes gave it, when it does not open as one */
    readonly contentType: string | null = null,
  ) {
    super(`evidence refused: ${reason}`);
  }
}

/** A file read to its end into a temporary file, checked and counted on the way. */
export interface SpooledEvidence {
  contentType: string;
  sizeBytes: number;
  sha256: string;
  /** the temporary file */
  path: string;
  /** deletes the temporary file; call it once the file is stored, or not */
  discard(): Promise<void>;
}

/**
 * Reads `source` to its end into a temporary file, counting its size and checksum, and deciding its type from its
 * first chunk, then checks that it opens as that type. Throws EvidenceRefused (having read the source to its end and
 * kept nothing) when the file is empty, too large, of a type not accepted, or does not open as its type. The upload's time on the network is spent here, with no database transaction
 * open: on the embedded database a transaction holds every other request.
 */
export async function spoolEvidence(source: AsyncIterable<Buffer>, filename: string, options: StoreOptions): Promise<SpooledEvidence> {
  const folder = await mkdtemp(path.join(os.tmpdir(), 'sv-evidence-'));
  const file = path.join(folder, 'upload');
  const discard = () => rm(folder, { recursive: true, force: true });
  try {
    return await spool(source, filename, options, file, discard);
  } catch (error) {
    await discard(); // refused, or the upload broke off on the way: nothing of it stays
    throw error;
  }
}

/** The source's pieces; a source that breaks off (a form cut short) fails as bad input, not as a fault here. */
async function* readingAsForm(source: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
  const pieces = source[Symbol.asyncIterator]();
  for (;;) {
    const next = await pieces.next().catch((error: unknown) => Promise.reject(asBadForm(error)));
    if (next.done) return;
    yield next.value;
  }
}

async function spool(
  source: AsyncIterable<Buffer>,
  filename: string,
  options: StoreOptions,
  file: string,
  discard: () => Promise<void>,
): Promise<SpooledEvidence> {
  const handle = await open(file, 'w');
  const hash = createHash('sha256');
  const head = Buffer.allocUnsafe(CHUNK_BYTES);
  let headBytes = 0;
  let size = 0;
  let contentType: string | null = null;
  let refused: EvidenceRefused | null = null;
  try {
    for await (const piece of readingAsForm(source)) {
      if (refused) continue; // read to the end without keeping anything
      size += piece.length;
      if (size > options.maxBytes) {
        refused = new EvidenceRefused('too-large');
        continue;
      }
      if (headBytes < CHUNK_BYTES) {
        headBytes += piece.copy(head, headBytes);
        if (headBytes === CHUNK_BYTES && !(contentType = await options.contentTypeOf(head, filename))) {
          refused = new EvidenceRefused('type');
          continue;
        }
      }
      hash.update(piece);
      await handle.write(piece);
    }
    if (!refused && size === 0) refused = new EvidenceRefused('empty');
    if (!refused && !contentType && !(contentType = await options.contentTypeOf(head.subarray(0, headBytes), filename))) {
      refused = new EvidenceRefused('type');
    }
  } finally {
    await handle.close();
  }
  if (!refused && options.opens && !(await options.opens(file, contentType!))) refused = new EvidenceRefused('unreadable', contentType);
  if (refused) throw refused;
  return { contentType: contentType!, sizeBytes: size, sha256: hash.digest('hex'), path: file, discard };
}

/** Writes a spooled file into a new evidence file inside `tx`, a chunk at a time from the temporary file. */
export async function storeEvidence(tx: Tx, file: NewEvidence, spooled: SpooledEvidence): Promise<StoredEvidence> {
  const { contentType, sizeBytes, sha256 } = spooled;
  const [row] = await tx
    .insert(evidenceFiles)
    .values({ ...file, contentType, sizeBytes, sha256 })
    .returning({ id: evidenceFiles.id });
  const id = row!.id;
  // One buffer, filled from the file and written again and again: nothing is copied or kept beyond one chunk.
  const chunk = Buffer.allocUnsafe(CHUNK_BYTES);
  const handle = await open(spooled.path, 'r');
  try {
    for (let seq = 0, position = 0; position < sizeBytes; seq += 1) {
      const { bytesRead } = await handle.read(chunk, 0, CHUNK_BYTES, position);
      if (bytesRead === 0) throw new Error(`the spooled evidence ${spooled.path} ended early`);
      await tx.insert(evidenceChunks).values({ fileId: id, seq, data: chunk.subarray(0, bytesRead) });
      position += bytesRead;
    }
  } finally {
    await handle.close();
  }
  return { id, filename: file.filename, contentType, sizeBytes, sha256 };
}

/** The content of an evidence file, one chunk at a time in order (one query per chunk). */
export function readEvidence(db: DbOrTx, fileId: string): Readable {
  async function* chunks() {
    for (let seq = 0; ; seq += 1) {
      const [chunk] = await db
        .select({ base64: sql<string>`encode(${evidenceChunks.data}, 'base64')` })
        .from(evidenceChunks)
        .where(and(eq(evidenceChunks.fileId, fileId), eq(evidenceChunks.seq, seq)));
      if (!chunk) return;
      yield Buffer.from(chunk.base64, 'base64'); // Postgres breaks the text into lines, which Node skips
    }
  }
  return Readable.from(chunks(), { objectMode: false });
}
