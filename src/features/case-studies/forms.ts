import { field, fieldList, formErrors, type FormErrors } from '../../platform/forms.js';

export const TITLE_MAX = 150;
export const SUMMARY_MAX = 600;
export const STORY_MAX = 20_000;
export const ALT_MAX = 250;
export const QUOTE_MAX = 1_000;
export const ATTRIBUTION_MAX = 150;

/** What was typed or chosen in the details form, kept as it was to show again with errors. */
export interface DetailsValues {
  contract: string;
  title: string;
  summary: string;
  story: string;
  outcomes: string[];
  districts: string[];
}

export const emptyDetails: DetailsValues = { contract: '', title: '', summary: '', story: '', outcomes: [], districts: [] };

export interface DetailsInput {
  title: string;
  summary: string;
  story: string;
  outcomeCodes: string[];
  districts: string[];
}

export type Reading<V, I> = { ok: true; values: V; input: I } | { ok: false; values: V; errors: FormErrors };

const text = (body: unknown, name: string) => field(body, name).replace(/\r\n?/g, '\n').trim();

/**
 * Reads the details of a case study. Outcomes and districts must be among the choices offered; a contract is read
 * (as its reference) only when the case study is new, and is checked against the database by the caller.
 */
export function readDetails(
  body: unknown,
  choices: { outcomes: readonly string[]; districts: readonly string[] },
  options: { withContract: boolean },
): Reading<DetailsValues, DetailsInput> {
  const values: DetailsValues = {
    contract: options.withContract ? field(body, 'contract').trim() : '',
    title: text(body, 'title'),
    summary: text(body, 'summary'),
    story: text(body, 'story'),
    outcomes: fieldList(body, 'outcomes'),
    districts: fieldList(body, 'districts'),
  };
  const problems: [string, string][] = [];
  if (options.withContract && !values.contract) problems.push(['contract', 'Enter the reference of the contract the case study is about']);
  if (!values.title) problems.push(['title', 'Enter a title']);
  else if (values.title.length > TITLE_MAX) problems.push(['title', `Title must be ${TITLE_MAX} characters or fewer`]);
  if (!values.summary) problems.push(['summary', 'Enter a summary']);
  else if (values.summary.length > SUMMARY_MAX) problems.push(['summary', `Summary must be ${SUMMARY_MAX} characters or fewer`]);
  if (!values.story) problems.push(['story', 'Enter the story']);
  else if (values.story.length > STORY_MAX) problems.push(['story', `Story must be ${STORY_MAX.toLocaleString('en-GB')} characters or fewer`]);
  if (values.outcomes.length === 0) problems.push(['outcomes', 'Select at least one strategic outcome the case study shows']);
  else if (values.outcomes.some((o) => !choices.outcomes.includes(o))) problems.push(['outcomes', 'Select strategic outcomes from the list']);
  if (values.districts.some((d) => !choices.districts.includes(d))) problems.push(['districts', 'Select districts from the list']);
  if (problems.length) return { ok: false, values, errors: formErrors(problems) };
  return {
    ok: true,
    values,
    input: {
      title: values.title,
      summary: values.summary,
      story: values.story,
      outcomeCodes: choices.outcomes.filter((o) => values.outcomes.includes(o)),
      districts: choices.districts.filter((d) => values.districts.includes(d)),
    },
  };
}

export interface QuoteValues {
  quote: string;
  attribution: string;
}

export function readQuote(body: unknown): Reading<QuoteValues, { text: string; attribution: string }> {
  const values = { quote: text(body, 'quote'), attribution: text(body, 'attribution') };
  const problems: [string, string][] = [];
  if (!values.quote) problems.push(['quote', 'Enter what was said']);
  else if (values.quote.length > QUOTE_MAX) problems.push(['quote', `The quote must be ${QUOTE_MAX.toLocaleString('en-GB')} characters or fewer`]);
  if (!values.attribution) problems.push(['attribution', 'Enter who said it, for example “A volunteer from Loughborough”']);
  else if (values.attribution.length > ATTRIBUTION_MAX) problems.push(['attribution', `Who said it must be ${ATTRIBUTION_MAX} characters or fewer`]);
  if (problems.length) return { ok: false, values, errors: formErrors(problems) };
  return { ok: true, values, input: { text: values.quote, attribution: values.attribution } };
}

/** The alt text of an image: required, because the image means nothing to someone who cannot see it without one. */
export function readAltText(body: unknown): { value: string; problem: string | null } {
  const value = text(body, 'altText').replace(/\s+/g, ' ');
  if (!value) return { value, problem: 'Enter alt text: describe what the image shows for people who cannot see it' };
  if (value.length > ALT_MAX) return { value, problem: `Alt text must be ${ALT_MAX} characters or fewer` };
  return { value, problem: null };
}

/** The commitments chosen for the statistics: only those of the case study's contract count. */
export function readCommitments(body: unknown, offered: readonly string[]): string[] {
  const chosen = new Set(fieldList(body, 'commitments'));
  return offered.filter((id) => chosen.has(id));
}
