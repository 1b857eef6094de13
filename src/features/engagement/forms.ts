import { isoFromParts } from '../../domain/dates.js';
import { field, formErrors, type FormErrors } from '../../platform/forms.js';
import { isEngagementMethod, type EngagementMethod } from './methods.js';

export const WHO_MAX = 200;
export const LEARNED_MAX = 5000;

const dateParts = ['day', 'month', 'year'] as const;
type DatePart = (typeof dateParts)[number];

/** The date input's id, and the prefix of its inputs' names and ids ("engagedOn-day"). */
export const DATE_FIELD = 'engagedOn';

/** What was typed or chosen, kept as it was so that a form with errors shows it again. */
export interface EntryValues {
  who: string;
  day: string;
  month: string;
  year: string;
  method: string;
  learned: string;
}

export interface EntryInput {
  who: string;
  /** "YYYY-MM-DD" */
  engagedOn: string;
  method: EngagementMethod;
  learned: string;
}

export type EntryReading =
  | { ok: true; values: EntryValues; entry: EntryInput }
  | { ok: false; values: EntryValues; errors: FormErrors & { dateErrorParts: DatePart[] } };

export const emptyEntry: EntryValues = { who: '', day: '', month: '', year: '', method: '', learned: '' };

/** A saved entry as the form shows it. */
export function entryValues(entry: { who: string; engagedOn: string; method: string; learned: string }): EntryValues {
  const [year = '', month = '', day = ''] = entry.engagedOn.split('-');
  return { who: entry.who, day: String(Number(day)), month: String(Number(month)), year, method: entry.method, learned: entry.learned };
}

/** Reads the engagement form. The date must be a real date, today (`today`, "YYYY-MM-DD") or earlier. */
export function readEntry(body: unknown, today: string): EntryReading {
  const values: EntryValues = {
    who: field(body, 'who').trim(),
    day: field(body, `${DATE_FIELD}-day`).trim(),
    month: field(body, `${DATE_FIELD}-month`).trim(),
    year: field(body, `${DATE_FIELD}-year`).trim(),
    method: field(body, 'method'),
    learned: field(body, 'learned').replace(/\r\n?/g, '\n').trim(),
  };
  const problems: [string, string][] = [];
  if (!values.who) problems.push(['who', 'Enter who you engaged with']);
  else if (values.who.length > WHO_MAX) problems.push(['who', `Who you engaged with must be ${WHO_MAX} characters or fewer`]);
  const date = readDate(values, today);
  if (date.problem) problems.push([DATE_FIELD, date.problem]);
  if (!isEngagementMethod(values.method)) problems.push(['method', 'Select how you engaged with them']);
  if (!values.learned) problems.push(['learned', 'Enter what you learned']);
  else if (values.learned.length > LEARNED_MAX) problems.push(['learned', 'What you learned must be 5,000 characters or fewer']);
  if (problems.length || !date.iso || !isEngagementMethod(values.method)) {
    const errors = formErrors(problems);
    // The summary links to the first input of the date that is wrong (GOV.UK's date input pattern).
    const link = errors.errorList.find((item) => item.href === `#${DATE_FIELD}`);
    if (link) link.href = `#${DATE_FIELD}-${date.parts[0] ?? 'day'}`;
    return { ok: false, values, errors: { ...errors, dateErrorParts: date.parts } };
  }
  return { ok: true, values, entry: { who: values.who, engagedOn: date.iso, method: values.method, learned: values.learned } };
}

function readDate(values: EntryValues, today: string): { iso: string | null; problem?: string; parts: DatePart[] } {
  const empty = dateParts.filter((part) => values[part] === '');
  if (empty.length === dateParts.length) return { iso: null, problem: 'Enter the date of the engagement', parts: [...dateParts] };
  if (empty.length) return { iso: null, problem: `Date of the engagement must include a ${empty.join(' and ')}`, parts: empty };
  const iso = isoFromParts(values.day, values.month, values.year);
  if (!iso) return { iso: null, problem: 'Date of the engagement must be a real date', parts: [...dateParts] };
  if (iso > today) return { iso: null, problem: 'Date of the engagement must be today or in the past', parts: [...dateParts] };
  return { iso, parts: [] };
}
