import type { ProfilePeriod } from '../../db/schema/index.js';
import { formatQuantity, parseQuantity, quantityToDecimal } from '../../domain/quantity.js';
import { field, fieldList } from '../../platform/forms.js';
import { NARRATIVE_MAX } from '../../domain/limits.js';
import { normaliseText } from '../../domain/text.js';
import { COUNTYWIDE, districtChoices } from '../organisations/postcode-districts.js';
import { modeOfProfile, type DeliveryPeriod, type ProfileMode } from '../../domain/delivery-periods.js';
import type { CommitmentRecord, TenderMeasure } from './repository.js';

/** A commitment to one of the tender's measures: how much, when (the delivery profile), where and how. */

/** The contract's periods in each way a profile can be given (only the ways offered for its length). */
export type PeriodsByMode = Partial<Record<ProfileMode, DeliveryPeriod[]>>;

export interface CommitmentValues {
  quantity: string;
  profileBy: string;
  /** what was typed for each period, by mode, in period order */
  profile: Record<ProfileMode, string[]>;
  districts: string[];
  narrative: string;
}

export interface CommitmentInput {
  quantityHundredths: number;
  profile: ProfilePeriod[];
  districts: string[];
  narrative: string;
}

export type CommitmentReading = { ok: true; input: CommitmentInput } | { ok: false; problems: [string, string][] };

export const profileField = (mode: ProfileMode, index: number) => `profile-${mode}-${index + 1}`;

const offeredModes = (periods: PeriodsByMode) => (Object.keys(periods) as ProfileMode[]).filter((mode) => (periods[mode]?.length ?? 0) > 0);

/**
 * Whether the supplier chooses between a profile by year and by quarter: only when both are offered and one of them
 * has more than one period (a contract of three months or less is all in its first year and its first quarter).
 */
export function modeIsChosen(periods: PeriodsByMode): boolean {
  const modes = offeredModes(periods);
  return modes.length > 1 && modes.some((mode) => (periods[mode]?.length ?? 0) > 1);
}

export function commitmentValues(body: unknown, periods: PeriodsByMode): CommitmentValues {
  const typed = (mode: ProfileMode) => (periods[mode] ?? []).map((_, i) => field(body, profileField(mode, i)).trim());
  return {
    quantity: field(body, 'quantity').trim(),
    profileBy: field(body, 'profileBy'),
    profile: { year: typed('year'), quarter: typed('quarter') },
    districts: fieldList(body, 'districts'),
    narrative: field(body, 'narrative'),
  };
}

/** The form as last saved: each saved period's figure in the mode it was given in. */
export function commitmentValuesOf(commitment: CommitmentRecord | null, periods: PeriodsByMode, start: string, durationMonths: number): CommitmentValues {
  const empty = (mode: ProfileMode) => (periods[mode] ?? []).map(() => '');
  const values: CommitmentValues = { quantity: '', profileBy: '', profile: { year: empty('year'), quarter: empty('quarter') }, districts: [], narrative: '' };
  if (!commitment) return values;
  const mode = modeOfProfile(commitment.profile, start, durationMonths);
  const saved = new Map(commitment.profile.map((p) => [p.periodStart, p.quantityHundredths]));
  values.quantity = quantityToDecimal(commitment.quantityHundredths);
  values.profileBy = mode;
  values.profile[mode] = (periods[mode] ?? []).map((p) => {
    const hundredths = saved.get(p.periodStart);
    return hundredths === undefined ? '' : quantityToDecimal(hundredths);
  });
  values.districts = commitment.districts;
  values.narrative = commitment.narrative;
  return values;
}

/** "hours", "FTE years"; money measures are counted in pounds. */
function unitWords(unit: string): string {
  return unit === '£' ? 'pounds' : unit;
}

export function readCommitmentForm(values: CommitmentValues, measure: Pick<TenderMeasure, 'code' | 'unit'>, periods: PeriodsByMode): CommitmentReading {
  const problems: [string, string][] = [];
  const units = unitWords(measure.unit);
  const quantity = values.quantity ? parseQuantity(values.quantity) : null;
  if (!values.quantity) problems.push(['quantity', `Enter the number of ${units} you will deliver`]);
  else if (quantity === null) problems.push(['quantity', `Enter the number of ${units} as a number, like 120`]);
  else if (quantity === 0) problems.push(['quantity', `Enter a number of ${units} greater than 0, or remove this commitment`]);

  const profile = readProfile(values, measure.code, units, quantity, periods, problems);

  const chosen = [...new Set(values.districts)];
  if (chosen.length === 0 || chosen.some((d) => !districtChoices.includes(d))) {
    problems.push(['districts', 'Select the districts where it will be delivered, or Countywide']);
  } else if (chosen.includes(COUNTYWIDE) && chosen.length > 1) {
    problems.push(['districts', 'Select Countywide or the districts where it will be delivered, not both']);
  }

  const narrative = normaliseText(values.narrative);
  if (narrative.length > NARRATIVE_MAX) {
    problems.push(['narrative', `Describe how you will deliver it in ${NARRATIVE_MAX.toLocaleString('en-GB')} characters or fewer`]);
  }

  if (problems.length || quantity === null || profile === null) return { ok: false, problems };
  const districtsInOrder = districtChoices.filter((d) => chosen.includes(d));
  return { ok: true, input: { quantityHundredths: quantity, profile, districts: districtsInOrder, narrative } };
}

/** The profile in the chosen way, checked against the total; null (with the problems added) when it cannot be read. */
function readProfile(
  values: CommitmentValues,
  code: string,
  units: string,
  quantity: number | null,
  periods: PeriodsByMode,
  problems: [string, string][],
): ProfilePeriod[] | null {
  const mode = modeIsChosen(periods) ? offeredModes(periods).find((m) => m === values.profileBy) : offeredModes(periods)[0];
  if (!mode) {
    problems.push(['profileBy', 'Select whether you will give the delivery profile by year or by quarter']);
    return null;
  }
  const list = periods[mode] ?? [];
  if (list.length === 1) {
    const only = list[0]!;
    return quantity === null ? null : [{ periodStart: only.periodStart, periodEnd: only.periodEnd, quantityHundredths: quantity }];
  }
  const typed = values.profile[mode];
  if (typed.every((t) => t === '')) {
    problems.push([profileField(mode, 0), `Enter how many ${units} you will deliver in each ${mode}`]);
    return null;
  }
  const profile: ProfilePeriod[] = [];
  let readable = true;
  list.forEach((period, i) => {
    const text = typed[i] ?? '';
    const hundredths = text === '' ? 0 : parseQuantity(text);
    if (hundredths === null) {
      problems.push([profileField(mode, i), `Enter the number of ${units} for ${period.name} as a number, like 40, or leave it empty for none`]);
      readable = false;
    } else {
      profile.push({ periodStart: period.periodStart, periodEnd: period.periodEnd, quantityHundredths: hundredths });
    }
  });
  if (!readable) return null;
  const sum = profile.reduce((total, p) => total + p.quantityHundredths, 0);
  if (quantity !== null && quantity > 0 && sum !== quantity) {
    problems.push([profileField(mode, 0), `The delivery profile for ${code} adds up to ${formatQuantity(sum)} but the total is ${formatQuantity(quantity)}`]);
    return null;
  }
  return profile;
}
