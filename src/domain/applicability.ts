/** The kinds of threshold: the council's policy minimum, and the statutory one of the Social Value Act. */
export const thresholdKinds = ['policy_minimum', 'statutory'] as const;
export type ThresholdKind = (typeof thresholdKinds)[number];
import { formatDate } from './dates.js';
import { formatPounds } from './money.js';

/**
 * Whether social value applies to a contract value on a date (DESIGN.md section 3): below the policy minimum it is
 * out of scope (but encouraged); at or above it the council's policy requires it; at or above the statutory threshold
 * in force on that date the Public Services (Social Value) Act 2012 duty applies as well.
 */
export type ApplicabilityLevel = 'out_of_scope' | 'policy' | 'statutory';

export interface ThresholdRule {
  kind: ThresholdKind;
  amountPence: number;
  includesVat: boolean;
  /** "YYYY-MM-DD" */
  effectiveFrom: string;
}

export interface Applicability<T extends ThresholdRule = ThresholdRule> {
  level: ApplicabilityLevel;
  /** "Out of scope", "Required by policy" or "Statutory duty" */
  label: string;
  /** the thresholds in force on the date, or null when none of that kind had started */
  policyThreshold: T | null;
  statutoryThreshold: T | null;
  explanation: string;
}

export const applicabilityLabels: Record<ApplicabilityLevel, string> = {
  out_of_scope: 'Out of scope',
  policy: 'Required by policy',
  statutory: 'Statutory duty',
};

/** What each kind of threshold is called, in a sentence. */
export const thresholdKindNames: Record<ThresholdKind, string> = {
  policy_minimum: 'policy minimum',
  statutory: 'statutory threshold',
};

/** Standard-rate VAT, as the fraction 6/5 between a price including VAT and the same price excluding it. */
const VAT_RATE_TEXT = '20%';
const WITH_VAT = 6n;
const WITHOUT_VAT = 5n;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The threshold of a kind in force on a date: the one with the latest start on or before it, or null. */
export function thresholdInForce<T extends ThresholdRule>(thresholds: readonly T[], kind: ThresholdKind, onDate: string): T | null {
  let found: T | null = null;
  for (const threshold of thresholds) {
    if (threshold.kind !== kind || threshold.effectiveFrom > onDate) continue;
    if (!found || threshold.effectiveFrom > found.effectiveFrom) found = threshold;
  }
  return found;
}

export function applicability<T extends ThresholdRule>(
  valuePence: number,
  valueIncludesVat: boolean,
  onDate: string,
  thresholds: readonly T[],
): Applicability<T> {
  if (!Number.isSafeInteger(valuePence) || valuePence < 0) throw new RangeError(`Not a contract value in pence: ${valuePence}`);
  if (!ISO_DATE.test(onDate)) throw new RangeError(`Not a date as YYYY-MM-DD: ${onDate}`);
  const value = { pence: valuePence, includesVat: valueIncludesVat };
  const policyThreshold = thresholdInForce(thresholds, 'policy_minimum', onDate);
  const statutoryThreshold = thresholdInForce(thresholds, 'statutory', onDate);
  const meetsPolicy = !!policyThreshold && reaches(value, policyThreshold);
  const meetsStatutory = !!statutoryThreshold && reaches(value, statutoryThreshold);
  const level: ApplicabilityLevel = meetsStatutory ? 'statutory' : meetsPolicy ? 'policy' : 'out_of_scope';

  const describe = describer(value, onDate);
  const sentences: string[] = [];
  if (level === 'statutory') {
    sentences.push(describe(statutoryThreshold, thresholdKindNames.statutory));
    sentences.push(
      meetsPolicy
        ? 'The Public Services (Social Value) Act 2012 duty applies, as well as the council’s policy.'
        : 'The Public Services (Social Value) Act 2012 duty applies.',
    );
  } else if (level === 'policy') {
    sentences.push(describe(policyThreshold, thresholdKindNames.policy_minimum), describe(statutoryThreshold, thresholdKindNames.statutory));
    sentences.push('The council’s policy requires social value to be considered and captured.');
  } else {
    sentences.push(describe(policyThreshold, thresholdKindNames.policy_minimum));
    if (!policyThreshold) sentences.push(describe(statutoryThreshold, thresholdKindNames.statutory));
    sentences.push('Social value is not required, but it is encouraged.');
  }
  return { level, label: applicabilityLabels[level], policyThreshold, statutoryThreshold, explanation: sentences.join(' ') };
}

interface Value {
  pence: number;
  includesVat: boolean;
}

/**
 * Whether a value reaches a threshold, compared like with like: a value without VAT is compared with a threshold
 * including VAT as value x 6/5, and the reverse as value x 5/6. Cross-multiplied in integers, so the answer is exact.
 */
function reaches(value: Value, threshold: ThresholdRule): boolean {
  const v = BigInt(value.pence);
  const t = BigInt(threshold.amountPence);
  if (value.includesVat === threshold.includesVat) return v >= t;
  return value.includesVat ? v * WITHOUT_VAT >= t * WITH_VAT : v * WITH_VAT >= t * WITHOUT_VAT;
}

/** The value restated on the threshold's VAT basis, to the nearest penny (halves rounded up). */
function onBasisOf(value: Value, includesVat: boolean): number {
  const [multiplier, divisor] = includesVat ? [WITH_VAT, WITHOUT_VAT] : [WITHOUT_VAT, WITH_VAT];
  return Number((BigInt(value.pence) * multiplier * 2n + divisor) / (divisor * 2n));
}

/** "including VAT" or "excluding VAT" */
export function vatBasis(includesVat: boolean): string {
  return includesVat ? 'including VAT' : 'excluding VAT';
}

/**
 * Sentences comparing the value with one threshold after another: the first to mention the value names it
 * ("£50,000 excluding VAT is ..."), later ones say "it".
 */
function describer(value: Value, onDate: string): (threshold: ThresholdRule | null, name: string) => string {
  let named = false;
  return (threshold, name) => {
    if (!threshold) return `No ${name} was in force on ${formatDate(onDate)}.`;
    const subject = named ? 'it' : `${formatPounds(value.pence)} ${vatBasis(value.includesVat)}`;
    named = true;
    const position = `${reaches(value, threshold) ? 'at or above' : 'below'} the ${name} of ${formatPounds(threshold.amountPence)} ${vatBasis(threshold.includesVat)}, in force from ${formatDate(threshold.effectiveFrom)}.`;
    if (value.includesVat === threshold.includesVat) return `${capitalise(subject)} is ${position}`;
    const restated = formatPounds(onBasisOf(value, threshold.includesVat));
    const clause = threshold.includesVat ? `With VAT added at the standard rate of ${VAT_RATE_TEXT}` : `Without VAT at the standard rate of ${VAT_RATE_TEXT}`;
    return `${clause}, ${subject} is ${restated}, ${position}`;
  };
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
