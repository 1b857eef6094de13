import PDFDocument from 'pdfkit';
import type { ReportKind } from '../../db/schema/index.js';
import type { Services } from '../../services.js';

/** Makes the PDF of one period's report. */
export type RenderReport = (kind: ReportKind, period: string) => Promise<Buffer>;

// TEMPORARY until svdb-reports is merged: replaced by renderReportPdf from features/reports.
export function reportRenderer(_services: Services): RenderReport {
  return (kind, period) =>
    new Promise((resolve) => {
      const doc = new PDFDocument();
      const chunks: Buffer[] = [];
      doc.on('data', (c: Buffer) => chunks.push(c));
      doc.on('end', () => resolve(Buffer.concat(chunks)));
      doc.text(`${kind} ${period}`);
      doc.end();
    });
}
