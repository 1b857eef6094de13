import type { Services } from '../../services.js';
import { todayIso } from '../../domain/dates.js';
import { documentPdf } from '../../platform/pdf/document.js';
import { findReport } from './find-report.js';
import { loadReport } from './load-report.js';
import type { ReportKind } from './report-periods.js';
import { reportView } from './report-view.js';

/** There is no report for the kind and period asked for: a malformed period, or one without figures or not begun. */
export class ReportNotFoundError extends Error {
  constructor(kind: string, period: string) {
    super(`There is no ${kind} social value report for ${period}`);
    this.name = 'ReportNotFoundError';
  }
}

export interface RenderOptions {
  /** the day the report is produced on (today in the UK by default) */
  today?: string;
  /** told each step as it starts, with the share of the work done so far (0 to 100) */
  onProgress?: (step: string, percent: number) => void | Promise<void>;
}

/**
 * A social value report as a tagged, accessible PDF: the same figures, charts and tables as its web page
 * (/reports/quarterly/2026-07-01, /reports/annual/2026). `period` is as in the address: a quarter's first day or a
 * financial year's first calendar year. Throws ReportNotFoundError when there is no such report.
 */
export async function renderReportPdf(services: Services, report: { kind: ReportKind; period: string }, options: RenderOptions = {}): Promise<Buffer> {
  const { db } = services.database;
  const today = options.today ?? todayIso();
  const period = await findReport(db, report.kind, report.period, today);
  if (!period) throw new ReportNotFoundError(report.kind, report.period);
  await options.onProgress?.('Reading the figures', 10);
  const data = await loadReport(db, period, today);
  const view = reportView(data, services.config.baseUrl);
  return documentPdf(view, (index, count) => options.onProgress?.(`Drawing “${view.sections[index]!.heading}”`, 20 + Math.round((70 * index) / count)));
}
