import { formatDateTime, isoFromParts } from '../../domain/dates.js';
import { field, formErrors, type FormErrors } from '../../platform/forms.js';
import { londonInstant, londonWallClock, parseTimeOfDay, timeOfDayText } from './closing-time.js';

const dateParts = ['day', 'month', 'year'] as const;
type DatePart = (typeof dateParts)[number];

export interface ClosingValues {
  day: string;
  month: string;
  year: string;
  time: string;
}

export function closingValues(closingAt: Date | null): ClosingValues {
  if (!closingAt) return { day: '', month: '', year: '', time: '' };
  const { iso, minutes } = londonWallClock(closingAt);
  const [year = '', month = '', day = ''] = iso.split('-');
  return { day: String(Number(day)), month: String(Number(month)), year, time: timeOfDayText(minutes) };
}

export interface ClosingReading {
  values: ClosingValues;
  result: Date | null;
  /** the error summary and messages, and which inputs of the date are in error (for their red borders) */
  errors: FormErrors & { dateErrorParts: DatePart[] };
}

/**
 * The closing date (a GOV.UK date input: closingDate-day, -month, -year) and time of day, in UK time.
 * It must be after `now`: bids can only be made to a tender that has not closed.
 */
export function readClosing(body: unknown, now: Date): ClosingReading {
  const values: ClosingValues = {
    day: field(body, 'closingDate-day').trim(),
    month: field(body, 'closingDate-month').trim(),
    year: field(body, 'closingDate-year').trim(),
    time: field(body, 'closingTime').trim(),
  };
  const problems: [string, string][] = [];
  let parts: DatePart[] = [];
  const empty = dateParts.filter((part) => values[part] === '');
  const iso = empty.length ? null : isoFromParts(values.day, values.month, values.year);
  if (empty.length === dateParts.length) {
    problems.push(['closingDate', 'Enter the closing date']);
    parts = [...dateParts];
  } else if (empty.length) {
    problems.push(['closingDate', `Closing date must include a ${empty.join(' and ')}`]);
    parts = empty;
  } else if (!iso) {
    problems.push(['closingDate', 'Closing date must be a real date']);
    parts = [...dateParts];
  }
  const minutes = parseTimeOfDay(values.time);
  if (!values.time) problems.push(['closingTime', 'Enter the closing time, like 12pm or 17:00']);
  else if (minutes === null) problems.push(['closingTime', 'Enter the closing time as a time of day, like 12pm or 17:00']);
  const closingAt = iso && minutes !== null ? londonInstant(iso, minutes) : null;
  if (closingAt && closingAt.getTime() <= now.getTime()) {
    problems.push(['closingDate', `The closing date and time must be in the future. It is now ${formatDateTime(now)}`]);
    parts = [...dateParts];
  }
  const errors = formErrors(problems);
  // GOV.UK's date input pattern: the summary links to the first input in error.
  const link = errors.errorList.find((item) => item.href === '#closingDate');
  if (link) link.href = `#closingDate-${parts[0] ?? 'day'}`;
  return { values, result: problems.length ? null : closingAt, errors: { ...errors, dateErrorParts: parts } };
}
