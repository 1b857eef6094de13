import { quantitativeMethods, type QuantitativeMethod, type ScalePoint } from '../../db/schema/index.js';
import { REASON_MAX } from '../../domain/limits.js';
import { formatBps, parsePercent, percentText } from '../../domain/money.js';
import { parseQuantity } from '../../domain/quantity.js';
import { field, fieldList } from '../../platform/forms.js';
import { normaliseText } from '../../domain/text.js';
import { MINIMUM_SV_WEIGHT_BPS, SCALE_SCORES } from './defaults.js';

/**
 * Reading and checking the tender set-up forms. Each returns the values as typed (to show again with the errors)
 * and either what to save or the problems, as [field, message] pairs in the order of the form.
 */

type Pairs = [string, string][];

export interface Reading<V, R> {
  values: V;
  result: R | null;
  problems: Pairs;
}

function reading<V, R>(values: V, result: R, problems: Pairs): Reading<V, R> {
  return { values, result: problems.length ? null : result, problems };
}

export const TEXT_LIMITS = { title: 200, reason: REASON_MAX, descriptor: 1000, question: 500, guidance: 5000 } as const;

export function readTitle(body: unknown): Reading<{ title: string }, string> {
  const values = { title: field(body, 'title') };
  const title = normaliseText(values.title).replace(/\s+/g, ' ');
  const problems: Pairs = [];
  if (!title) problems.push(['title', 'Enter a title for the tender']);
  else if (title.length > TEXT_LIMITS.title) problems.push(['title', `Enter a title of ${TEXT_LIMITS.title} characters or fewer`]);
  return reading(values, title, problems);
}

export interface WeightingValues {
  svWeight: string;
  lowWeightReason: string;
  quantitativeShare: string;
  qualitativeShare: string;
}

export interface Weighting {
  svWeightBps: number;
  lowWeightReason: string | null;
  quantitativeShareBps: number;
}

export function weightingValues(tender: Weighting): WeightingValues {
  return {
    svWeight: percentText(tender.svWeightBps),
    lowWeightReason: tender.lowWeightReason ?? '',
    quantitativeShare: percentText(tender.quantitativeShareBps),
    qualitativeShare: percentText(10000 - tender.quantitativeShareBps),
  };
}

/**
 * The social value weighting (a percentage of the total score), the reason when it is below 10%, and its split
 * between the quantitative and qualitative scores, which must add up to 100%. A reason is kept only when needed.
 */
export function readWeighting(body: unknown): Reading<WeightingValues, Weighting> {
  const values: WeightingValues = {
    svWeight: field(body, 'svWeight').trim(),
    lowWeightReason: field(body, 'lowWeightReason'),
    quantitativeShare: field(body, 'quantitativeShare').trim(),
    qualitativeShare: field(body, 'qualitativeShare').trim(),
  };
  const problems: Pairs = [];
  const svWeightBps = parsePercent(values.svWeight);
  if (!values.svWeight) problems.push(['svWeight', 'Enter the social value weighting as a percentage of the total score, like 10']);
  else if (svWeightBps === null) problems.push(['svWeight', 'Enter the social value weighting as a percentage from 0 to 100, like 10']);
  const reason = normaliseText(values.lowWeightReason);
  const low = svWeightBps !== null && svWeightBps < MINIMUM_SV_WEIGHT_BPS;
  if (low && !reason) problems.push(['lowWeightReason', `Enter why social value is weighted below ${formatBps(MINIMUM_SV_WEIGHT_BPS)}`]);
  else if (low && reason.length > TEXT_LIMITS.reason)
    problems.push(['lowWeightReason', `Enter a reason of ${TEXT_LIMITS.reason.toLocaleString('en-GB')} characters or fewer`]);
  const quantitative = parsePercent(values.quantitativeShare);
  const qualitative = parsePercent(values.qualitativeShare);
  if (!values.quantitativeShare) problems.push(['quantitativeShare', 'Enter the quantitative share as a percentage, like 50']);
  else if (quantitative === null) problems.push(['quantitativeShare', 'Enter the quantitative share as a percentage from 0 to 100, like 50']);
  if (!values.qualitativeShare) problems.push(['qualitativeShare', 'Enter the qualitative share as a percentage, like 50']);
  else if (qualitative === null) problems.push(['qualitativeShare', 'Enter the qualitative share as a percentage from 0 to 100, like 50']);
  if (quantitative !== null && qualitative !== null && quantitative + qualitative !== 10000) {
    problems.push(['quantitativeShare', 'The quantitative and qualitative shares must add up to 100%']);
  }
  return reading(values, { svWeightBps: svWeightBps ?? 0, lowWeightReason: low ? reason : null, quantitativeShareBps: quantitative ?? 0 }, problems);
}

export function readMethod(body: unknown): Reading<{ method: string }, QuantitativeMethod> {
  const method = field(body, 'method');
  const known = (quantitativeMethods as readonly string[]).includes(method);
  return reading({ method }, method as QuantitativeMethod, known ? [] : [['method', 'Select how the quantitative score is worked out']]);
}

export function readRiskShare(body: unknown): Reading<{ riskShare: string }, number> {
  const values = { riskShare: field(body, 'riskShare').trim() };
  const bps = parsePercent(values.riskShare);
  const problems: Pairs = [];
  if (!values.riskShare) problems.push(['riskShare', 'Enter the share of the bid price as a percentage, like 20']);
  else if (bps === null || bps === 0) problems.push(['riskShare', 'Enter the share of the bid price as a percentage more than 0 and up to 100, like 20']);
  return reading(values, bps ?? 0, problems);
}

export type ScaleValues = Record<string, string>;

export const scaleField = (score: number) => `descriptor${score}`;

export function scaleValues(scale: ScalePoint[]): ScaleValues {
  return Object.fromEntries(SCALE_SCORES.map((score) => [scaleField(score), scale.find((p) => p.score === score)?.descriptor ?? '']));
}

/** The descriptors of the five points of the scale; the scores themselves are fixed. */
export function readScale(body: unknown): Reading<ScaleValues, ScalePoint[]> {
  const values: ScaleValues = Object.fromEntries(SCALE_SCORES.map((score) => [scaleField(score), field(body, scaleField(score))]));
  const problems: Pairs = [];
  const scale = SCALE_SCORES.map((score) => {
    const descriptor = normaliseText(values[scaleField(score)] ?? '');
    if (!descriptor) problems.push([scaleField(score), `Enter what a score of ${score} means`]);
    else if (descriptor.length > TEXT_LIMITS.descriptor) {
      problems.push([scaleField(score), `Enter a description of a score of ${score} in ${TEXT_LIMITS.descriptor.toLocaleString('en-GB')} characters or fewer`]);
    }
    return { score, descriptor };
  });
  return reading(values, scale, problems);
}

/**
 * Checkboxes of things to choose (suppliers, evaluators): at least one, and only from the list offered.
 * An id that is not on the list (an old page, or a made-up request) is refused rather than ignored.
 */
export function readChoices(
  body: unknown,
  name: string,
  offered: readonly { id: string }[],
  messages: { none: string; unknown: string },
): Reading<{ selected: string[] }, string[]> {
  const selected = [...new Set(fieldList(body, name))];
  const known = new Set(offered.map((o) => o.id));
  const problems: Pairs = [];
  if (selected.length === 0) problems.push([name, messages.none]);
  else if (selected.some((id) => !known.has(id))) problems.push([name, messages.unknown]);
  return reading({ selected }, selected, problems);
}

export interface MeasureChoiceValues {
  selected: string[];
  /** measure id -> the minimum as typed */
  minimums: Record<string, string>;
}

export interface MeasureChoice {
  measureId: string;
  minimumHundredths: number | null;
}

export const minimumField = (measureId: string) => `minimum-${measureId}`;

/**
 * The measures bidders may commit to, each with an optional minimum quantity in the measure's unit. Only measures of
 * the tender's framework version can be chosen. The minimum of a measure that is not chosen is kept as typed but not read.
 */
export function readMeasureChoices(body: unknown, offered: readonly { id: string; code: string }[]): Reading<MeasureChoiceValues, MeasureChoice[]> {
  const selected = [...new Set(fieldList(body, 'measures'))];
  const minimums = Object.fromEntries(offered.map((m) => [m.id, field(body, minimumField(m.id)).trim()]));
  const values = { selected, minimums };
  const problems: Pairs = [];
  const byId = new Map(offered.map((m) => [m.id, m]));
  if (selected.length === 0) problems.push(['measures', 'Select at least one measure that bidders may commit to']);
  else if (selected.some((id) => !byId.has(id)))
    problems.push(['measures', 'Select measures from the list: one of those sent is not in this tender’s framework']);
  const chosen: MeasureChoice[] = [];
  for (const measure of offered) {
    if (!selected.includes(measure.id)) continue;
    const typed = minimums[measure.id] ?? '';
    const minimum = typed ? parseQuantity(typed) : null;
    if (typed && minimum === null) {
      problems.push([minimumField(measure.id), `Enter the minimum for ${measure.code} as a number of 0 or more, like 12.5, or leave it empty`]);
    }
    chosen.push({ measureId: measure.id, minimumHundredths: minimum });
  }
  return reading(values, chosen, problems);
}
