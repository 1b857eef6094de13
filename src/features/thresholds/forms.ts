import { thresholdKinds, type ThresholdKind } from '../../db/schema/index.js';
import { thresholdKindNames } from '../../domain/applicability.js';
import { formatDate } from '../../domain/dates.js';
import { parsePounds } from '../../domain/money.js';
import { dateParts, errorsWithDate, readDateInput, type DateInput, type DateValues, type FormErrorsWithDate } from '../../platform/date-input.js';
import { field } from '../../platform/forms.js';
import type { NewThreshold } from './repository.js';

function readYesNo(source: unknown, name: string): boolean | null {
  const value = field(source, name);
  return value === 'yes' ? true : value === 'no' ? false : null;
}

export const checkDateField: DateInput = { id: 'date', namePrefix: '', label: 'Date', missing: 'Enter the date to check' };

export interface CheckValues extends DateValues {
  value: string;
  vat: string;
}

export type CheckReading =
  { ok: true; values: CheckValues; valuePence: number; includesVat: boolean; date: string } | { ok: false; values: CheckValues; errors: FormErrorsWithDate };

/** The "check a contract value" form, sent as a query string so that the answer has its own address. */
export function readCheck(query: unknown): CheckReading {
  const value = field(query, 'value').trim();
  const vat = field(query, 'vat');
  const date = readDateInput(query, checkDateField);
  const values: CheckValues = { value, vat, ...date.values };
  const valuePence = parsePounds(value);
  const includesVat = readYesNo(query, 'vat');
  const problems: [string, string][] = [];
  if (valuePence === null) problems.push(['value', 'Enter the contract value in pounds, like 75,000']);
  else if (valuePence < 0) problems.push(['value', 'Contract value must be £0 or more']);
  if (includesVat === null) problems.push(['vat', 'Select whether the contract value includes VAT']);
  if (date.problem) problems.push([checkDateField.id, date.problem.message]);
  if (problems.length || valuePence === null || includesVat === null || !date.iso) {
    return { ok: false, values, errors: errorsWithDate(problems, checkDateField, date.problem?.parts ?? []) };
  }
  return { ok: true, values, valuePence, includesVat, date: date.iso };
}

export const effectiveFromField: DateInput = {
  id: 'effectiveFrom',
  label: 'Effective date',
  missing: 'Enter the date the threshold takes effect',
};

export const SOURCE_MAX_LENGTH = 500;

export interface ThresholdValues extends DateValues {
  kind: string;
  amount: string;
  includesVat: string;
  source: string;
}

export type ThresholdReading =
  { ok: true; values: ThresholdValues; threshold: NewThreshold } | { ok: false; values: ThresholdValues; errors: FormErrorsWithDate };

/** The "add a threshold" form. */
export function readThreshold(body: unknown): ThresholdReading {
  const kind = field(body, 'kind');
  const amount = field(body, 'amount').trim();
  const source = field(body, 'source').trim();
  const date = readDateInput(body, effectiveFromField);
  const values: ThresholdValues = { kind, amount, includesVat: field(body, 'includesVat'), source, ...date.values };
  const amountPence = parsePounds(amount);
  const includesVat = readYesNo(body, 'includesVat');
  const problems: [string, string][] = [];
  if (!isThresholdKind(kind)) problems.push(['kind', 'Select the kind of threshold']);
  if (amountPence === null) problems.push(['amount', 'Enter the amount in pounds, like 214,904']);
  else if (amountPence <= 0) problems.push(['amount', 'Amount must be more than £0']);
  if (includesVat === null) problems.push(['includesVat', 'Select whether the amount includes VAT']);
  if (date.problem) problems.push([effectiveFromField.id, date.problem.message]);
  if (!source) problems.push(['source', 'Enter where the amount comes from, like a Procurement Policy Note']);
  else if (source.length > SOURCE_MAX_LENGTH) problems.push(['source', `Source must be ${SOURCE_MAX_LENGTH} characters or fewer`]);
  if (problems.length || !isThresholdKind(kind) || amountPence === null || includesVat === null || !date.iso) {
    return { ok: false, values, errors: errorsWithDate(problems, effectiveFromField, date.problem?.parts ?? []) };
  }
  return { ok: true, values, threshold: { kind, amountPence, includesVat, effectiveFrom: date.iso, source } };
}

/** The effective date's error when a threshold of the same kind already starts that day. */
export function duplicateErrors(threshold: NewThreshold): FormErrorsWithDate {
  const message = `A ${thresholdKindNames[threshold.kind]} already takes effect on ${formatDate(threshold.effectiveFrom)}. Enter a different date`;
  return errorsWithDate([[effectiveFromField.id, message]], effectiveFromField, [...dateParts]);
}

function isThresholdKind(value: string): value is ThresholdKind {
  return (thresholdKinds as readonly string[]).includes(value);
}
