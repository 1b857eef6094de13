import type { Services } from '../../services.js';
import { todayIso } from '../../domain/dates.js';
import { documentPdf } from '../../platform/pdf/document.js';
import { figuresKey } from './figures-key.js';
import { findReport } from './find-report.js';
import { loadReport, type ReportData } from './load-report.js';
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

/** A report named as in its address: a quarter's first day or a financial year's first calendar year. */
export interface ReportName {
  kind: ReportKind;
  period: string;
}

/** A report read as it stands on `today`, with the key of what it says (figures-key.ts). */
export interface ReadReport {
  data: ReportData;
  figuresKey: string;
}

/** Reads a report's figures. Throws ReportNotFoundError when there is no such report. */
export async function readReport(services: Services, report: ReportName, options: RenderOptions = {}): Promise<ReadReport> {
  const { db } = services.database;
  const today = options.today ?? todayIso();
  const period = await findReport(db, report.kind, report.period, today);
  if (!period) throw new ReportNotFoundError(report.kind, report.period);
  await options.onProgress?.('Reading the figures', 10);
  const data = await loadReport(db, period, today);
  return { data, figuresKey: figuresKey(data, services.config.baseUrl) };
}

/** A report that has been read, drawn as a PDF: the same figures, charts and tables as its web page. */
export function drawReportPdf(services: Services, data: ReportData, onProgress?: RenderOptions['onProgress']): Promise<Buffer> {
  const view = reportView(data, services.config.baseUrl);
  return documentPdf(view, (index, count) => onProgress?.(`Drawing “${view.sections[index]!.heading}”`, 20 + Math.round((70 * index) / count)));
}

/**
 * A social value report as a tagged, accessible PDF: the same figures, charts and tables as its web page
 * (/reports/quarterly/2026-07-01, /reports/annual/2026), with the key of what it says. Throws ReportNotFoundError
 * when there is no such report.
 */
export async function renderReportPdf(services: Services, report: ReportName, options: RenderOptions = {}): Promise<{ pdf: Buffer; figuresKey: string }> {
  const read = await readReport(services, report, options);
  return { pdf: await drawReportPdf(services, read.data, options.onProgress), figuresKey: read.figuresKey };
}
