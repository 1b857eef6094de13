import type { ProfilePeriod } from '../../db/schema/procurement.js';
import { formatQuantity, parseQuantity, quantityToDecimal } from '../../domain/quantity.js';
import { field, formErrors, type FormErrors } from '../../platform/forms.js';
import { REASON_MAX } from '../../domain/limits.js';

export interface VariationValues {
  measure: string;
  quantity: string;
  periods: string[];
  reason: string;
}

export interface ProposedVariation {
  measureId: string;
  quantityHundredths: number;
  profile: ProfilePeriod[];
  reason: string;
}

/** The form's starting values: the commitment as it stands. */
export function currentValues(commitment: { measureId: string; quantityHundredths: number; profile: ProfilePeriod[] }): VariationValues {
  return {
    measure: commitment.measureId,
    quantity: quantityToDecimal(commitment.quantityHundredths),
    periods: commitment.profile.map((p) => quantityToDecimal(p.quantityHundredths)),
    reason: '',
  };
}

/**
 * A proposed variation: a measure from those offered, a quantity, a quantity for each period of the current profile
 * adding up to it, and a reason.
 */
export function readVariation(
  body: unknown,
  measureIds: readonly string[],
  periods: readonly ProfilePeriod[],
): { ok: true; values: VariationValues; variation: ProposedVariation } | ({ ok: false; values: VariationValues } & FormErrors) {
  const values: VariationValues = {
    measure: field(body, 'measure'),
    quantity: field(body, 'quantity').trim(),
    periods: periods.map((_, i) => field(body, `period-${i}`).trim()),
    reason: field(body, 'reason').trim(),
  };
  const problems: [string, string][] = [];
  if (!measureIds.includes(values.measure)) problems.push(['measure', 'Choose a measure from the list']);
  const quantity = parseQuantity(values.quantity);
  if (values.quantity === '') problems.push(['quantity', 'Enter the quantity']);
  else if (quantity === null) problems.push(['quantity', 'Enter the quantity as a number of 0 or more, like 12 or 12.5']);
  const periodQuantities = values.periods.map((text, i) => {
    const parsed = parseQuantity(text);
    if (parsed === null)
      problems.push([
        `period-${i}`,
        text === '' ? `Enter the quantity for period ${i + 1}` : `Enter the quantity for period ${i + 1} as a number of 0 or more`,
      ]);
    return parsed;
  });
  if (quantity !== null && periods.length > 0 && periodQuantities.every((q) => q !== null)) {
    const sum = periodQuantities.reduce<number>((a, q) => a + q!, 0);
    if (sum !== quantity) {
      problems.push([
        'period-0',
        `The quantities in the periods add up to ${formatQuantity(sum)}; make them add up to the quantity, ${formatQuantity(quantity)}`,
      ]);
    }
  }
  if (values.reason === '') problems.push(['reason', 'Enter the reason for the variation']);
  else if (values.reason.length > REASON_MAX) problems.push(['reason', `Reason must be ${REASON_MAX} characters or fewer`]);
  if (problems.length) return { ok: false, values, ...formErrors(problems) };
  return {
    ok: true,
    values,
    variation: {
      measureId: values.measure,
      quantityHundredths: quantity!,
      profile: periods.map((p, i) => ({ periodStart: p.periodStart, periodEnd: p.periodEnd, quantityHundredths: periodQuantities[i]! })),
      reason: values.reason,
    },
  };
}

export interface DecisionValues {
  decision: string;
  note: string;
}

/** Approve, or reject with a note saying why. */
export function readDecision(
  body: unknown,
): { ok: true; values: DecisionValues; approve: boolean; note: string | null } | ({ ok: false; values: DecisionValues } & FormErrors) {
  const values = { decision: field(body, 'decision'), note: field(body, 'note').trim() };
  const problems: [string, string][] = [];
  if (values.decision !== 'approve' && values.decision !== 'reject') problems.push(['decision', 'Choose whether to approve or reject the variation']);
  if (values.decision === 'reject' && values.note === '') problems.push(['note', 'Enter why you are rejecting the variation']);
  if (values.note.length > REASON_MAX) problems.push(['note', `Note must be ${REASON_MAX} characters or fewer`]);
  if (problems.length) return { ok: false, values, ...formErrors(problems) };
  return { ok: true, values, approve: values.decision === 'approve', note: values.note || null };
}
