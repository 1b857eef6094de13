import { formatPounds, parsePounds } from '../../domain/money.js';
import { dateInputValues, errorsWithDate, readDateInput, type DateInput, type FormErrorsWithDate } from '../../platform/date-input.js';
import { field, fieldList } from '../../platform/forms.js';
import { COUNTYWIDE, districtNames } from '../organisations/postcode-districts.js';
import { cpvLabel, isCommonCategory, readCpvCode } from './categories.js';

const TITLE_MAX = 200;
const DESCRIPTION_MAX = 5000;
const DURATION_MAX_MONTHS = 600;
/** £10 billion: a bigger estimate is a typing mistake. */
const VALUE_LIMIT_PENCE = 1_000_000_000_000;

/** The checkbox that stands for every district (COUNTYWIDE) is saved as all of them. */

const expectedStartInput: DateInput = { id: 'expectedStart', label: 'Expected start date', missing: 'Enter the expected start date' };

/** What the person typed or chose, kept as it was so that a form with errors shows it again. */
export interface RequirementValues {
  title: string;
  description: string;
  directorate: string;
  category: string;
  cpvCode: string;
  value: string;
  includesVat: string;
  day: string;
  month: string;
  year: string;
  duration: string;
  districts: string[];
  owner: string;
}

/** A requirement's details as they are saved. Applicability and stage are worked out when saving. */
export interface RequirementInput {
  title: string;
  description: string;
  directorate: string;
  cpvCode: string;
  categoryLabel: string;
  estimatedValuePence: number;
  valueIncludesVat: boolean;
  /** "YYYY-MM-DD" */
  expectedStart: string;
  durationMonths: number;
  districts: string[];
  ownerId: string;
}

/** The choices the form offers: a value must be one of them. */
export interface RequirementChoices {
  directorates: readonly string[];
  ownerIds: readonly string[];
}

export type RequirementErrors = FormErrorsWithDate;

export type RequirementReading =
  { ok: true; values: RequirementValues; requirement: RequirementInput } | { ok: false; values: RequirementValues; errors: RequirementErrors };

export function emptyValues(ownerId: string): RequirementValues {
  return {
    title: '',
    description: '',
    directorate: '',
    category: '',
    cpvCode: '',
    value: '',
    includesVat: '',
    day: '',
    month: '',
    year: '',
    duration: '',
    districts: [],
    owner: ownerId,
  };
}

/** A saved requirement as the form shows it. */
export function valuesOf(requirement: RequirementInput): RequirementValues {
  const common = isCommonCategory(requirement.cpvCode);
  const everywhere = districtNames.every((name) => requirement.districts.includes(name));
  return {
    title: requirement.title,
    description: requirement.description,
    directorate: requirement.directorate,
    category: common ? requirement.cpvCode : '',
    cpvCode: common ? '' : requirement.cpvCode,
    value: formatPounds(requirement.estimatedValuePence).slice(1),
    includesVat: requirement.valueIncludesVat ? 'yes' : 'no',
    ...dateInputValues(requirement.expectedStart),
    duration: String(requirement.durationMonths),
    districts: everywhere ? [COUNTYWIDE] : requirement.districts,
    owner: requirement.ownerId,
  };
}

/** "Countywide", or the districts in the order of the county's list. */
export function districtsText(names: readonly string[]): string {
  if (names.length === 0) return 'None given';
  if (districtNames.every((name) => names.includes(name))) return COUNTYWIDE;
  return districtNames.filter((name) => names.includes(name)).join(', ');
}

function readValue(text: string): number | string {
  if (!text) return 'Enter the estimated total value';
  const pence = parsePounds(text);
  if (pence === null) return 'Estimated total value must be an amount in pounds, like 75,000';
  if (pence <= 0) return 'Estimated total value must be more than £0';
  if (pence >= VALUE_LIMIT_PENCE) return `Estimated total value must be less than ${formatPounds(VALUE_LIMIT_PENCE)}`;
  return pence;
}

function readDuration(text: string): number | string {
  if (!text) return 'Enter the duration in months';
  if (!/^\d{1,4}$/.test(text)) return 'Duration must be a whole number of months, like 24';
  const months = Number(text);
  if (months < 1) return 'Duration must be at least 1 month';
  if (months > DURATION_MAX_MONTHS) return `Duration must be ${DURATION_MAX_MONTHS} months or fewer`;
  return months;
}

function readCategory(category: string, typed: string): { code: string } | [string, string] {
  if (typed) {
    const reading = readCpvCode(typed);
    if (reading.ok) return { code: reading.code };
    if (reading.problem === 'division') return ['cpvCode', `Enter a real CPV code: no CPV code starts with ${typed.replace(/\s+/g, '').slice(0, 2)}`];
    return ['cpvCode', 'Enter a CPV code in the correct format, like 85000000 or 85000000-9'];
  }
  if (!category) return ['category', 'Select a category, or enter a CPV code'];
  if (!isCommonCategory(category)) return ['category', 'Select a category from the list'];
  return { code: category };
}

function readDistricts(chosen: string[]): string[] | string {
  if (chosen.length === 0) return 'Select where it will be delivered: Countywide, or one or more districts';
  if (chosen.some((name) => name !== COUNTYWIDE && !districtNames.includes(name))) return 'Select districts from the list';
  if (chosen.includes(COUNTYWIDE)) return chosen.length === 1 ? [...districtNames] : 'Select Countywide or the districts where it will be delivered, not both';
  return districtNames.filter((name) => chosen.includes(name));
}

/** Reads and checks the requirement form. Problems are listed in the order of the form's fields. */
export function readRequirement(body: unknown, choices: RequirementChoices): RequirementReading {
  const date = readDateInput(body, expectedStartInput);
  const values: RequirementValues = {
    title: field(body, 'title').trim(),
    description: field(body, 'description').trim(),
    directorate: field(body, 'directorate'),
    category: field(body, 'category'),
    cpvCode: field(body, 'cpvCode').trim(),
    value: field(body, 'value').trim(),
    includesVat: field(body, 'includesVat'),
    ...date.values,
    duration: field(body, 'duration').trim(),
    districts: fieldList(body, 'districts'),
    owner: field(body, 'owner'),
  };
  const problems: [string, string][] = [];
  if (!values.title) problems.push(['title', 'Enter a title']);
  else if (values.title.length > TITLE_MAX) problems.push(['title', `Title must be ${TITLE_MAX} characters or fewer`]);
  if (values.description.length > DESCRIPTION_MAX)
    problems.push(['description', `Description must be ${DESCRIPTION_MAX.toLocaleString('en-GB')} characters or fewer`]);
  if (!choices.directorates.includes(values.directorate)) problems.push(['directorate', 'Select the directorate']);
  const category = readCategory(values.category, values.cpvCode);
  if (Array.isArray(category)) problems.push(category);
  const value = readValue(values.value);
  if (typeof value === 'string') problems.push(['value', value]);
  const includesVat = values.includesVat === 'yes' ? true : values.includesVat === 'no' ? false : null;
  if (includesVat === null) problems.push(['includesVat', 'Select whether the estimated value includes VAT']);
  if (date.problem) problems.push([expectedStartInput.id, date.problem.message]);
  const duration = readDuration(values.duration);
  if (typeof duration === 'string') problems.push(['duration', duration]);
  const chosenDistricts = readDistricts(values.districts);
  if (typeof chosenDistricts === 'string') problems.push(['districts', chosenDistricts]);
  if (!choices.ownerIds.includes(values.owner)) problems.push(['owner', 'Select the owner']);

  if (
    problems.length ||
    Array.isArray(category) ||
    typeof value === 'string' ||
    includesVat === null ||
    !date.iso ||
    typeof duration === 'string' ||
    typeof chosenDistricts === 'string'
  ) {
    return { ok: false, values, errors: errorsWithDate(problems, expectedStartInput, date.problem?.parts ?? []) };
  }
  return {
    ok: true,
    values,
    requirement: {
      title: values.title,
      description: values.description,
      directorate: values.directorate,
      cpvCode: category.code,
      categoryLabel: cpvLabel(category.code),
      estimatedValuePence: value,
      valueIncludesVat: includesVat,
      expectedStart: date.iso,
      durationMonths: duration,
      districts: chosenDistricts,
      ownerId: values.owner,
    },
  };
}

const CANCEL_REASON_MAX = 1000;

/** The reason given for cancelling a requirement, or the message saying what to do. */
export function readCancelReason(body: unknown): { reason: string; problem?: string } {
  const reason = field(body, 'reason').trim();
  if (!reason) return { reason, problem: 'Enter why the requirement is being cancelled' };
  if (reason.length > CANCEL_REASON_MAX) return { reason, problem: `Reason must be ${CANCEL_REASON_MAX.toLocaleString('en-GB')} characters or fewer` };
  return { reason };
}
