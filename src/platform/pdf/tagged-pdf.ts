import { COUNCIL_NAME } from '../views.js';

/**
 * A small layer over pdfkit for the service's documents (the award's evaluation report and letters, the social value
 * reports): a tagged PDF (headings, paragraphs, tables and figures carry their structure, so that screen readers can
 * follow them; a chart is a Figure with its alternative text), A4 with the standard Helvetica fonts that pdfkit
 * embeds, and "Page 1 of 3" on every page.
 */

const BODY = 'Helvetica';
const BOLD = 'Helvetica-Bold';
const BODY_SIZE = 10;
const HEADING_SIZES = { 1: 18, 2: 14, 3: 11.5 } as const;
const MARGIN = 50;
const RULE_COLOUR = '#00594f';
const HEADER_FILL = '#f3f2f1';

export interface Column {
  header: string;
  /** a share of the table's width, as pdfkit reads it: a number of points or "*" (the default) for an equal share */
  width?: number | '*';
  align?: 'left' | 'right';
}

/** Text that pdfkit's standard fonts can draw (Windows-1252); anything else becomes "?" rather than garbage. */
export function pdfSafe(text: string): string {
  return text.replace(/[^\n\x20-\x7e\xa0-\xff€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ]/gu, '?');
}

/** Nothing to show in a cell: a dash, read out as "none". */
const EMPTY = '–';

export interface PdfWriter {
  heading(text: string, level: 1 | 2 | 3): void;
  /** `keepWithNext`: points that must fit below it on the page, or it starts a new one */
  paragraph(text: string, options?: { bold?: boolean; keepWithNext?: number }): void;
  /** words that lead to an address, then the address on a line of its own in smaller type (so it is not broken) */
  address(text: string, url: string): void;
  /** label and value pairs, as a two-column table whose first column heads each row */
  summary(rows: [string, string][]): void;
  /** a table with a header row; `small` for tables with many columns */
  table(columns: Column[], rows: string[][], options?: { small?: boolean }): void;
  /** words quoted from someone (a supplier's narrative), indented, with who said it beneath */
  quote(text: string, source: string): void;
  /**
   * An SVG picture (a chart drawn by the server) as a Figure with its alternative text, scaled to the page's width:
   * the picture's own text is drawn as vector text but read out only as the alternative text.
   */
  figure(svg: string, alt: string): void;
  finish(): Promise<Buffer>;
}

/** pdfkit is loaded on first use, not at start-up: most requests never make a PDF. */
export async function createPdf(meta: { title: string; subject: string }): Promise<PdfWriter> {
  const [{ default: PDFDocument }, { default: svgToPdf }] = await Promise.all([import('pdfkit'), import('svg-to-pdfkit')]);
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    bufferPages: true,
    tagged: true,
    lang: 'en-GB',
    displayTitle: true,
    pdfVersion: '1.7',
    info: { Title: pdfSafe(meta.title), Author: COUNCIL_NAME, Subject: pdfSafe(meta.subject) },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const root = doc.struct('Document');
  doc.addStructure(root);
  const contentWidth = doc.page.width - 2 * MARGIN;
  // pdfkit's table accepts structParent; its published types do not list it yet.
  type AccessibleTable = PDFKit.Mixins.TableOptionsWithData & { structParent: PDFKit.PDFStructureElement };

  const moveDown = (amount: number) => {
    doc.x = MARGIN;
    doc.moveDown(amount);
  };

  /** Starts a new page when fewer than `points` remain, so that a heading never ends a page alone. */
  const keepRoom = (points: number) => {
    if (doc.y + points > doc.page.height - MARGIN) doc.addPage();
  };

  return {
    heading(text, level) {
      keepRoom(level === 1 ? 60 : 50);
      if (level > 1) moveDown(0.6);
      doc
        .font(BOLD)
        .fontSize(HEADING_SIZES[level])
        .fillColor(level === 1 ? RULE_COLOUR : 'black');
      doc.text(pdfSafe(text), MARGIN, doc.y, { width: contentWidth, structParent: root, structType: `H${level}` });
      moveDown(0.3);
    },
    paragraph(text, options = {}) {
      if (options.keepWithNext) keepRoom(options.keepWithNext + 20);
      doc
        .font(options.bold ? BOLD : BODY)
        .fontSize(BODY_SIZE)
        .fillColor('black');
      doc.text(pdfSafe(text), MARGIN, doc.y, { width: contentWidth, structParent: root, structType: 'P' });
      moveDown(0.5);
    },
    address(text, url) {
      doc.font(BODY).fontSize(BODY_SIZE).fillColor('black');
      doc.text(pdfSafe(`${text}:`), MARGIN, doc.y, { width: contentWidth, structParent: root, structType: 'P' });
      doc.fontSize(BODY_SIZE - 2);
      doc.text(pdfSafe(url), MARGIN, doc.y, { width: contentWidth, structParent: root, structType: 'P' });
      doc.fontSize(BODY_SIZE);
      moveDown(0.5);
    },
    summary(rows) {
      if (rows.length === 0) return;
      doc.font(BODY).fontSize(BODY_SIZE).fillColor('black');
      const options: AccessibleTable = {
        structParent: root,
        position: { x: MARGIN, y: doc.y },
        maxWidth: contentWidth,
        columnStyles: [contentWidth * 0.32, '*'],
        defaultStyle: { border: { bottom: 0.5 }, borderColor: '#b1b4b6', padding: { top: 4, bottom: 4, left: 2, right: 6 } },
        data: rows.map(([label, value]) => [
          { text: pdfSafe(label), type: 'TH', scope: 'Row', font: { src: BOLD } } as PDFKit.Mixins.CellOptions,
          pdfSafe(value || EMPTY),
        ]),
      };
      doc.table(options);
      moveDown(0.8);
    },
    table(columns, rows, { small = false } = {}) {
      doc
        .font(BODY)
        .fontSize(small ? BODY_SIZE - 2.5 : BODY_SIZE - 1)
        .fillColor('black');
      const options: AccessibleTable = {
        structParent: root,
        position: { x: MARGIN, y: doc.y },
        maxWidth: contentWidth,
        columnStyles: columns.map((c) => ({ width: c.width ?? '*', align: { x: c.align ?? 'left', y: 'top' } })),
        defaultStyle: { border: { bottom: 0.5 }, borderColor: '#b1b4b6', padding: { top: 3, bottom: 3, left: 2, right: 4 } },
        data: [
          columns.map(
            (c) => ({ text: pdfSafe(c.header), type: 'TH', scope: 'Column', font: { src: BOLD }, backgroundColor: HEADER_FILL }) as PDFKit.Mixins.CellOptions,
          ),
          ...rows.map((row) => row.map((cell) => pdfSafe(cell || EMPTY))),
        ],
      };
      doc.table(options);
      moveDown(0.8);
    },
    quote(text, source) {
      const indent = 16;
      keepRoom(40);
      doc.font(BODY).fontSize(BODY_SIZE).fillColor('black');
      const top = doc.y;
      const quote = doc.struct('BlockQuote');
      root.add(quote);
      quote.add(doc.struct('P', {}, () => doc.text(pdfSafe(`“${text}”`), MARGIN + indent, doc.y, { width: contentWidth - indent })));
      doc.moveDown(0.2);
      doc
        .font(BODY)
        .fontSize(BODY_SIZE - 1)
        .fillColor('#505a5f');
      quote.add(doc.struct('P', {}, () => doc.text(pdfSafe(source), MARGIN + indent, doc.y, { width: contentWidth - indent })));
      quote.end();
      // the rule beside the quote is decoration, not content
      const bottom = doc.y;
      doc.markContent('Artifact', { type: 'Layout' });
      doc
        .save()
        .moveTo(MARGIN + 3, top)
        .lineTo(MARGIN + 3, bottom)
        .lineWidth(3)
        .strokeColor('#b1b4b6')
        .stroke()
        .restore();
      doc.endMarkedContent();
      doc.fillColor('black');
      moveDown(0.8);
    },
    figure(svg, alt) {
      const viewBox = /viewBox="0 0 ([\d.]+) ([\d.]+)"/.exec(svg);
      const width = contentWidth * 0.9;
      const height = viewBox ? (width * Number(viewBox[2])) / Number(viewBox[1]) : width / 2;
      keepRoom(height + 10);
      const top = doc.y;
      // pdfkit reads bbox and placement (the figure's place on the page); its published types do not list them yet.
      const options = { alt: pdfSafe(alt), bbox: [MARGIN, top, MARGIN + width, top + height], placement: 'Block' } as PDFKit.Mixins.StructureElementOptions;
      root.add(
        doc.struct('Figure', options, () =>
          svgToPdf(doc, svg, MARGIN, top, {
            width,
            height,
            fontCallback: () => BODY,
            warningCallback: () => undefined,
          }),
        ),
      );
      doc.font(BODY).fontSize(BODY_SIZE).fillColor('black');
      doc.y = top + height;
      moveDown(0.8);
    },
    async finish() {
      root.end();
      const { start, count } = doc.bufferedPageRange();
      for (let i = start; i < start + count; i++) {
        doc.switchToPage(i);
        // Drawing in the bottom margin would otherwise start a new page.
        const bottom = doc.page.margins.bottom;
        doc.page.margins.bottom = 0;
        doc.markContent('Artifact', { type: 'Pagination' });
        doc.font(BODY).fontSize(8).fillColor('#505a5f');
        doc.text(`${pdfSafe(meta.title)} – page ${i + 1} of ${count}`, MARGIN, doc.page.height - MARGIN / 2 - 8, {
          width: contentWidth,
          align: 'center',
          lineBreak: false,
        });
        doc.endMarkedContent();
        doc.page.margins.bottom = bottom;
      }
      doc.end();
      return ended;
    },
  };
}
