/**
 * What a delivery profile asks for over a stretch of time, and the names of its periods. Every page that says what is
 * profiled (the contract page's "profiled to date", RAG, the verification page's "profiled for this period") uses
 * this one rule, whatever the length of the profile's periods (years, half years, quarters) and of the reporting
 * periods (months, quarters, ...): whole profile periods that fall within the stretch, and the share by days of one
 * that runs across its ends. Shares are rounded down to the date and never per period, so consecutive reporting
 * periods add up exactly to what is profiled to the end of the last of them.
 */
import { formatDate } from './dates.js';

export interface ProfiledPeriod {
  periodStart: string;
  periodEnd: string;
  quantityHundredths: number;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

const dayNumber = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;
const days = (from: string, to: string) => dayNumber(to) - dayNumber(from) + 1;
const dayBefore = (iso: string) => new Date(Date.parse(`${iso}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);

/** The quantity profiled up to `until` (YYYY-MM-DD, inclusive), pro rata by days within a period; 0 without a date. */
export function profiledToDate(profile: readonly ProfiledPeriod[], until: string | null): number {
  if (!until) return 0;
  let total = 0;
  for (const p of profile) {
    if (p.periodEnd <= until) total += p.quantityHundredths;
    else if (p.periodStart <= until) total += Math.floor((p.quantityHundredths * days(p.periodStart, until)) / days(p.periodStart, p.periodEnd));
  }
  return total;
}

/** The quantity profiled from `periodStart` to `periodEnd` (both inclusive): what a report for that period is measured against. */
export function profiledInPeriod(profile: readonly ProfiledPeriod[], periodStart: string, periodEnd: string): number {
  return profiledToDate(profile, periodEnd) - profiledToDate(profile, dayBefore(periodStart));
}

/** Whether a date is the last day of its month. */
const endsMonth = (iso: string) => new Date(Date.parse(`${iso}T00:00:00Z`) + 86_400_000).getUTCDate() === 1;

/**
 * The name of a period of any length: "July 2026", "April to June 2026", "October 2026 to March 2027", "2026 to 2027"
 * for a financial year (April to March), or its dates when it does not run in whole months.
 */
export function periodLabel(periodStart: string, periodEnd: string): string {
  if (!periodStart.endsWith('-01') || !endsMonth(periodEnd)) return `${formatDate(periodStart)} to ${formatDate(periodEnd)}`;
  const [startYear, startMonth] = periodStart.split('-').map(Number) as [number, number];
  const [endYear, endMonth] = periodEnd.split('-').map(Number) as [number, number];
  const from = MONTHS[startMonth - 1]!;
  const to = MONTHS[endMonth - 1]!;
  if (startYear === endYear && startMonth === endMonth) return `${from} ${startYear}`;
  if (startMonth === 4 && endMonth === 3 && endYear === startYear + 1) return `${startYear} to ${endYear}`;
  if (startYear === endYear) return `${from} to ${to} ${endYear}`;
  return `${from} ${startYear} to ${to} ${endYear}`;
}
