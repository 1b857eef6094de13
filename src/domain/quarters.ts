/**
 * Quarters of the summaries: three-month blocks starting in January, April, July and October, named after the UK
 * financial year (April to March): the quarter starting 1 July 2026 is "2026 to 2027 Q2". A quarter is kept as the
 * ISO date of its first day.
 */
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const QUARTER = /^(\d{4})-(01|04|07|10)-01$/;

/** The quarter (its first day) that an ISO date falls in. */
export function quarterOf(isoDate: string): string {
  const year = isoDate.slice(0, 4);
  const month = Number(isoDate.slice(5, 7));
  const first = month - ((month - 1) % 3);
  return `${year}-${String(first).padStart(2, '0')}-01`;
}

export function isQuarter(value: string): boolean {
  return QUARTER.test(value);
}

function parts(quarter: string): { year: number; month: number; financialYear: number; number: number } {
  const year = Number(quarter.slice(0, 4));
  const month = Number(quarter.slice(5, 7));
  const financialYear = month >= 4 ? year : year - 1;
  const number = month >= 4 ? (month - 1) / 3 : 4;
  return { year, month, financialYear, number };
}

/** "2026 to 2027 Q2" */
export function quarterLabel(quarter: string): string {
  const { financialYear, number } = parts(quarter);
  return `${financialYear} to ${financialYear + 1} Q${number}`;
}

/** "Q2 2026-27": for chart axes where space is short */
export function quarterShortLabel(quarter: string): string {
  const { financialYear, number } = parts(quarter);
  return `Q${number} ${financialYear}-${String((financialYear + 1) % 100).padStart(2, '0')}`;
}

/** "July to September 2026" */
export function quarterMonths(quarter: string): string {
  const { year, month } = parts(quarter);
  return `${MONTHS[month - 1]} to ${MONTHS[month + 1]} ${year}`;
}

/** The quarter after (or, with a negative step, before) another. */
export function addQuarters(quarter: string, steps: number): string {
  const { year, month } = parts(quarter);
  const index = year * 4 + (month - 1) / 3 + steps;
  const y = Math.floor(index / 4);
  const m = (index - y * 4) * 3 + 1;
  return `${y}-${String(m).padStart(2, '0')}-01`;
}
