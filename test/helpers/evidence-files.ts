/**
 * Real files of each kind of evidence, made by the libraries that write them, and damaged or disguised ones: what a
 * supplier may upload by mistake, or someone may send on purpose.
 */
import CFB from 'cfb';
import ExcelJS from 'exceljs';
import { PDFDocument } from 'pdf-lib';
import sharp from 'sharp';
import yazl from 'yazl';

/** Bytes that do not compress, the same every time. */
function noise(length: number): Buffer {
  const bytes = Buffer.alloc(length);
  for (let i = 0, x = 2463534242; i < length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    bytes[i] = x & 0xff;
  }
  return bytes;
}

/**
 * A one-page PDF of `bytes` bytes (or just its page when that is more): a scan that fills most of it is attached, and
 * the rest is white space after its end, which readers skip.
 */
export async function pdfOfSize(bytes = 0): Promise<Buffer> {
  const doc = await PDFDocument.create();
  doc.addPage().drawText('Attendance register');
  if (bytes > 8000) await doc.attach(noise(bytes - 8000), 'scan.bin', { mimeType: 'application/octet-stream' });
  const pdf = Buffer.from(await doc.save({ useObjectStreams: false }));
  return pdf.length < bytes ? Buffer.concat([pdf, Buffer.alloc(bytes - pdf.length, 0x20)]) : pdf;
}

/** An image of noise (which does not compress, so the file has some size). */
export function image(format: 'png' | 'jpeg' | 'gif' | 'webp', side = 64): Promise<Buffer> {
  return sharp(noise(side * side * 3), { raw: { width: side, height: side, channels: 3 } })
    .toFormat(format)
    .toBuffer();
}

async function zip(entries: [string, string][]): Promise<Buffer> {
  const file = new yazl.ZipFile();
  for (const [name, content] of entries) file.addBuffer(Buffer.from(content), name);
  file.end();
  const parts: Buffer[] = [];
  for await (const part of file.outputStream) parts.push(part as Buffer);
  return Buffer.concat(parts);
}

const WORD_MAIN = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml';

/** A Word document with its parts: content types, relationships and the document itself (unless left out). */
export function docx(options: { withDocument?: boolean } = {}): Promise<Buffer> {
  const entries: [string, string][] = [
    [
      '[Content_Types].xml',
      `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="${WORD_MAIN}"/></Types>`,
    ],
    [
      '_rels/.rels',
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
    ],
  ];
  if (options.withDocument !== false) {
    entries.push([
      'word/document.xml',
      '<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>Twelve apprentices started in May.</w:t></w:r></w:p></w:body></w:document>',
    ]);
  }
  return zip(entries);
}

/** An OpenDocument text: its mimetype entry first, then its content. */
export function odt(): Promise<Buffer> {
  return zip([
    ['mimetype', 'application/vnd.oasis.opendocument.text'],
    ['content.xml', '<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"/>'],
  ]);
}

export async function xlsx(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet('Delivery').addRow(['Apprentices', 3]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** A Word 97 to 2003 document: a compound file holding a WordDocument stream (or another stream, to disguise it). */
export function wordDocument(stream = 'WordDocument'): Buffer {
  const container = CFB.utils.cfb_new();
  CFB.utils.cfb_add(container, stream, Buffer.alloc(4096, 1));
  return Buffer.from(CFB.write(container, { type: 'buffer' }) as Uint8Array);
}

/** The first bytes of a PDF, and then anything but a PDF. */
export const FAKE_PDF = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(4000, 0x41)]);

/** Cut short, as a broken download leaves a file. */
export const truncated = (file: Buffer, share = 0.6) => file.subarray(0, Math.floor(file.length * share));
