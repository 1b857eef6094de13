import { addQuarters, quarterOf } from '../../domain/quarters.js';
import { financialYearOf, reportPeriod, type ReportKind } from '../reports/report-periods.js';

/**
 * Which reports a subscription is due, by period as the reports name them in their addresses: a quarter's first day
 * ("2026-07-01") or a financial year's first calendar year ("2026"). A period's report goes once the period has ended.
 */

/** The latest period that has ended by `today` ('YYYY-MM-DD', UK): the one before the period `today` is in. */
export function latestEndedPeriod(kind: ReportKind, today: string): string {
  const quarter = quarterOf(today);
  return kind === 'quarterly' ? addQuarters(quarter, -1) : String(financialYearOf(quarter) - 1);
}

export function nextPeriod(kind: ReportKind, period: string): string {
  return kind === 'quarterly' ? addQuarters(period, 1) : String(Number(period) + 1);
}

/** The periods from `first` up to the latest that has ended by `today`, oldest first (none if `first` has not ended). */
export function endedPeriodsFrom(kind: ReportKind, first: string, today: string): string[] {
  const latest = latestEndedPeriod(kind, today);
  const periods: string[] = [];
  for (let period = first; period <= latest; period = nextPeriod(kind, period)) periods.push(period);
  return periods;
}

/** A period as the report's title names it: "July to September 2026" for a quarter, "2026 to 2027" for a year. */
export function periodLabel(kind: ReportKind, period: string): string {
  const found = reportPeriod(kind, period);
  if (!found) return period;
  return kind === 'quarterly' ? found.months : found.name;
}
