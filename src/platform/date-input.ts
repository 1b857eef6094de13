/**
 * Reading GOV.UK date inputs (three boxes: day, month, year) the same way on every form: the typed values kept as
 * they were, a real date or the GOV.UK message for what is wrong, and the inputs to mark in error.
 */
import { isoFromParts } from '../domain/dates.js';
import { field, formErrors, type FormErrors } from './forms.js';

export const dateParts = ['day', 'month', 'year'] as const;
export type DatePart = (typeof dateParts)[number];
export type DateValues = Record<DatePart, string>;

export interface DateInput {
  /** the field's id, and the prefix of its inputs' ids ("startDate" -> "startDate-day") */
  id: string;
  /** the prefix of the inputs' names when it is not the id; "" for plain "day", "month", "year" */
  namePrefix?: string;
  /** the date's name at the start of a sentence: "Start date" */
  label: string;
  /** the message when nothing was typed: "Enter the date the contract starts" */
  missing: string;
}

export interface DateProblem {
  message: string;
  /** the inputs to mark in error */
  parts: DatePart[];
}

export interface DateReading {
  values: DateValues;
  iso: string | null;
  problem?: DateProblem;
}

/** Reads a date input from a form body or query string. */
export function readDateInput(source: unknown, input: DateInput): DateReading {
  const prefix = input.namePrefix ?? input.id;
  const values = {} as DateValues;
  for (const part of dateParts) values[part] = field(source, prefix ? `${prefix}-${part}` : part).trim();
  const empty = dateParts.filter((part) => values[part] === '');
  if (empty.length === dateParts.length) return { values, iso: null, problem: { message: input.missing, parts: [...dateParts] } };
  if (empty.length) return { values, iso: null, problem: { message: `${input.label} must include a ${empty.join(' and ')}`, parts: empty } };
  const iso = isoFromParts(values.day, values.month, values.year);
  if (!iso) return { values, iso: null, problem: { message: `${input.label} must be a real date`, parts: [...dateParts] } };
  return { values, iso };
}

/** A real date that breaks a rule of the form ("must be in the future"): the whole date is marked. */
export function wholeDateProblem(reading: DateReading, message: string): DateReading {
  return { values: reading.values, iso: null, problem: { message, parts: [...dateParts] } };
}

/** A date's values for a date input, as a person would type them: "2026-03-07" -> 7, 3, 2026. */
export function dateInputValues(iso: string): DateValues {
  const [year = '', month = '', day = ''] = iso.split('-');
  return { day: String(Number(day)), month: String(Number(month)), year };
}

export type FormErrorsWithDates = FormErrors & { dateErrorParts: Record<string, DatePart[]> };
export type FormErrorsWithDate = FormErrors & { dateErrorParts: DatePart[] };

/** The form's errors, each date's summary link pointing at its first input in error (GOV.UK's date input pattern). */
export function errorsWithDates(pairs: [string, string][], dateErrorParts: Record<string, DatePart[]>): FormErrorsWithDates {
  const result = formErrors(pairs);
  for (const item of result.errorList) {
    const id = item.href.slice(1);
    const first = dateErrorParts[id]?.[0];
    if (first) item.href = `#${id}-${first}`;
  }
  return { ...result, dateErrorParts };
}

/** The same for a form with one date, whose template takes the inputs in error as a list. */
export function errorsWithDate(pairs: [string, string][], input: DateInput, parts: DatePart[]): FormErrorsWithDate {
  return { ...errorsWithDates(pairs, { [input.id]: parts }), dateErrorParts: parts };
}
