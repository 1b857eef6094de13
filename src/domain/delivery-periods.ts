import { formatDate } from './dates.js';
import type { ProfiledPeriod } from './delivery-profile.js';

/** A delivery profile is given by contract year or by contract quarter, counted from the expected start. */
export const profileModes = ['year', 'quarter'] as const;
export type ProfileMode = (typeof profileModes)[number];

export interface DeliveryPeriod {
  periodStart: string;
  periodEnd: string;
  /** "Year 2 (1 April 2028 to 31 March 2029)" */
  label: string;
  /** "year 2", for messages that name the period */
  name: string;
}

/** Quarterly profiles stop being practical for very long contracts: beyond this many quarters, only years are offered. */
export const MAX_QUARTERS = 40;

const MONTHS_PER = { year: 12, quarter: 3 } as const;

/** The date `months` after an ISO date, on the same day of the month, or the month's last day when it has fewer days. */
function addMonths(iso: string, months: number): Date {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, lastDay));
  return target;
}

function dayBefore(date: Date): string {
  return new Date(date.getTime() - 86_400_000).toISOString().slice(0, 10);
}

/**
 * The contract's years or quarters, from its expected start for its duration. The periods follow on from each
 * other with no gap; the last one is shorter when the duration is not a whole number of them.
 */
export function deliveryPeriods(expectedStart: string, durationMonths: number, mode: ProfileMode): DeliveryPeriod[] {
  const step = MONTHS_PER[mode];
  const periods: DeliveryPeriod[] = [];
  for (let offset = 0, n = 1; offset < durationMonths; offset += step, n++) {
    const periodStart = addMonths(expectedStart, offset).toISOString().slice(0, 10);
    const periodEnd = dayBefore(addMonths(expectedStart, Math.min(offset + step, durationMonths)));
    const name = `${mode} ${n}`;
    periods.push({
      periodStart,
      periodEnd,
      name,
      label: `${mode === 'year' ? 'Year' : 'Quarter'} ${n} (${formatDate(periodStart)} to ${formatDate(periodEnd)})`,
    });
  }
  return periods;
}

/** The ways a profile can be given for a contract of this length: by quarter only while the quarters are not too many. */
export function modesFor(durationMonths: number): ProfileMode[] {
  return Math.ceil(durationMonths / 3) <= MAX_QUARTERS ? ['year', 'quarter'] : ['year'];
}

/** Which way a saved profile was given: the mode whose periods it matches, by the start of each period. */
export function modeOfProfile(profile: readonly ProfiledPeriod[], expectedStart: string, durationMonths: number): ProfileMode {
  const quarters = deliveryPeriods(expectedStart, durationMonths, 'quarter');
  const years = deliveryPeriods(expectedStart, durationMonths, 'year');
  const matches = (periods: DeliveryPeriod[]) => profile.length === periods.length && profile.every((p, i) => p.periodStart === periods[i]?.periodStart);
  return quarters.length > years.length && matches(quarters) && !matches(years) ? 'quarter' : 'year';
}

/** Whole months from one ISO date to another, by calendar month ("2027-04-01" to "2028-04-01" is 12). */
function monthsFrom(from: string, to: string): number {
  const [fy, fm] = from.split('-').map(Number) as [number, number];
  const [ty, tm] = to.split('-').map(Number) as [number, number];
  return (ty - fy) * 12 + (tm - fm);
}

/**
 * A profile given from the expected start, moved to the contract's actual start: each period keeps its place in the
 * contract (year 1 stays the first year), so a contract that starts earlier or later than planned is measured
 * against the right dates.
 */
export function moveProfile(profile: readonly ProfiledPeriod[], expectedStart: string, actualStart: string): ProfiledPeriod[] {
  if (expectedStart === actualStart) return [...profile];
  const dayAfter = (iso: string) => new Date(Date.parse(`${iso}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  return profile.map((p) => ({
    ...p,
    periodStart: addMonths(actualStart, monthsFrom(expectedStart, p.periodStart)).toISOString().slice(0, 10),
    periodEnd: dayBefore(addMonths(actualStart, monthsFrom(expectedStart, dayAfter(p.periodEnd)))),
  }));
}
