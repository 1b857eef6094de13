/**
 * Whether an evidence file really is what its first bytes say: a PDF that parses to its page tree, an image that
 * decodes to its last pixel, an Office or OpenDocument package whose zip directory reads and that holds its main
 * part, a Word or Excel 97 to 2003 compound file that holds its document stream. Each is checked from the spooled
 * temporary file with a kept library: images are decoded as a stream (sharp, memory bounded whatever the size), zip
 * packages are read through their central directory (yauzl, one entry at a time); a PDF and a compound file are read
 * whole (pdf-lib and cfb need the bytes), which the evidence size limit bounds.
 */
import { readFile } from 'node:fs/promises';
import type { Entry, ZipFile } from 'yauzl';
import { acceptedTypes } from './evidence-types.js';

/** A library loaded on first use only, so that the parsers cost nothing at start-up. */
function onFirstUse<T>(load: () => Promise<T>): () => Promise<T> {
  let loaded: Promise<T> | undefined;
  return () => (loaded ??= load());
}

/** A CommonJS module's exports, whether Node gives them as the default export or by name. */
const commonJs = <T>(module: T): T => (module as { default?: T }).default ?? module;

const pdfLib = onFirstUse(() => import('pdf-lib'));
const sharpLib = onFirstUse(async () => {
  const { default: sharp } = await import('sharp');
  sharp.cache(false); // nothing is decoded twice, so libvips keeps no file open and no image in its cache
  return sharp;
});
const yauzlLib = onFirstUse(async () => commonJs(await import('yauzl')));
const cfbLib = onFirstUse(async () => commonJs(await import('cfb')));

/** What a file of each accepted type is called in a message: "could not be opened as a PDF". */
export const typeNames: Readonly<Record<string, string>> = {
  [acceptedTypes.pdf!]: 'a PDF',
  [acceptedTypes.png!]: 'a PNG image',
  [acceptedTypes.jpg!]: 'a JPEG image',
  [acceptedTypes.gif!]: 'a GIF image',
  [acceptedTypes.webp!]: 'a WebP image',
  [acceptedTypes.docx!]: 'a Word document',
  [acceptedTypes.xlsx!]: 'an Excel spreadsheet',
  [acceptedTypes.pptx!]: 'a PowerPoint presentation',
  [acceptedTypes.odt!]: 'an OpenDocument text',
  [acceptedTypes.ods!]: 'an OpenDocument spreadsheet',
  [acceptedTypes.cfb!]: 'a Word, Excel or PowerPoint file',
};

/** The content type of the main part of each Office Open XML package, as its [Content_Types].xml declares it. */
const OFFICE_MAIN_PARTS: Readonly<Record<string, string>> = {
  [acceptedTypes.docx!]: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml',
  [acceptedTypes.xlsx!]: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml',
  [acceptedTypes.pptx!]: 'application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml',
};

const OPEN_DOCUMENT = new Set([acceptedTypes.odt!, acceptedTypes.ods!]);

/** The streams that hold the document in a Word, Excel or PowerPoint 97 to 2003 file. */
const COMPOUND_DOCUMENT_STREAMS = new Set(['WordDocument', 'Workbook', 'Book', 'PowerPoint Document']);

/** Parts read into memory (content types, an OpenDocument's mimetype) are small; anything larger is not one. */
const SMALL_PART_BYTES = 1024 * 1024;
/** A main part that inflates beyond this is not a document someone wrote but a zip bomb. */
const MAIN_PART_MAX_BYTES = 512 * 1024 * 1024;

async function pdfOpens(file: string): Promise<boolean> {
  const { PDFDocument } = await pdfLib();
  const doc = await PDFDocument.load(await readFile(file), { ignoreEncryption: true, updateMetadata: false, throwOnInvalidObject: true });
  doc.getPageCount(); // walks the page tree from the catalog
  return true;
}

async function imageDecodes(file: string): Promise<boolean> {
  const sharp = await sharpLib();
  await sharp(file, { failOn: 'error', sequentialRead: true }).stats();
  return true;
}

interface ZipPackage {
  entries: Map<string, Entry>;
  /** a small part's content (content types, a mimetype), or null when it is not small */
  read(entry: Entry): Promise<Buffer | null>;
  /** whether a part inflates to its end, to the size its directory entry gives, within MAIN_PART_MAX_BYTES */
  inflates(entry: Entry): Promise<boolean>;
  close(): void;
}

/** Opens a zip package from its central directory and lists its entries; a part is inflated only when asked for. */
async function openZip(file: string): Promise<ZipPackage> {
  const yauzl = await yauzlLib();
  const zip = await new Promise<ZipFile>((resolve, reject) =>
    yauzl.open(file, { lazyEntries: true, autoClose: false, strictFileNames: false }, (error, opened) => (error ? reject(error) : resolve(opened))),
  );
  try {
    const entries = new Map<string, Entry>();
    await new Promise<void>((resolve, reject) => {
      zip.on('entry', (entry: Entry) => {
        entries.set(entry.fileName, entry);
        zip.readEntry();
      });
      zip.once('end', () => resolve());
      zip.once('error', reject);
      zip.readEntry();
    });
    /** Inflates a part to its end (yauzl checks its size), keeping its content or not; null when it is over maxBytes. */
    const inflate = (entry: Entry, maxBytes: number, keep: boolean) =>
      new Promise<Buffer | null>((resolve, reject) => {
        if (entry.uncompressedSize > maxBytes) return resolve(null);
        zip.openReadStream(entry, (error, stream) => {
          if (error) return reject(error);
          const parts: Buffer[] = [];
          stream.on('data', (part: Buffer) => keep && parts.push(part));
          stream.once('end', () => resolve(Buffer.concat(parts)));
          stream.once('error', reject);
        });
      });
    return {
      entries,
      close: () => zip.close(),
      read: (entry) => inflate(entry, SMALL_PART_BYTES, true),
      inflates: async (entry) => (await inflate(entry, MAIN_PART_MAX_BYTES, false)) !== null,
    };
  } catch (error) {
    zip.close();
    throw error;
  }
}

/** The part names of an Office package's [Content_Types].xml overrides with the given content type. */
function partsOfType(contentTypes: string, type: string): string[] {
  const attribute = (element: string, name: string) => new RegExp(`\\b${name}\\s*=\\s*"([^"]*)"`).exec(element)?.[1];
  return [...contentTypes.matchAll(/<Override\b[^>]*>/g)]
    .map(([element]) => ({ name: attribute(element, 'PartName'), type: attribute(element, 'ContentType') }))
    .filter((o) => o.type === type && o.name)
    .map((o) => o.name!.replace(/^\//, ''));
}

/** An Office Open XML package: its content types declare the main part of its kind, and that part inflates whole. */
async function officeOpens(zip: ZipPackage, mainType: string): Promise<boolean> {
  const types = zip.entries.get('[Content_Types].xml');
  const declared = types && (await zip.read(types));
  if (!declared) return false;
  const main = partsOfType(declared.toString('utf8'), mainType)
    .map((name) => zip.entries.get(name))
    .find((entry) => entry !== undefined);
  return main !== undefined && (await zip.inflates(main));
}

/** An OpenDocument package: its mimetype entry names its kind, and its content inflates whole. */
async function openDocumentOpens(zip: ZipPackage, contentType: string): Promise<boolean> {
  const mimetype = zip.entries.get('mimetype');
  const content = zip.entries.get('content.xml');
  if (!mimetype || !content) return false;
  const declared = await zip.read(mimetype);
  return declared?.toString('utf8').trim() === contentType && (await zip.inflates(content));
}

async function zipOpens(file: string, contentType: string): Promise<boolean> {
  const zip = await openZip(file);
  try {
    const mainType = OFFICE_MAIN_PARTS[contentType];
    return mainType ? await officeOpens(zip, mainType) : await openDocumentOpens(zip, contentType);
  } finally {
    zip.close();
  }
}

async function compoundFileOpens(file: string): Promise<boolean> {
  const CFB = await cfbLib();
  const container = CFB.read(await readFile(file), { type: 'buffer' });
  return container.FileIndex.some((entry) => entry.type === 2 && COMPOUND_DOCUMENT_STREAMS.has(entry.name));
}

/**
 * Whether the spooled file at `file` opens as the type its first bytes gave it (`contentType`, one of acceptedTypes);
 * text needs no more than its first bytes showed. Anything the parser throws means it does not open.
 */
export async function evidenceOpens(file: string, contentType: string): Promise<boolean> {
  try {
    if (contentType === acceptedTypes.pdf) return await pdfOpens(file);
    if (contentType.startsWith('image/')) return await imageDecodes(file);
    if (contentType in OFFICE_MAIN_PARTS || OPEN_DOCUMENT.has(contentType)) return await zipOpens(file, contentType);
    if (contentType === acceptedTypes.cfb) return await compoundFileOpens(file);
    return true;
  } catch {
    return false;
  }
}
