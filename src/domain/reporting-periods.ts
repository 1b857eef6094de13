/**
 * Reporting periods of a contract, aligned to the UK financial year (April to March) and clipped to the contract's
 * dates: monthly, quarterly (April to June, July to September, ...), six-monthly (April to September, October to
 * March) or annual ("2026 to 2027"). A report is due 30 days after its period ends.
 */
import { periodLabel } from './delivery-profile.js';

export type ReportingFrequency = 'monthly' | 'quarterly' | 'six_monthly' | 'annual';

export interface ReportingPeriod {
  periodStart: string;
  periodEnd: string;
  dueDate: string;
  label: string;
}

export const DAYS_TO_REPORT = 30;
const LENGTH: Record<ReportingFrequency, number> = { monthly: 1, quarterly: 3, six_monthly: 6, annual: 12 };

const iso = (d: Date) => d.toISOString().slice(0, 10);
const utc = (value: string) => new Date(`${value}T00:00:00Z`);

export function addDays(date: string, days: number): string {
  const d = utc(date);
  d.setUTCDate(d.getUTCDate() + days);
  return iso(d);
}

export function reportingPeriods(contractStart: string, contractEnd: string, frequency: ReportingFrequency): ReportingPeriod[] {
  const months = LENGTH[frequency];
  const start = utc(contractStart);
  // The first period begins at the start of the financial-year-aligned block containing the contract start.
  const monthsSinceApril = (start.getUTCMonth() - 3 + 12) % 12;
  const blockStart = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() - (monthsSinceApril % months), 1));
  const periods: ReportingPeriod[] = [];
  for (let cursor = blockStart; iso(cursor) <= contractEnd;) {
    const next = new Date(Date.UTC(cursor.getUTCFullYear(), cursor.getUTCMonth() + months, 1));
    const lastDay = iso(new Date(next.getTime() - 86_400_000));
    const periodStart = iso(cursor) < contractStart ? contractStart : iso(cursor);
    const periodEnd = lastDay > contractEnd ? contractEnd : lastDay;
    // named after the whole period, even when the contract's dates cut it short
    periods.push({ periodStart, periodEnd, dueDate: addDays(periodEnd, DAYS_TO_REPORT), label: periodLabel(iso(cursor), lastDay) });
    cursor = next;
  }
  return periods;
}

/**
 * The date delivery is measured to: the end of the latest period whose report is due (its due date is before
 * `today`) or has been handed in (`lastHandedIn`, the end of the latest period with a submitted report), so that
 * what is profiled and what is delivered cover the same periods. Null while neither is so.
 */
export function measuredUntil(periods: readonly ReportingPeriod[], today: string, lastHandedIn: string | null = null): string | null {
  let until = lastHandedIn !== null && lastHandedIn < today ? lastHandedIn : null;
  for (const p of periods) if (p.dueDate < today && (until === null || p.periodEnd > until)) until = p.periodEnd;
  return until;
}
