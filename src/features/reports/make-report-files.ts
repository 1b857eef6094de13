import type { Services } from '../../services.js';
import { startPolling, type Logger, type Poller } from '../../platform/polling.js';
import { claimReportFile, deleteOldReportFiles, failReportFile, finishReportFile, KEEP_READY_HOURS, recordProgress } from './report-files.js';
import { renderReportPdf, ReportNotFoundError } from './render-report-pdf.js';

/** How long one instance keeps a PDF it is making from the others; after that (it stopped), another takes it over. */
const LEASE_MS = 5 * 60_000;
/** A PDF whose making was cut short this many times is given up. */
const MAX_ATTEMPTS = 3;

/**
 * Makes the report PDFs that people asked for, one after another, until none is waiting; records each step's
 * progress for the status page. Returns how many it finished.
 */
export async function makeWaitingReportFiles(services: Services, log: Logger): Promise<number> {
  const { db } = services.database;
  let made = 0;
  for (let file = await claimReportFile(db, LEASE_MS); file; file = await claimReportFile(db, LEASE_MS)) {
    const { id } = file;
    if (file.attempts > MAX_ATTEMPTS) {
      await failReportFile(db, id, 'Making the PDF was cut short too many times.');
      continue;
    }
    try {
      const { pdf, figuresKey } = await renderReportPdf(
        services,
        { kind: file.kind, period: file.period },
        { today: file.producedOn, onProgress: (step, percent) => recordProgress(db, id, step, percent) },
      );
      await recordProgress(db, id, 'Saving the file', 95);
      await finishReportFile(db, id, pdf, figuresKey);
      made++;
    } catch (error) {
      if (!(error instanceof ReportNotFoundError)) log.error({ err: error, reportFile: id }, 'a report PDF could not be made');
      await failReportFile(db, id, error instanceof ReportNotFoundError ? 'There is no such report.' : 'Something went wrong while making the PDF.');
    }
  }
  if (made > 0) await deleteOldReportFiles(db, KEEP_READY_HOURS);
  return made;
}

/** Looks for report PDFs to make every two seconds until stopped. */
export function startReportFileWorker(services: Services, log: Logger, intervalMs = 2000): Poller {
  return startPolling(() => makeWaitingReportFiles(services, log), intervalMs, log, 'report PDF worker failed');
}
