/**
 * Quarters of the UK financial year (April to March), the periods the database is filtered by. A quarter is written
 * "2026-Q3" in links and files: the financial year that starts in April 2026, its third quarter (October to
 * December 2026), shown as "2026 to 2027 Q3".
 */
export interface Quarter {
  /** "2026-Q3" */
  value: string;
  /** "2026 to 2027 Q3" */
  label: string;
  /** first and last day, "YYYY-MM-DD" */
  start: string;
  end: string;
}

const iso = (d: Date) => d.toISOString().slice(0, 10);

function quarterOf(year: number, q: number): Quarter {
  const start = new Date(Date.UTC(year, 3 + (q - 1) * 3, 1));
  const end = new Date(Date.UTC(year, 3 + q * 3, 0));
  return { value: `${year}-Q${q}`, label: `${year} to ${year + 1} Q${q}`, start: iso(start), end: iso(end) };
}

/** The quarter a link names, or null when it is not one ("2026-Q5", "last year"). */
export function parseQuarter(value: string): Quarter | null {
  const match = /^(\d{4})-Q([1-4])$/.exec(value.trim());
  if (!match) return null;
  const year = Number(match[1]);
  if (year < 1990 || year > 2100) return null;
  return quarterOf(year, Number(match[2]));
}

/** The quarter containing a date ("YYYY-MM-DD"). */
export function quarterContaining(date: string): Quarter {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  const fiscalYear = month >= 4 ? year : year - 1;
  return quarterOf(fiscalYear, Math.floor(((month + 8) % 12) / 3) + 1);
}

/** Every quarter from the one containing `from` to the one containing `to`, newest first. */
export function quartersBetween(from: string, to: string): Quarter[] {
  const first = quarterContaining(from);
  const last = quarterContaining(to);
  const list: Quarter[] = [];
  for (let q = last; q.start >= first.start;) {
    list.push(q);
    const previous = new Date(`${q.start}T00:00:00Z`);
    previous.setUTCDate(0);
    q = quarterContaining(iso(previous));
  }
  return list;
}
