/**
 * Which evidence files are accepted, judged from the file's first bytes and never from its name or the type the
 * browser claims: documents, images and spreadsheets. Plain text and CSV have no signature, so they are accepted only
 * when named .txt or .csv and the first bytes are UTF-8 text without NUL bytes.
 */

/** The detected file types accepted as evidence, by file-type's extension, with the type sent back on download. */
export const acceptedTypes: Readonly<Record<string, string>> = {
  pdf: 'application/pdf',
  png: 'image/png',
  jpg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  odt: 'application/vnd.oasis.opendocument.text',
  ods: 'application/vnd.oasis.opendocument.spreadsheet',
  // Word 97 to 2003 and Excel 97 to 2003 files are Compound File Binary containers.
  cfb: 'application/x-cfb',
};

const TEXT_TYPES: Readonly<Record<string, string>> = { csv: 'text/csv; charset=utf-8', txt: 'text/plain; charset=utf-8' };

export const ACCEPTED_DESCRIPTION = 'a PDF, an image (PNG, JPEG, GIF or WebP), a Word, Excel, PowerPoint or OpenDocument file, or a CSV or text file';

type Detect = (head: Uint8Array) => Promise<{ ext: string } | undefined>;

let detector: Promise<Detect> | undefined;

/** file-type is loaded on first use only, so that it costs nothing at start-up. */
function loadDetector(): Promise<Detect> {
  detector ??= import('file-type').then((module) => module.fileTypeFromBuffer);
  return detector;
}

/** Whether the bytes are UTF-8 text without NUL bytes; the last character may be cut off by the end of the chunk. */
export function isPlainText(head: Uint8Array): boolean {
  if (head.includes(0)) return false;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: true });
    return true;
  } catch {
    return false;
  }
}

const extensionOf = (filename: string) => /\.([a-z0-9]+)$/i.exec(filename)?.[1]?.toLowerCase() ?? '';

/** The content type to store and send back for a file starting with `head`, or null when it is not accepted. */
export async function evidenceContentType(head: Uint8Array, filename: string): Promise<string | null> {
  const detected = await (await loadDetector())(head);
  if (detected) return acceptedTypes[detected.ext] ?? null;
  const textType = TEXT_TYPES[extensionOf(filename)];
  return textType && head.length > 0 && isPlainText(head) ? textType : null;
}
