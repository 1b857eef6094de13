import type { Db } from '../../db/client.js';
import { errorsWithDate, type DateInput, type DatePart } from '../../platform/date-input.js';
import { formErrors } from '../../platform/forms.js';
import { districtChoices } from '../organisations/postcode-districts.js';
import { communityTypeLabels, needTypeLabels } from './labels.js';
import { activeOutcomes } from './repository.js';

/** A form's errors for the page: with the date inputs in error marked when the form has a date. */
export function pageErrors(problems: [string, string][], date?: { input: DateInput; parts: DatePart[] | undefined }) {
  return date ? errorsWithDate(problems, date.input, date.parts ?? []) : formErrors(problems);
}

/** The choices a need's form and the board's filters offer. */
export async function needChoices(db: Db) {
  const outcomes = await activeOutcomes(db);
  return {
    outcomes: outcomes.map((o) => o.code),
    outcomeTitles: new Map(outcomes.map((o) => [o.code, o.title])),
    outcomeList: outcomes,
  };
}

export const selectItems = (all: string, list: readonly { value: string; text: string }[], chosen: string) => [
  { value: '', text: all },
  ...list.map((o) => ({ ...o, selected: o.value === chosen })),
];

export const needTypeItems = Object.entries(needTypeLabels).map(([value, text]) => ({ value, text }));
export const communityTypeItems = Object.entries(communityTypeLabels).map(([value, text]) => ({ value, text }));
export const districtItems = districtChoices.map((d) => ({ value: d, text: d }));
