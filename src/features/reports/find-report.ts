import type { DbOrTx } from '../../db/client.js';
import { cachedRead } from '../../db/read-cache.js';
import { summaryChoices } from '../summaries/read.js';
import { availableReports, isAvailable, isReportKind, reportPeriod, type ReportPeriod } from './report-periods.js';

/** The quarters that have figures: the dashboard's own list of quarters to choose from (and its cache). */
export function quartersWithFigures(db: DbOrTx): Promise<string[]> {
  return cachedRead(db, 'dashboard:choices', () => summaryChoices(db, 'all')).then((choices) => choices.quarters);
}

/** The reports there are on `today`, newest first. */
export async function listReports(db: DbOrTx, today: string) {
  return availableReports(await quartersWithFigures(db), today);
}

/** The report that a kind and period (as in its address) name, or null when there is no such report. */
export async function findReport(db: DbOrTx, kind: string, period: string, today: string): Promise<ReportPeriod | null> {
  if (!isReportKind(kind)) return null;
  const found = reportPeriod(kind, period);
  if (!found) return null;
  return isAvailable(found, await quartersWithFigures(db), today) ? found : null;
}
