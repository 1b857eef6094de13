import { formatDateTime } from '../../domain/dates.js';
import { dateInputValues, errorsWithDate, readDateInput, wholeDateProblem, type DateInput, type FormErrorsWithDate } from '../../platform/date-input.js';
import { field } from '../../platform/forms.js';
import { londonInstant, londonWallClock, parseTimeOfDay, timeOfDayText } from './closing-time.js';

const closingDateInput: DateInput = { id: 'closingDate', label: 'Closing date', missing: 'Enter the closing date' };

export interface ClosingValues {
  day: string;
  month: string;
  year: string;
  time: string;
}

export function closingValues(closingAt: Date | null): ClosingValues {
  if (!closingAt) return { day: '', month: '', year: '', time: '' };
  const { iso, minutes } = londonWallClock(closingAt);
  return { ...dateInputValues(iso), time: timeOfDayText(minutes) };
}

export interface ClosingReading {
  values: ClosingValues;
  result: Date | null;
  /** the error summary and messages, and which inputs of the date are in error (for their red borders) */
  errors: FormErrorsWithDate;
}

/**
 * The closing date (a GOV.UK date input: closingDate-day, -month, -year) and time of day, in UK time.
 * It must be after `now`: bids can only be made to a tender that has not closed.
 */
export function readClosing(body: unknown, now: Date): ClosingReading {
  let date = readDateInput(body, closingDateInput);
  const values: ClosingValues = { ...date.values, time: field(body, 'closingTime').trim() };
  const minutes = parseTimeOfDay(values.time);
  const closingAt = date.iso && minutes !== null ? londonInstant(date.iso, minutes) : null;
  if (closingAt && closingAt.getTime() <= now.getTime()) {
    date = wholeDateProblem(date, `The closing date and time must be in the future. It is now ${formatDateTime(now)}`);
  }
  const problems: [string, string][] = [];
  if (date.problem) problems.push([closingDateInput.id, date.problem.message]);
  if (!values.time) problems.push(['closingTime', 'Enter the closing time, like 12pm or 17:00']);
  else if (minutes === null) problems.push(['closingTime', 'Enter the closing time as a time of day, like 12pm or 17:00']);
  return { values, result: problems.length ? null : closingAt, errors: errorsWithDate(problems, closingDateInput, date.problem?.parts ?? []) };
}
