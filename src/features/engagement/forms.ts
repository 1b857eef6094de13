import { dateInputValues, errorsWithDate, readDateInput, wholeDateProblem, type DateInput, type FormErrorsWithDate } from '../../platform/date-input.js';
import { field } from '../../platform/forms.js';
import { isEngagementMethod, type EngagementMethod } from './methods.js';

export const WHO_MAX = 200;
export const LEARNED_MAX = 5000;

/** The date input: its id is the prefix of its inputs' names and ids ("engagedOn-day"). */
export const DATE_FIELD = 'engagedOn';
const dateInput: DateInput = { id: DATE_FIELD, label: 'Date of the engagement', missing: 'Enter the date of the engagement' };

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

export type EntryReading = { ok: true; values: EntryValues; entry: EntryInput } | { ok: false; values: EntryValues; errors: FormErrorsWithDate };

export const emptyEntry: EntryValues = { who: '', day: '', month: '', year: '', method: '', learned: '' };

/** A saved entry as the form shows it. */
export function entryValues(entry: { who: string; engagedOn: string; method: string; learned: string }): EntryValues {
  return { who: entry.who, ...dateInputValues(entry.engagedOn), method: entry.method, learned: entry.learned };
}

/** Reads the engagement form. The date must be a real date, today (`today`, "YYYY-MM-DD") or earlier. */
export function readEntry(body: unknown, today: string): EntryReading {
  const date = readEngagementDate(body, today);
  const values: EntryValues = {
    who: field(body, 'who').trim(),
    ...date.values,
    method: field(body, 'method'),
    learned: field(body, 'learned').replace(/\r\n?/g, '\n').trim(),
  };
  const problems: [string, string][] = [];
  if (!values.who) problems.push(['who', 'Enter who you engaged with']);
  else if (values.who.length > WHO_MAX) problems.push(['who', `Who you engaged with must be ${WHO_MAX} characters or fewer`]);
  if (date.problem) problems.push([DATE_FIELD, date.problem.message]);
  if (!isEngagementMethod(values.method)) problems.push(['method', 'Select how you engaged with them']);
  if (!values.learned) problems.push(['learned', 'Enter what you learned']);
  else if (values.learned.length > LEARNED_MAX) problems.push(['learned', 'What you learned must be 5,000 characters or fewer']);
  if (problems.length || !date.iso || !isEngagementMethod(values.method)) {
    return { ok: false, values, errors: errorsWithDate(problems, dateInput, date.problem?.parts ?? []) };
  }
  return { ok: true, values, entry: { who: values.who, engagedOn: date.iso, method: values.method, learned: values.learned } };
}

function readEngagementDate(body: unknown, today: string) {
  const date = readDateInput(body, dateInput);
  return date.iso && date.iso > today ? wholeDateProblem(date, 'Date of the engagement must be today or in the past') : date;
}
