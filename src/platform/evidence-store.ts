/**
 * Evidence files kept in the database: a row in evidence_files and the content in evidence_chunks, written and read
 * a chunk at a time so that no file is ever held whole in memory. The checksum and size are counted as the bytes go by.
 * Chunks are written as binary parameters (the embedded database is opened with bytea sent as it is, see
 * db/client.ts), so an upload makes no text per chunk for the garbage collector to catch up with; they are read back
 * as base64 text, which Node decodes natively.
 */
import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { and, eq, sql } from 'drizzle-orm';
import type { DbOrTx, Tx } from '../db/client.js';
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
  constructor(readonly reason: 'too-large' | 'type' | 'empty') {
    super(`evidence refused: ${reason}`);
  }
}

/**
 * Streams `source` into a new evidence file inside `tx`: chunks are inserted as they fill, the type is decided from the
 * first chunk. Throws EvidenceRefused (after reading the source to its end) when the file is empty, too large or of a
 * type not accepted; the caller's transaction then rolls back, so nothing of the file stays.
 */
export async function storeEvidence(tx: Tx, file: NewEvidence, source: AsyncIterable<Buffer>, options: StoreOptions): Promise<StoredEvidence> {
  const [row] = await tx
    .insert(evidenceFiles)
    .values({ ...file, contentType: 'application/octet-stream', sizeBytes: 0, sha256: '' })
    .returning({ id: evidenceFiles.id });
  const id = row!.id;
  const hash = createHash('sha256');
  // One buffer per file, filled and written again and again: nothing is copied or kept beyond one chunk.
  const chunk = Buffer.allocUnsafe(CHUNK_BYTES);
  let filled = 0;
  let size = 0;
  let seq = 0;
  let contentType: string | null = null;
  let refused: EvidenceRefused | null = null;

  /** Writes what the chunk holds; the first chunk decides the type, or refuses the file. */
  const write = async (data: Buffer) => {
    filled = 0;
    if (seq === 0) {
      contentType = await options.contentTypeOf(data, file.filename);
      if (!contentType) {
        refused = new EvidenceRefused('type');
        return;
      }
    }
    hash.update(data);
    await tx.insert(evidenceChunks).values({ fileId: id, seq, data });
    seq += 1;
  };

  for await (const piece of source) {
    if (refused) continue; // read to the end without keeping anything
    size += piece.length;
    if (size > options.maxBytes) {
      refused = new EvidenceRefused('too-large');
      continue;
    }
    for (let offset = 0; offset < piece.length && !refused; ) {
      const copied = piece.copy(chunk, filled, offset);
      filled += copied;
      offset += copied;
      if (filled === CHUNK_BYTES) await write(chunk);
    }
  }
  if (!refused && size === 0) refused = new EvidenceRefused('empty');
  if (!refused && filled > 0) await write(chunk.subarray(0, filled));
  if (refused) throw refused;

  const sha256 = hash.digest('hex');
  await tx.update(evidenceFiles).set({ contentType: contentType!, sizeBytes: size, sha256 }).where(eq(evidenceFiles.id, id));
  return { id, filename: file.filename, contentType: contentType!, sizeBytes: size, sha256 };
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
