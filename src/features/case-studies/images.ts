/**
 * Images of a case study are checked as evidence files are (platform/evidence-store.ts): their type judged from their
 * first bytes, never from their name or the type the browser claims, and then decoded to their last pixel (sharp), so
 * that only real PNG, JPEG, GIF and WebP images are kept. SVG is never accepted: it can carry a script.
 */
import { readFile } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { caseStudyImageContent, caseStudyImages } from '../../db/schema/index.js';
import { withAudit, type Actor } from '../../platform/audit.js';
import { EvidenceRefused, spoolEvidence } from '../../platform/evidence-store.js';
import { BUFFERED_FILE_LIMIT_BYTES } from '../../platform/form-bodies.js';
import { evidenceOpens, typeNames } from '../delivery-reports/evidence-content.js';
import { evidenceContentType } from '../delivery-reports/evidence-types.js';
import { safeFilename } from '../delivery-reports/upload-evidence.js';
import type { CaseStudyRecord } from './repository.js';
import { touchDraft } from './save-case-study.js';

/** The largest image: the largest file a form read whole may carry. */
export const IMAGE_MAX_BYTES = BUFFERED_FILE_LIMIT_BYTES;
export const IMAGE_TYPES_TEXT = 'a PNG, JPEG, GIF or WebP image';

/** The type of an image starting with `head`, or null when it is not an image accepted as evidence. */
async function imageType(head: Uint8Array, filename: string): Promise<string | null> {
  const type = await evidenceContentType(head, filename);
  return type?.startsWith('image/') ? type : null;
}

function refusal(filename: string, { reason, contentType }: EvidenceRefused): string {
  if (reason === 'unreadable')
    return `${filename} could not be opened as ${(contentType && typeNames[contentType]) ?? 'an image'}: it may be damaged. Save it again and upload the new copy`;
  if (reason === 'too-large') return `${filename} is larger than ${IMAGE_MAX_BYTES / (1024 * 1024)}MB: upload a smaller image`;
  if (reason === 'empty') return `${filename} is empty: choose the image again`;
  return `${filename} is not an image that can be accepted: upload ${IMAGE_TYPES_TEXT}`;
}

export type AddImageResult = { ok: true } | { ok: false; problem: string } | { ok: false; notDraft: true };

/** Checks an uploaded image and adds it to a draft with its alt text, or says why it was refused. */
export async function addImage(
  db: Db,
  actor: Actor,
  caseStudy: CaseStudyRecord,
  upload: { filename: string; content: Buffer; altText: string },
): Promise<AddImageResult> {
  const filename = safeFilename(upload.filename);
  let spooled;
  try {
    spooled = await spoolEvidence(Readable.from([upload.content]), filename, { maxBytes: IMAGE_MAX_BYTES, contentTypeOf: imageType, opens: evidenceOpens });
  } catch (error) {
    if (error instanceof EvidenceRefused) return { ok: false, problem: refusal(filename, error) };
    throw error;
  }
  try {
    const data = await readFile(spooled.path);
    const added = await withAudit(db, actor, `Added image ${filename} to case study “${caseStudy.title}”`, async (tx) => {
      if (!(await touchDraft(tx, caseStudy.id))) return false;
      const [image] = await tx
        .insert(caseStudyImages)
        .values({
          caseStudyId: caseStudy.id,
          filename,
          altText: upload.altText,
          contentType: spooled.contentType,
          sizeBytes: spooled.sizeBytes,
          sha256: spooled.sha256,
          uploadedBy: actor.id,
        })
        .returning({ id: caseStudyImages.id });
      await tx.insert(caseStudyImageContent).values({ imageId: image!.id, data });
      return true;
    });
    return added ? { ok: true } : { ok: false, notDraft: true };
  } finally {
    await spooled.discard();
  }
}

export async function removeImage(db: Db, actor: Actor, caseStudy: CaseStudyRecord, imageId: string): Promise<boolean> {
  return withAudit(db, actor, `Removed an image from case study “${caseStudy.title}”`, async (tx) => {
    if (!(await touchDraft(tx, caseStudy.id))) return false;
    await tx.delete(caseStudyImages).where(and(eq(caseStudyImages.id, imageId), eq(caseStudyImages.caseStudyId, caseStudy.id)));
    return true;
  });
}
