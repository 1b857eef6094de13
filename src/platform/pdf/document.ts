import { createPdf, type Column, type PdfWriter } from './tagged-pdf.js';

/**
 * A document made of sections of blocks, that a web page (views/components/document.njk) and a tagged PDF
 * (documentPdf) both show: one view, so the page and the PDF say the same thing. Reports use it; a case study can.
 */
export interface DocumentCell {
  text: string;
  numeric?: boolean;
  /** a link on the web page; the PDF shows the text */
  href?: string;
}

export interface DocumentTable {
  caption: string;
  head: DocumentCell[];
  rows: DocumentCell[][];
  /** what to say instead of an empty table */
  empty: string;
  /** column widths for the PDF: points or "*" for an equal share of what is left */
  widths?: (number | '*')[];
}

export interface DocumentFigure {
  label: string;
  value: string;
  detail?: string;
}

export type DocumentBlock =
  | { kind: 'paragraph'; text: string }
  /** a link: the web page shows `text` as a link to `href`; the PDF shows the text, then the address (give it whole) */
  | { kind: 'link'; text: string; href: string }
  | { kind: 'subheading'; text: string }
  | { kind: 'figures'; items: DocumentFigure[] }
  /** an SVG chart with its alternative text, and the table of its figures */
  | { kind: 'chart'; svg: string; alt: string; table: DocumentTable }
  | { kind: 'table'; table: DocumentTable }
  | { kind: 'quote'; text: string; source: string };

export interface DocumentSection {
  id: string;
  heading: string;
  blocks: DocumentBlock[];
}

export interface DocumentView {
  title: string;
  /** the PDF's subject */
  subject: string;
  /** paragraphs under the title */
  lead: string[];
  sections: DocumentSection[];
}

function table(pdf: PdfWriter, t: DocumentTable): void {
  // a caption is never left at the foot of a page without the start of its table
  pdf.paragraph(t.caption, { bold: true, keepWithNext: 60 });
  if (t.rows.length === 0) {
    pdf.paragraph(t.empty);
    return;
  }
  const columns: Column[] = t.head.map((cell, i) => ({ header: cell.text, align: cell.numeric ? 'right' : 'left', width: t.widths?.[i] ?? '*' }));
  pdf.table(
    columns,
    t.rows.map((row) => row.map((cell) => cell.text)),
    { small: t.head.length > 5 },
  );
}

/**
 * The document as a tagged PDF: H1 title, H2 sections, H3 subheadings, tables, figures with alternative text, quotes.
 * `onSection` is told before each section is drawn (for a progress bar), and awaited.
 */
export async function documentPdf(view: DocumentView, onSection?: (index: number, count: number) => void | Promise<void>): Promise<Buffer> {
  const pdf = await createPdf({ title: view.title, subject: view.subject });
  pdf.heading(view.title, 1);
  for (const text of view.lead) pdf.paragraph(text);
  for (const [index, section] of view.sections.entries()) {
    await onSection?.(index, view.sections.length);
    pdf.heading(section.heading, 2);
    for (const block of section.blocks) {
      switch (block.kind) {
        case 'paragraph':
          pdf.paragraph(block.text);
          break;
        case 'link':
          pdf.address(block.text, block.href);
          break;
        case 'subheading':
          pdf.heading(block.text, 3);
          break;
        case 'figures':
          pdf.summary(block.items.map((f) => [f.label, f.detail ? `${f.value} (${f.detail})` : f.value]));
          break;
        case 'chart':
          if (block.table.rows.length > 0) pdf.figure(block.svg, block.alt);
          table(pdf, block.table);
          break;
        case 'table':
          table(pdf, block.table);
          break;
        case 'quote':
          pdf.quote(block.text, block.source);
          break;
      }
    }
  }
  return pdf.finish();
}
