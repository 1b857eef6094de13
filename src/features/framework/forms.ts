import { parsePercent, parsePounds, penceToDecimal } from '../../domain/money.js';
import { field } from '../../platform/forms.js';
import type { MeasureContent, OutcomeContent } from './content.js';
import type { MeasureRow, OutcomeRow } from './repository.js';
import { percentText } from '../../domain/money.js';
import { normaliseText } from '../../domain/text.js';
import { LIMITS, measureProblems, outcomeProblems } from './rules.js';

/** Reading and checking the framework's forms. Each returns the values as typed (to show again) and the problems. */

type Pairs = [string, string][];

export interface VersionDetails {
  name: string;
  notes: string | null;
}

export function readVersionDetailsForm(body: unknown): { values: { name: string; notes: string }; details: VersionDetails | null; problems: Pairs } {
  const values = { name: field(body, 'name'), notes: field(body, 'notes') };
  const name = normaliseText(values.name);
  const notes = normaliseText(values.notes);
  const problems: Pairs = [];
  if (!name) problems.push(['name', 'Enter a name for the framework']);
  else if (name.length > LIMITS.versionName) problems.push(['name', `Enter a name of ${LIMITS.versionName} characters or fewer`]);
  if (notes.length > LIMITS.longText) problems.push(['notes', 'Enter notes of 5,000 characters or fewer']);
  return { values, details: problems.length ? null : { name, notes: notes || null }, problems };
}

export type OutcomeFormValues = Record<keyof OutcomeContent, string>;

export function outcomeFormValues(outcome?: OutcomeRow): OutcomeFormValues {
  return { code: outcome?.code ?? '', title: outcome?.title ?? '', description: outcome?.description ?? '' };
}

export function readOutcomeForm(body: unknown): { values: OutcomeFormValues; outcome: OutcomeContent | null; problems: Pairs } {
  const values = { code: field(body, 'code'), title: field(body, 'title'), description: field(body, 'description') };
  const outcome = { code: normaliseText(values.code), title: normaliseText(values.title), description: normaliseText(values.description) };
  const problems = outcomeProblems(outcome);
  return { values, outcome: problems.length ? null : outcome, problems };
}

/** A measure as the database stores it: linked to its outcome by id. */
export type MeasureFields = Omit<MeasureContent, 'outcomeCode'> & { outcomeId: string };

const MEASURE_FORM_FIELDS = [
  'code',
  'outcomeId',
  'title',
  'unit',
  'countingGuidance',
  'evidenceExpected',
  'proxyPounds',
  'proxySource',
  'proxySourceUrl',
  'proxyYear',
  'proxyLicence',
  'deadweight',
  'attribution',
] as const;

export type MeasureFormValues = Record<(typeof MEASURE_FORM_FIELDS)[number], string>;

/** Where each content field is typed on the measure form. */
const FORM_FIELD: Record<keyof MeasureContent, keyof MeasureFormValues> = {
  code: 'code',
  outcomeCode: 'outcomeId',
  title: 'title',
  unit: 'unit',
  countingGuidance: 'countingGuidance',
  evidenceExpected: 'evidenceExpected',
  proxyPencePerUnit: 'proxyPounds',
  proxySource: 'proxySource',
  proxySourceUrl: 'proxySourceUrl',
  proxyYear: 'proxyYear',
  proxyLicence: 'proxyLicence',
  deadweightBps: 'deadweight',
  attributionBps: 'attribution',
};

export function measureFormValues(measure: MeasureRow | null, outcomeId = ''): MeasureFormValues {
  if (!measure) {
    return {
      code: '',
      outcomeId,
      title: '',
      unit: '',
      countingGuidance: '',
      evidenceExpected: '',
      proxyPounds: '',
      proxySource: '',
      proxySourceUrl: '',
      proxyYear: '',
      proxyLicence: '',
      deadweight: '0',
      attribution: '0',
    };
  }
  return {
    code: measure.code,
    outcomeId: measure.outcomeId,
    title: measure.title,
    unit: measure.unit,
    countingGuidance: measure.countingGuidance,
    evidenceExpected: measure.evidenceExpected,
    proxyPounds: measure.proxyPencePerUnit === null ? '' : penceToDecimal(measure.proxyPencePerUnit),
    proxySource: measure.proxySource ?? '',
    proxySourceUrl: measure.proxySourceUrl ?? '',
    proxyYear: measure.proxyYear === null ? '' : String(measure.proxyYear),
    proxyLicence: measure.proxyLicence ?? '',
    deadweight: percentText(measure.deadweightBps),
    attribution: percentText(measure.attributionBps),
  };
}

function readPercent(value: string, label: string, problems: Pairs, name: keyof MeasureFormValues): number {
  const bps = parsePercent(value);
  if (!value.trim()) problems.push([name, `Enter the ${label} as a percentage, like 12.5, or 0 if there is none`]);
  else if (bps === null) problems.push([name, `Enter the ${label} as a percentage from 0 to 100, like 12.5`]);
  return bps ?? 0;
}

/**
 * Reads the measure form. The proxy value is typed in pounds ("12.71") and kept in pence; deadweight and attribution
 * are typed as percentages and kept in basis points. Leaving the proxy value empty means the measure is counted,
 * not valued, and its source, year and licence are cleared.
 */
export function readMeasureForm(
  body: unknown,
  outcomes: readonly { id: string; code: string }[],
  units: readonly string[],
): { values: MeasureFormValues; measure: MeasureFields | null; problems: Pairs } {
  const values = Object.fromEntries(MEASURE_FORM_FIELDS.map((name) => [name, field(body, name)])) as MeasureFormValues;
  const text = (name: keyof MeasureFormValues) => normaliseText(values[name]);
  const problems: Pairs = [];

  const outcome = outcomes.find((o) => o.id === values.outcomeId);
  if (!outcome) problems.push(['outcomeId', 'Select the outcome this measure belongs to']);
  const unit = text('unit');
  if (!unit) problems.push(['unit', 'Select the unit the measure is counted in']);
  else if (!units.includes(unit)) problems.push(['unit', 'Select a unit from the list']);

  const poundsText = text('proxyPounds');
  const pence = poundsText ? parsePounds(poundsText) : null;
  if (poundsText && pence === null) problems.push(['proxyPounds', 'Enter the proxy value in pounds and pence, like 12.71']);
  else if (pence !== null && pence < 0) problems.push(['proxyPounds', 'Enter a proxy value of £0 or more']);
  const valued = poundsText !== '';

  const yearText = text('proxyYear');
  const year = valued && yearText ? (/^\d{4}$/.test(yearText) ? Number(yearText) : null) : null;
  if (valued && yearText && year === null) problems.push(['proxyYear', 'Enter the price year as 4 digits, like 2026']);

  const measure: MeasureContent = {
    code: text('code'),
    outcomeCode: outcome?.code ?? '',
    title: text('title'),
    unit,
    countingGuidance: text('countingGuidance'),
    evidenceExpected: text('evidenceExpected'),
    // An unreadable amount still counts as a proxy value, so that its source is checked as well.
    proxyPencePerUnit: valued ? (pence ?? 0) : null,
    proxySource: valued ? text('proxySource') || null : null,
    proxySourceUrl: valued ? text('proxySourceUrl') || null : null,
    proxyYear: year,
    proxyLicence: valued ? text('proxyLicence') || null : null,
    deadweightBps: readPercent(values.deadweight, 'deadweight', problems, 'deadweight'),
    attributionBps: readPercent(values.attribution, 'attribution', problems, 'attribution'),
  };
  for (const [name, message] of measureProblems(measure)) if (name !== 'outcomeCode') problems.push([FORM_FIELD[name], message]);
  problems.sort(([a], [b]) => MEASURE_FORM_FIELDS.indexOf(a as keyof MeasureFormValues) - MEASURE_FORM_FIELDS.indexOf(b as keyof MeasureFormValues));
  if (problems.length || !outcome) return { values, measure: null, problems };
  const { outcomeCode: _code, ...fields } = measure;
  return { values, measure: { ...fields, outcomeId: outcome.id }, problems };
}
