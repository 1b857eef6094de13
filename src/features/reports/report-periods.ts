import { addQuarters, isQuarter, quarterLabel, quarterMonths, quarterOf } from '../../domain/quarters.js';

/**
 * The periods a social value report covers: a quarter (named in the address by its first day, "2026-07-01") or a
 * financial year (named by the calendar year it starts in: 2026 is April 2026 to March 2027).
 */
export const reportKinds = ['quarterly', 'annual'] as const;
export type ReportKind = (typeof reportKinds)[number];

export interface ReportPeriod {
  kind: ReportKind;
  /** as in the address: the quarter's first day, or the financial year's first calendar year */
  period: string;
  /** the first and last quarters covered (ISO dates of their first days), as the summaries' filters take them */
  from: string;
  to: string;
  /** "2026 to 2027 Q2" or "2026 to 2027" */
  name: string;
  /** "July to September 2026" or "April 2026 to March 2027" */
  months: string;
  /** the report's address, without ".pdf" */
  path: string;
}

const YEAR = /^(\d{4})$/;

export function isReportKind(value: string): value is ReportKind {
  return (reportKinds as readonly string[]).includes(value);
}

/** The period an address names, or null when it names none (a malformed quarter or year). */
export function reportPeriod(kind: ReportKind, period: string): ReportPeriod | null {
  if (kind === 'quarterly') {
    if (!isQuarter(period)) return null;
    return { kind, period, from: period, to: period, name: quarterLabel(period), months: quarterMonths(period), path: `/reports/quarterly/${period}` };
  }
  const match = YEAR.exec(period);
  if (!match) return null;
  const year = Number(match[1]);
  if (year < 1900) return null;
  return {
    kind,
    period,
    from: `${year}-04-01`,
    to: `${year + 1}-01-01`,
    name: `${year} to ${year + 1}`,
    months: `April ${year} to March ${year + 1}`,
    path: `/reports/annual/${year}`,
  };
}

/** The financial year (its first calendar year) that a quarter belongs to. */
export function financialYearOf(quarter: string): number {
  const year = Number(quarter.slice(0, 4));
  return Number(quarter.slice(5, 7)) >= 4 ? year : year - 1;
}

/**
 * The reports there are: a quarterly report for each quarter that has figures and has begun (a later quarter holds
 * only what commitments make due), and an annual report for each financial year with such a quarter. Newest first.
 */
export function availableReports(quartersWithFigures: readonly string[], today: string): { quarterly: ReportPeriod[]; annual: ReportPeriod[] } {
  const current = quarterOf(today);
  const quarters = quartersWithFigures.filter((q) => isQuarter(q) && q <= current).sort((a, b) => b.localeCompare(a));
  const years = [...new Set(quarters.map(financialYearOf))];
  return {
    quarterly: quarters.map((q) => reportPeriod('quarterly', q)!),
    annual: years.map((y) => reportPeriod('annual', String(y))!),
  };
}

/** Whether a period is one of the reports there are. */
export function isAvailable(period: ReportPeriod, quartersWithFigures: readonly string[], today: string): boolean {
  const { quarterly, annual } = availableReports(quartersWithFigures, today);
  return (period.kind === 'quarterly' ? quarterly : annual).some((p) => p.period === period.period);
}

/** Whether the period is still running on `today`: its figures can still change. */
export function isUnderway(period: ReportPeriod, today: string): boolean {
  return quarterOf(today) <= period.to;
}

/** The quarters a report's trend shows: the eight quarters up to the period's last, so a year is set beside the one before. */
export function trendQuarters(period: ReportPeriod): { from: string; to: string } {
  return { from: addQuarters(period.to, -7), to: period.to };
}
