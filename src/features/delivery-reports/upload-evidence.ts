import type { MultipartFile } from '@fastify/multipart';
import type { Db } from '../../db/client.js';
import { withAudit, type Actor } from '../../platform/audit.js';
import { EvidenceRefused, spoolEvidence, storeEvidence } from '../../platform/evidence-store.js';
import { evidenceOpens, typeNames } from './evidence-content.js';
import { ACCEPTED_DESCRIPTION, evidenceContentType } from './evidence-types.js';
import { evidenceStillAccepted } from './repository.js';

class ReportClosed extends Error {}

export interface UploadResult {
  stored: string[];
  problems: string[];
}

/** A file name safe to keep and to send back: no folders, no control characters, not too long. */
export function safeFilename(name: string): string {
  const base = [...name.replace(/^.*[\\/]/, '')]
    .filter((c) => c >= ' ' && c !== '\u007f' && c !== '"')
    .join('')
    .trim();
  return (base || 'evidence').slice(0, 200);
}

const megabytes = (bytes: number) => `${Math.floor(bytes / (1024 * 1024))}MB`;

function refusal(filename: string, { reason, contentType }: EvidenceRefused, maxBytes: number): string {
  if (reason === 'unreadable') {
    const kind = (contentType && typeNames[contentType]) ?? 'the type it seems to be';
    return `${filename} could not be opened as ${kind}: it may be damaged or not really ${kind}. Check that it opens on your computer, save it again and upload the new copy`;
  }
  if (reason === 'too-large') return `${filename} is larger than ${megabytes(maxBytes)}: upload a smaller file, or split it`;
  if (reason === 'empty') return `${filename} is empty: choose the file again`;
  return `${filename} is not a file type that can be accepted: upload ${ACCEPTED_DESCRIPTION}`;
}

/**
 * Stores each uploaded file as evidence for a line: read to the end into a temporary file first, then written in its
 * own short transaction. A refused file (too large, empty, whose content is not an accepted type whatever its name,
 * or that does not open as the type its first bytes say) leaves nothing behind and is named in the problems. Files
 * stop being taken if the report is submitted meanwhile.
 */
export async function uploadEvidence(
  db: Db,
  actor: Actor,
  files: AsyncIterable<MultipartFile>,
  target: { lineId: string; uploadedBy: string; describe: (filename: string) => string; maxBytes: number },
): Promise<UploadResult> {
  const result: UploadResult = { stored: [], problems: [] };
  for await (const part of files) {
    if (!part.filename) {
      part.file.resume(); // the empty part a browser sends when no file was chosen
      continue;
    }
    const filename = safeFilename(part.filename);
    try {
      const spooled = await spoolEvidence(part.file, filename, { maxBytes: target.maxBytes, contentTypeOf: evidenceContentType, opens: evidenceOpens });
      try {
        await withAudit(db, actor, target.describe(filename), async (tx) => {
          if (!(await evidenceStillAccepted(tx, target.lineId))) throw new ReportClosed();
          return storeEvidence(tx, { lineId: target.lineId, filename, uploadedBy: target.uploadedBy }, spooled);
        });
      } finally {
        await spooled.discard();
      }
      result.stored.push(filename);
    } catch (error) {
      if (error instanceof ReportClosed) {
        part.file.resume();
        result.problems.push(`${filename} was not added: the report was submitted while it was uploading`);
        break; // the files still to come are read and thrown away by the route
      }
      if (!(error instanceof EvidenceRefused)) throw error;
      result.problems.push(refusal(filename, error, target.maxBytes));
    }
  }
  return result;
}
