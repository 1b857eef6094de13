import { todayIso } from '../../domain/dates.js';
import type { Services } from '../../services.js';
import { deleteOldReportFiles, KEEP_READY_HOURS, readyReportPdf, saveReadyReportFile } from './report-files.js';
import { drawReportPdf, readReport, type ReportName } from './render-report-pdf.js';

export type StoredReportPdf = (report: ReportName) => Promise<Buffer>;

/**
 * A report's PDF made at once for whoever waits for it (a link emailed to a subscription, an email with the PDF
 * attached), drawn only when no finished PDF of it says the same: the report's figures are read from the summaries
 * (cheap), and their key (figures-key.ts) looks for a PDF finished with the same key, made here or by the background
 * worker for someone on the reports page. A new one is kept in report_files like the worker's (for a day). Within
 * one instance, people asking for the same PDF at the same time share one drawing of it.
 * Throws ReportNotFoundError when there is no such report.
 */
export function storedReportPdf(services: Services): StoredReportPdf {
  const { db } = services.database;
  const drawing = new Map<string, Promise<Buffer>>();
  return async (report) => {
    const today = todayIso();
    const { data, figuresKey } = await readReport(services, report, { today });
    const stored = await readyReportPdf(db, { ...report, figuresKey });
    if (stored) return stored;
    const key = `${report.kind} ${report.period} ${figuresKey}`;
    let pending = drawing.get(key);
    if (!pending) {
      pending = (async () => {
        const pdf = await drawReportPdf(services, data);
        await saveReadyReportFile(db, { ...report, producedOn: today, figuresKey, pdf });
        await deleteOldReportFiles(db, KEEP_READY_HOURS);
        return pdf;
      })().finally(() => drawing.delete(key));
      drawing.set(key, pending);
    }
    return pending;
  };
}
