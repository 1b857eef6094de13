import { addDays } from '../../domain/reporting-periods.js';
import { addQuarters, isQuarter, quarterLabel, quarterOf } from '../../domain/quarters.js';

/**
 * The periods the database is filtered by: the summaries' quarters (`domain/quarters.ts`), written in links as the
 * ISO date of their first day ("2026-10-01", shown as "2026 to 2027 Q3"), with their last day for queries.
 */
export interface Quarter {
  /** "2026-10-01" */
  value: string;
  /** "2026 to 2027 Q3" */
  label: string;
  /** first and last day, "YYYY-MM-DD" */
  start: string;
  end: string;
}

function quarter(first: string): Quarter {
  return { value: first, label: quarterLabel(first), start: first, end: addDays(addQuarters(first, 1), -1) };
}

/** The quarter a link names, or null when it is not one ("2026-05-01", "last year"). */
export function parseQuarter(value: string): Quarter | null {
  const text = value.trim();
  if (!isQuarter(text)) return null;
  const year = Number(text.slice(0, 4));
  return year >= 1990 && year <= 2100 ? quarter(text) : null;
}

/** Every quarter from the one containing `from` to the one containing `to`, newest first. */
export function quartersBetween(from: string, to: string): Quarter[] {
  const list: Quarter[] = [];
  for (let q = quarterOf(to); q >= quarterOf(from); q = addQuarters(q, -1)) list.push(quarter(q));
  return list;
}
