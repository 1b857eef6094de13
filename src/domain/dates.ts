const LONG = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/London' });
const ISO_DAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' });
const TIME = new Intl.DateTimeFormat('en-GB', { hour: 'numeric', minute: '2-digit', hourCycle: 'h12', timeZone: 'Europe/London' });

/** "22 November 2026". Accepts a Date or an ISO date string ("2026-11-22"). */
export function formatDate(value: Date | string | null | undefined): string {
  if (value === null || value === undefined || value === '') return '';
  const date = typeof value === 'string' ? new Date(value.length === 10 ? `${value}T12:00:00Z` : value) : value;
  return Number.isNaN(date.getTime()) ? '' : LONG.format(date);
}

/** "22 November 2026 at 3:05pm" */
export function formatDateTime(value: Date | string | null | undefined): string {
  if (!value) return '';
  const date = typeof value === 'string' ? new Date(value) : value;
  if (Number.isNaN(date.getTime())) return '';
  return `${LONG.format(date)} at ${TIME.format(date).replace(' ', '').toLowerCase()}`;
}

/** Today's date in the UK as "YYYY-MM-DD". */
export function todayIso(now: Date = new Date()): string {
  return ISO_DAY.format(now);
}

/** A real calendar date from day, month and year fields, as "YYYY-MM-DD", or null. */
export function isoFromParts(day: string, month: string, year: string): string | null {
  if (![day, month, year].every((p) => /^\d+$/.test(p.trim()))) return null;
  const d = Number(day);
  const m = Number(month);
  const y = Number(year);
  if (y < 1900 || y > 2200 || m < 1 || m > 12 || d < 1 || d > 31) return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCMonth() !== m - 1) return null;
  return date.toISOString().slice(0, 10);
}
