import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FAKE_PDF, docx, image, odt, pdfOfSize, truncated, wordDocument, xlsx } from '../../../test/helpers/evidence-files.js';
import { evidenceOpens } from './evidence-content.js';
import { acceptedTypes } from './evidence-types.js';

let folder: string;
beforeAll(async () => {
  folder = await mkdtemp(path.join(os.tmpdir(), 'sv-evidence-content-'));
});
afterAll(() => rm(folder, { recursive: true, force: true }));

/** Whether a file with this content, judged to be of this type from its first bytes, opens as one. */
async function opens(content: Buffer, ext: string): Promise<boolean> {
  const file = path.join(folder, `${Math.random().toString(36).slice(2)}.${ext}`);
  await writeFile(file, content);
  return evidenceOpens(file, acceptedTypes[ext]!);
}

describe('evidenceOpens', () => {
  it('opens real PDFs, and refuses one that only starts like a PDF or is cut short', async () => {
    const pdf = await pdfOfSize(20_000);
    expect(await opens(pdf, 'pdf')).toBe(true);
    expect(await opens(FAKE_PDF, 'pdf')).toBe(false);
    expect(await opens(truncated(pdf, 0.3), 'pdf')).toBe(false);
  });

  it('decodes images to their last pixel', async () => {
    const png = await image('png');
    const jpeg = await image('jpeg');
    expect(await opens(png, 'png')).toBe(true);
    expect(await opens(jpeg, 'jpg')).toBe(true);
    expect(await opens(truncated(png), 'png')).toBe(false);
    expect(await opens(truncated(jpeg), 'jpg')).toBe(false);
    for (const format of ['gif', 'webp'] as const) {
      const picture = await image(format);
      expect(await opens(picture, format)).toBe(true);
      expect(await opens(truncated(picture), format)).toBe(false);
    }
  });

  it('opens Office and OpenDocument files as zip packages with their main part', async () => {
    expect(await opens(await docx(), 'docx')).toBe(true);
    expect(await opens(await xlsx(), 'xlsx')).toBe(true);
    expect(await opens(await odt(), 'odt')).toBe(true);
    expect(await opens(truncated(await docx()), 'docx')).toBe(false);
    expect(await opens(await docx({ withDocument: false }), 'docx')).toBe(false);
    // a spreadsheet is not a Word document, whatever its first bytes made it look like
    expect(await opens(await xlsx(), 'docx')).toBe(false);
  });

  it('opens Word and Excel 97 to 2003 files as compound files holding a document', async () => {
    expect(await opens(wordDocument(), 'cfb')).toBe(true);
    expect(await opens(wordDocument('Something else'), 'cfb')).toBe(false);
    expect(await opens(truncated(wordDocument(), 0.2), 'cfb')).toBe(false);
  });
});
