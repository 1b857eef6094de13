import type { FrameworkContent, MeasureContent, OutcomeContent } from './content.js';

/**
 * The rules every outcome and measure keeps, whether it is typed into a form or read from a file.
 * Each problem names the content field it is about; forms and imports map that to their own field or column.
 */
export const LIMITS = {
  code: 20,
  title: 200,
  unit: 50,
  longText: 5000,
  proxySource: 1000,
  url: 2000,
  licence: 200,
  versionName: 200,
} as const;

export const MIN_PROXY_YEAR = 1900;
export const MAX_PROXY_YEAR = 2100;

const CODE = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

export type Problem<F extends string> = [field: F, message: string];

export function isProxyYear(year: number): boolean {
  return Number.isInteger(year) && year >= MIN_PROXY_YEAR && year <= MAX_PROXY_YEAR;
}

export function isWebAddress(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname.includes('.');
  } catch {
    return false;
  }
}

function codeProblem(code: string): string | null {
  if (!code) return 'Enter a code';
  if (code.length > LIMITS.code) return `Enter a code of ${LIMITS.code} characters or fewer`;
  if (!CODE.test(code)) return 'Enter a code using only letters, numbers, full stops, hyphens and underscores, like SE01';
  return null;
}

function tooLong(value: string | null, limit: number): boolean {
  return value !== null && value.length > limit;
}

export function outcomeProblems(outcome: OutcomeContent): Problem<keyof OutcomeContent>[] {
  const problems: Problem<keyof OutcomeContent>[] = [];
  const code = codeProblem(outcome.code);
  if (code) problems.push(['code', code]);
  if (!outcome.title) problems.push(['title', 'Enter a title']);
  else if (tooLong(outcome.title, LIMITS.title)) problems.push(['title', `Enter a title of ${LIMITS.title} characters or fewer`]);
  if (tooLong(outcome.description, LIMITS.longText)) problems.push(['description', 'Enter a description of 5,000 characters or fewer']);
  return problems;
}

const PROXY_DETAILS = ['proxySource', 'proxySourceUrl', 'proxyYear', 'proxyLicence'] as const;

export function measureProblems(measure: MeasureContent): Problem<keyof MeasureContent>[] {
  const problems: Problem<keyof MeasureContent>[] = [];
  const code = codeProblem(measure.code);
  if (code) problems.push(['code', code]);
  if (!measure.outcomeCode) problems.push(['outcomeCode', 'Enter the code of the outcome this measure belongs to']);
  if (!measure.title) problems.push(['title', 'Enter a title']);
  else if (tooLong(measure.title, LIMITS.title)) problems.push(['title', `Enter a title of ${LIMITS.title} characters or fewer`]);
  if (!measure.unit) problems.push(['unit', 'Enter the unit the measure is counted in, like hours']);
  else if (tooLong(measure.unit, LIMITS.unit)) problems.push(['unit', `Enter a unit of ${LIMITS.unit} characters or fewer`]);
  if (!measure.countingGuidance) problems.push(['countingGuidance', 'Enter guidance on what to count and how']);
  else if (tooLong(measure.countingGuidance, LIMITS.longText)) problems.push(['countingGuidance', 'Enter counting guidance of 5,000 characters or fewer']);
  if (!measure.evidenceExpected) problems.push(['evidenceExpected', 'Enter the evidence a supplier must give']);
  else if (tooLong(measure.evidenceExpected, LIMITS.longText)) problems.push(['evidenceExpected', 'Enter evidence expected of 5,000 characters or fewer']);

  if (measure.proxyPencePerUnit === null) {
    for (const name of PROXY_DETAILS) {
      if (measure[name] !== null) problems.push([name, 'Leave this empty when there is no proxy value, or give a proxy value']);
    }
    return problems;
  }
  if (!measure.proxySource) problems.push(['proxySource', 'Enter the source of the proxy value']);
  else if (tooLong(measure.proxySource, LIMITS.proxySource)) problems.push(['proxySource', 'Enter a source of 1,000 characters or fewer']);
  if (measure.proxySourceUrl !== null && (tooLong(measure.proxySourceUrl, LIMITS.url) || !isWebAddress(measure.proxySourceUrl))) {
    problems.push(['proxySourceUrl', 'Enter the web address of the source in full, like https://www.gov.uk/national-minimum-wage-rates']);
  }
  if (measure.proxyYear !== null && !isProxyYear(measure.proxyYear)) {
    problems.push(['proxyYear', `Enter a price year from ${MIN_PROXY_YEAR} to ${MAX_PROXY_YEAR}`]);
  }
  if (tooLong(measure.proxyLicence, LIMITS.licence)) problems.push(['proxyLicence', 'Enter a licence of 200 characters or fewer']);
  return problems;
}

/** Where an outcome or measure is in a file, as people read it: "row 4", "measure 3". */
export type Describe = (kind: 'outcome' | 'measure', index: number) => string;

export interface ContentProblem {
  kind: 'outcome' | 'measure';
  index: number;
  field: keyof MeasureContent;
  message: string;
}

/** Problems across a whole framework: codes used twice (capitals ignored) and measures naming an outcome that is not there. */
export function contentProblems(content: FrameworkContent, describe: Describe): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const outcomeAt = new Map<string, number>();
  content.outcomes.forEach((outcome, index) => {
    if (!outcome.code) return;
    const key = outcome.code.toLowerCase();
    const first = outcomeAt.get(key);
    if (first === undefined) outcomeAt.set(key, index);
    else
      problems.push({
        kind: 'outcome',
        index,
        field: 'code',
        message: `Use a different code: ${describe('outcome', first)} already uses ${content.outcomes[first]?.code}`,
      });
  });
  const measureAt = new Map<string, number>();
  content.measures.forEach((measure, index) => {
    if (measure.code) {
      const key = measure.code.toLowerCase();
      const first = measureAt.get(key);
      if (first === undefined) measureAt.set(key, index);
      else
        problems.push({
          kind: 'measure',
          index,
          field: 'code',
          message: `Use a different code: ${describe('measure', first)} already uses ${content.measures[first]?.code}`,
        });
    }
    if (measure.outcomeCode && !content.outcomes.some((o) => o.code === measure.outcomeCode)) {
      problems.push({
        kind: 'measure',
        index,
        field: 'outcomeCode',
        message: `Use the code of an outcome in the file: there is no outcome ${measure.outcomeCode}`,
      });
    }
  });
  return problems;
}
