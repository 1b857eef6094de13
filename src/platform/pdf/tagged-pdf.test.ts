import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { createPdf, pdfSafe } from './tagged-pdf.js';

describe('pdfSafe', () => {
  it('keeps what the standard fonts can draw and replaces the rest', () => {
    expect(pdfSafe('£1,234 – Soar Valley’s “best” offer ÷ 2 × 3 é')).toBe('£1,234 – Soar Valley’s “best” offer ÷ 2 × 3 é');
    expect(pdfSafe('CO₂ 😀 ≥ 5\nnext line')).toBe('CO? ? ? 5\nnext line');
  });
});

describe('createPdf', () => {
  it('makes a tagged A4 PDF in British English with a page number on every page', async () => {
    const pdf = await createPdf({ title: 'A test document', subject: 'Testing' });
    pdf.heading('A test document', 1);
    for (let i = 0; i < 60; i++) pdf.paragraph(`Paragraph ${i} with enough words to take up a line or so of the page.`);
    pdf.summary([['Label', 'Value']]);
    pdf.table([{ header: 'Measure' }, { header: 'Value', align: 'right', width: 80 }], [['Hours', '£10']]);
    const bytes = await pdf.finish();
    const text = bytes.toString('latin1');
    expect(text.startsWith('%PDF-1.7')).toBe(true);
    expect(text).toContain('/StructTreeRoot');
    expect(text).toContain('/Lang (en-GB)');
    expect(text).toContain('/DisplayDocTitle true');
    const pages = text.match(/\/Type \/Page\b/g) ?? [];
    expect(pages.length).toBeGreaterThan(1);
    const content = [...text.matchAll(/stream\r?\n([\s\S]*?)\r?\nendstream/g)]
      .map((m) => {
        try {
          return inflateSync(Buffer.from(m[1]!, 'latin1')).toString('latin1');
        } catch {
          return '';
        }
      })
      .join('\n');
    // The page numbers are marked as pagination artefacts, which screen readers skip.
    expect(content.match(/\/Artifact <<\n\/Type \/Pagination/g)?.length).toBe(pages.length);
  });
});
