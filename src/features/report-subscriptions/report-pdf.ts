import type { ReportKind } from '../../db/schema/index.js';
import { todayIso } from '../../domain/dates.js';
import type { Services } from '../../services.js';
import { findReport } from '../reports/find-report.js';
import { storedReportPdf } from '../reports/stored-report-pdf.js';

export { ReportNotFoundError } from '../reports/render-report-pdf.js';

/** The reports the subscriptions are sent: whether one exists, and its PDF (which throws ReportNotFoundError if not). */
export interface ReportSource {
  exists(kind: ReportKind, period: string): Promise<boolean>;
  render(kind: ReportKind, period: string): Promise<Buffer>;
}

/**
 * The service's own reports (features/reports), as they stand today. A PDF is drawn again only when the report's
 * figures have changed since the last one (reports/stored-report-pdf.ts).
 */
export function serviceReports(services: Services): ReportSource {
  const pdf = storedReportPdf(services);
  return {
    exists: async (kind, period) => (await findReport(services.database.db, kind, period, todayIso())) !== null,
    render: (kind, period) => pdf({ kind, period }),
  };
}
