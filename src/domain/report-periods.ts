import { addQuarters, isQuarter, quarterMonths, quarterOf } from './quarters.js';

/**
 * The periods of the social value reports: a quarter, kept as its first day ("2026-07-01", as in quarters.ts), or a
 * UK financial year (April to March), kept as its first calendar year ("2026" is April 2026 to March 2027).
 * A period's report is sent once the period has ended.
 */
export type ReportPeriodKind = 'quarterly' | 'annual';

const YEAR = /^(19|20|21)\d{2}$/;

export function isReportPeriod(kind: ReportPeriodKind, period: string): boolean {
  return kind === 'quarterly' ? isQuarter(period) : YEAR.test(period);
}

/** The financial year (its first calendar year) that an ISO date falls in. */
function financialYearOf(isoDate: string): number {
  const year = Number(isoDate.slice(0, 4));
  return Number(isoDate.slice(5, 7)) >= 4 ? year : year - 1;
}

/** The latest period that has ended by `today` ('YYYY-MM-DD', UK): the one before the period `today` is in. */
export function latestEndedPeriod(kind: ReportPeriodKind, today: string): string {
  return kind === 'quarterly' ? addQuarters(quarterOf(today), -1) : String(financialYearOf(today) - 1);
}

export function nextPeriod(kind: ReportPeriodKind, period: string): string {
  return kind === 'quarterly' ? addQuarters(period, 1) : String(Number(period) + 1);
}

/** The periods from `first` up to the latest that has ended by `today`, oldest first (none if `first` has not ended). */
export function endedPeriodsFrom(kind: ReportPeriodKind, first: string, today: string): string[] {
  const latest = latestEndedPeriod(kind, today);
  const periods: string[] = [];
  for (let period = first; period <= latest; period = nextPeriod(kind, period)) periods.push(period);
  return periods;
}

/** "July to September 2026" for a quarter, "2026 to 2027" for a financial year. */
export function reportPeriodLabel(kind: ReportPeriodKind, period: string): string {
  return kind === 'quarterly' ? quarterMonths(period) : `${period} to ${Number(period) + 1}`;
}

/** Where the report of a period is read when signed in: /reports/quarterly/2026-07-01 or /reports/annual/2026. */
export function reportPath(kind: ReportPeriodKind, period: string): string {
  return `/reports/${kind}/${period}`;
}
