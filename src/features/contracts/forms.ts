import { contractRatings, reportingFrequencies, type ContractRating } from '../../db/schema/index.js';
import type { ReportingFrequency } from '../../domain/reporting-periods.js';
import { REASON_MAX } from '../../domain/limits.js';
import { field, formErrors, type FormErrors } from '../../platform/forms.js';

export interface DetailsValues {
  manager: string;
  frequency: string;
}

/** The contract details form: a manager from the offered list (or none) and a reporting frequency. */
export function readDetails(
  body: unknown,
  managerIds: readonly string[],
): { ok: true; values: DetailsValues; managerId: string | null; frequency: ReportingFrequency } | ({ ok: false; values: DetailsValues } & FormErrors) {
  const values = { manager: field(body, 'manager'), frequency: field(body, 'frequency') };
  const problems: [string, string][] = [];
  if (values.manager !== '' && !managerIds.includes(values.manager)) problems.push(['manager', 'Choose a contract manager from the list']);
  if (!(reportingFrequencies as readonly string[]).includes(values.frequency)) problems.push(['frequency', 'Choose how often the supplier reports']);
  if (problems.length) return { ok: false, values, ...formErrors(problems) };
  return { ok: true, values, managerId: values.manager || null, frequency: values.frequency as ReportingFrequency };
}

export interface RatingValues {
  rating: string;
  reason: string;
}

/** The rating form: a rating on the Procurement Act scale with a reason, or "computed" to remove the override. */
export function readRating(
  body: unknown,
): { ok: true; values: RatingValues; override: { rating: ContractRating; reason: string } | null } | ({ ok: false; values: RatingValues } & FormErrors) {
  const values = { rating: field(body, 'rating'), reason: field(body, 'reason').trim() };
  if (values.rating === 'computed') return { ok: true, values, override: null };
  const problems: [string, string][] = [];
  if (!(contractRatings as readonly string[]).includes(values.rating)) problems.push(['rating', 'Choose a rating, or choose to use the computed rating']);
  if (values.reason === '') problems.push(['reason', 'Enter the reason for setting the rating by hand']);
  else if (values.reason.length > REASON_MAX) problems.push(['reason', `Reason must be ${REASON_MAX} characters or fewer`]);
  if (problems.length) return { ok: false, values, ...formErrors(problems) };
  return { ok: true, values, override: { rating: values.rating as ContractRating, reason: values.reason } };
}
