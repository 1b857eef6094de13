import { reportingFrequencies } from '../../db/schema/index.js';
import { REASON_MAX } from '../../domain/limits.js';
import { parsePounds } from '../../domain/money.js';
import {
  dateInputValues,
  dateParts,
  errorsWithDates,
  readDateInput,
  type DateInput,
  type DatePart,
  type FormErrorsWithDates,
} from '../../platform/date-input.js';
import { field } from '../../platform/forms.js';
import { contractEndDate } from '../../domain/contract-term.js';

export type ReportingFrequency = (typeof reportingFrequencies)[number];

export const frequencyLabels: Record<ReportingFrequency, string> = {
  monthly: 'Monthly',
  quarterly: 'Quarterly',
  six_monthly: 'Every 6 months',
  annual: 'Once a year',
};

export const REFERENCE_MAX_LENGTH = 50;
const REFERENCE = /^[A-Za-z0-9][A-Za-z0-9 ./-]*$/;

/** What was typed on the award form, kept as typed so that the form can be shown again. */
export interface AwardValues {
  bidId: string;
  reason: string;
  contractManagerId: string;
  reference: string;
  'startDate-day': string;
  'startDate-month': string;
  'startDate-year': string;
  'endDate-day': string;
  'endDate-month': string;
  'endDate-year': string;
  value: string;
  vat: string;
  frequency: string;
}

export const awardFields = [
  'bidId',
  'reason',
  'contractManagerId',
  'reference',
  'startDate-day',
  'startDate-month',
  'startDate-year',
  'endDate-day',
  'endDate-month',
  'endDate-year',
  'value',
  'vat',
  'frequency',
] as const satisfies readonly (keyof AwardValues)[];

/** The decision, read and checked. Money in pence, dates as "YYYY-MM-DD". */
export interface AwardDecision {
  bidId: string;
  /** required when the winner was not ranked first; otherwise optional */
  reason: string | null;
  contractManagerId: string;
  reference: string;
  startDate: string;
  endDate: string;
  valuePence: number;
  valueIncludesVat: boolean;
  reportingFrequency: ReportingFrequency;
}

/** What the form can choose from: the ranked bids and the contract managers. */
export interface AwardChoices {
  bids: { id: string; rank: number; pricePence: number | null }[];
  contractManagerIds: string[];
}

export type AwardReading = { ok: true; values: AwardValues; decision: AwardDecision } | { ok: false; values: AwardValues; errors: FormErrorsWithDates };

/**
 * The form as it first appears: dates from the requirement's expected start and duration, and the value left blank,
 * which means the winning bid's price.
 */
export function defaultAwardValues(
  requirement: { expectedStart: string; durationMonths: number; valueIncludesVat: boolean },
  tenderNumber: number,
): AwardValues {
  const start = dateInputValues(requirement.expectedStart);
  const end = dateInputValues(contractEndDate(requirement.expectedStart, requirement.durationMonths));
  return {
    bidId: '',
    reason: '',
    contractManagerId: '',
    reference: `LCC-${tenderNumber}`,
    'startDate-day': start.day,
    'startDate-month': start.month,
    'startDate-year': start.year,
    'endDate-day': end.day,
    'endDate-month': end.month,
    'endDate-year': end.year,
    value: '',
    vat: requirement.valueIncludesVat ? 'yes' : 'no',
    frequency: 'quarterly',
  };
}

/** The form's values from a request body or query string; fields that were not sent are empty. */
export function awardValuesFrom(source: unknown): AwardValues {
  const values = {} as AwardValues;
  for (const name of awardFields) values[name] = field(source, name).trim();
  return values;
}

/** The values as a query string, so that a "Change" link opens the form with everything that was typed. */
export function awardValuesQuery(values: AwardValues): string {
  return new URLSearchParams(awardFields.map((name): [string, string] => [name, values[name]])).toString();
}

const startSpec: DateInput = { id: 'startDate', label: 'Start date', missing: 'Enter the date the contract starts' };
const endSpec: DateInput = { id: 'endDate', label: 'End date', missing: 'Enter the date the contract ends' };

/** Reads and checks the award form against what can be chosen. */
export function readAward(source: unknown, choices: AwardChoices): AwardReading {
  const values = awardValuesFrom(source);
  const problems: [string, string][] = [];
  const dateErrorParts: Record<string, DatePart[]> = {};

  const chosen = choices.bids.find((bid) => bid.id === values.bidId);
  if (!chosen) problems.push(['bidId', 'Select the winning bid']);
  if (chosen && chosen.rank !== 1 && !values.reason) {
    problems.push(['reason', 'Enter why you are awarding the contract to a bid that is not ranked first']);
  } else if (values.reason.length > REASON_MAX) {
    problems.push(['reason', `Reason must be ${REASON_MAX.toLocaleString('en-GB')} characters or fewer`]);
  }
  if (!choices.contractManagerIds.includes(values.contractManagerId)) problems.push(['contractManagerId', 'Select the contract manager']);
  if (!values.reference) problems.push(['reference', 'Enter a contract reference']);
  else if (values.reference.length > REFERENCE_MAX_LENGTH)
    problems.push(['reference', `Contract reference must be ${REFERENCE_MAX_LENGTH} characters or fewer`]);
  else if (!REFERENCE.test(values.reference)) {
    problems.push([
      'reference',
      'Contract reference must start with a letter or number and include only letters, numbers, spaces, hyphens, full stops and slashes',
    ]);
  }

  const start = readDateInput(values, startSpec);
  const end = readDateInput(values, endSpec);
  for (const [spec, date] of [
    [startSpec, start],
    [endSpec, end],
  ] as const) {
    if (date.problem) {
      problems.push([spec.id, date.problem.message]);
      dateErrorParts[spec.id] = date.problem.parts;
    }
  }
  if (start.iso && end.iso && end.iso < start.iso) {
    problems.push(['endDate', 'End date must be the same as or after the start date']);
    dateErrorParts.endDate = [...dateParts];
  }

  // Left blank, the value is the winning bid's price.
  const valuePence = values.value ? parsePounds(values.value) : (chosen?.pricePence ?? null);
  if (values.value && valuePence === null) problems.push(['value', 'Enter the contract value as an amount in pounds, like 75,000 or 74,999.50']);
  else if (values.value && valuePence !== null && valuePence <= 0) problems.push(['value', 'Contract value must be more than £0']);
  else if (!values.value && chosen && !chosen.pricePence)
    problems.push(['value', 'Enter the contract value in pounds, like 75,000, as the winning bid has no price']);
  if (values.vat !== 'yes' && values.vat !== 'no') problems.push(['vat', 'Select whether the contract value includes VAT']);
  const frequency = reportingFrequencies.find((f) => f === values.frequency);
  if (!frequency) problems.push(['frequency', 'Select how often the supplier reports on its commitments']);

  if (problems.length || !chosen || !start.iso || !end.iso || valuePence === null || valuePence <= 0 || !frequency) {
    return { ok: false, values, errors: errorsWithDates(problems, dateErrorParts) };
  }
  return {
    ok: true,
    values,
    decision: {
      bidId: chosen.id,
      reason: values.reason || null,
      contractManagerId: values.contractManagerId,
      reference: values.reference,
      startDate: start.iso,
      endDate: end.iso,
      valuePence,
      valueIncludesVat: values.vat === 'yes',
      reportingFrequency: frequency,
    },
  };
}

/** The form's errors when the contract reference is already used by another contract. */
export function referenceTakenErrors(reference: string): FormErrorsWithDates {
  return errorsWithDates([['reference', `Contract reference ${reference} is already used by another contract. Enter a different reference`]], {});
}
