import { field } from '../../platform/forms.js';
import { determinants, isImpact, type Answers } from './determinants.js';
import { resultLabels, type HiaResult, type Proposal } from './propose-result.js';

export const NOTE_MAX = 1000;
export const NOTES_MAX = 5000;

export function impactField(key: string): string {
  return `impact-${key}`;
}

export function noteField(key: string): string {
  return `note-${key}`;
}

/** Reads the screening's answers: every determinant needs a likely effect; its note is optional. */
export function readAnswers(body: unknown): { values: Answers; problems: [string, string][]; answers: Answers | null } {
  const values: Answers = {};
  const problems: [string, string][] = [];
  for (const d of determinants) {
    const impact = field(body, impactField(d.key));
    const note = field(body, noteField(d.key)).replace(/\r\n?/g, '\n').trim();
    values[d.key] = { impact, note };
    if (!isImpact(impact)) problems.push([impactField(d.key), `Select the likely effect on ${d.inSentence}`]);
    if (note.length > NOTE_MAX) problems.push([noteField(d.key), `Note about ${d.inSentence} must be 1,000 characters or fewer`]);
  }
  return { values, problems, answers: problems.length ? null : values };
}

export function isHiaResult(value: string): value is HiaResult {
  return value in resultLabels;
}

/**
 * What is wrong with a result and its notes, given the proposed result: a result must be chosen, and choosing a
 * different one from the proposal needs a reason in the notes.
 */
export function resultProblems(result: string, notes: string, proposal: Proposal): [string, string][] {
  const problems: [string, string][] = [];
  if (!isHiaResult(result)) problems.push(['result', 'Select the result of the screening']);
  if (isHiaResult(result) && result !== proposal.result && !notes) {
    problems.push(['notes', `Enter why the result is not the one proposed (${resultLabels[proposal.result].toLowerCase()})`]);
  }
  if (notes.length > NOTES_MAX) problems.push(['notes', 'Notes must be 5,000 characters or fewer']);
  return problems;
}

export function readResult(body: unknown): { result: string; notes: string } {
  return { result: field(body, 'result'), notes: field(body, 'notes').replace(/\r\n?/g, '\n').trim() };
}
