import { formatQuantity, parseQuantity, quantityToDecimal } from '../../domain/quantity.js';
import { field, fieldList } from '../../platform/forms.js';
import { NARRATIVE_MAX } from '../../domain/limits.js';
import { normaliseText } from '../../domain/text.js';
import { COUNTYWIDE, districtChoices } from '../organisations/postcode-districts.js';

/** One line of a delivery report as typed: what was delivered in the period, where, and how. */
export interface LineValues {
  quantity: string;
  narrative: string;
  districts: string[];
  /** only for additional social value: the framework measure */
  measure: string;
  /** the report's revision when the form was opened */
  revision: string;
}

export interface LineInput {
  measureId: string | null;
  quantityHundredths: number;
  narrative: string;
  districts: string[];
}

export type LineReading = { ok: true; input: LineInput; revision: number } | { ok: false; problems: [string, string][] };

export function lineValues(body: unknown): LineValues {
  return {
    quantity: field(body, 'quantity').trim(),
    narrative: field(body, 'narrative'),
    districts: fieldList(body, 'districts'),
    measure: field(body, 'measure'),
    revision: field(body, 'revision'),
  };
}

/** The report revision a form was opened at; one without a readable revision counts as opened before every change. */
export const revisionOf = (typed: string): number => (/^\d+$/.test(typed) ? Number(typed) : 0);

/** The form as last saved. */
export function lineValuesOf(
  line: { quantityHundredths: number; narrative: string; districts: string[]; measureId: string } | null,
  revision: number,
): LineValues {
  return {
    quantity: line ? quantityToDecimal(line.quantityHundredths) : '',
    narrative: line?.narrative ?? '',
    districts: line?.districts ?? [],
    measure: line?.measureId ?? '',
    revision: String(revision),
  };
}

/** "hours", "FTE years"; money measures are counted in pounds. */
export const unitWords = (unit: string) => (unit === '£' ? 'pounds' : unit);

export interface LineRules {
  /** the unit of the line's measure, when it is fixed (a commitment's); null when the measure is chosen */
  unit: string | null;
  /** the measures that may be chosen (additional social value only), by id with their units */
  measures?: ReadonlyMap<string, string>;
}

/**
 * Reads a report line. A commitment's line may report 0 for the period, with a narrative saying why; additional social
 * value is reported only when there is some. Where it was delivered is required unless nothing was. Every problem is
 * found at once: a quantity that cannot be read still leaves the districts to be asked for.
 */
export function readLineForm(values: LineValues, rules: LineRules): LineReading {
  const problems: [string, string][] = [];
  const additional = rules.measures !== undefined;
  let unit = rules.unit;
  if (additional) {
    unit = rules.measures!.get(values.measure) ?? null;
    if (unit === null) problems.push(['measure', 'Select the measure of the social value you delivered']);
  }
  const units = unitWords(unit ?? 'units');
  const quantity = values.quantity ? parseQuantity(values.quantity) : null;
  if (!values.quantity) problems.push(['quantity', `Enter the number of ${units} delivered in the period, like 12 or 12.5`]);
  else if (/^\s*-/.test(values.quantity)) problems.push(['quantity', `Enter a number of ${units} of 0 or more`]);
  else if (quantity === null) problems.push(['quantity', `Enter the number of ${units} delivered as a number, like 12 or 12.5`]);
  else if (additional && quantity === 0) problems.push(['quantity', `Enter a number of ${units} greater than 0, or remove this line`]);

  const narrative = normaliseText(values.narrative);
  if (narrative.length > NARRATIVE_MAX) {
    problems.push(['narrative', `Describe what was delivered in ${NARRATIVE_MAX.toLocaleString('en-GB')} characters or fewer`]);
  } else if (quantity === 0 && narrative === '' && !additional) {
    problems.push(['narrative', 'Explain why nothing was delivered in this period']);
  }

  const chosen = [...new Set(values.districts)];
  if (chosen.some((d) => !districtChoices.includes(d))) {
    problems.push(['districts', 'Select districts from the list']);
  } else if (quantity !== 0 && chosen.length === 0) {
    problems.push(['districts', 'Select the districts where it was delivered, or Countywide']);
  } else if (chosen.includes(COUNTYWIDE) && chosen.length > 1) {
    problems.push(['districts', 'Select Countywide or the districts where it was delivered, not both']);
  }

  if (problems.length || quantity === null) return { ok: false, problems };
  return {
    ok: true,
    revision: revisionOf(values.revision),
    input: {
      measureId: additional ? values.measure : null,
      quantityHundredths: quantity,
      narrative,
      districts: districtChoices.filter((d) => chosen.includes(d)),
    },
  };
}

/** The saved line in words, to show beside the form when someone else changed it. */
export function describeLine(line: { quantityHundredths: number; districts: string[]; narrative: string }, unit: string): string {
  const where = line.districts.length ? ` in ${line.districts.join(', ')}` : '';
  return `${formatQuantity(line.quantityHundredths)} ${unitWords(unit)}${where}${line.narrative ? `: "${line.narrative}"` : ''}`;
}
