import { parseQuantity, quantityToDecimal } from '../../domain/quantity.js';
import { field, fieldList } from '../../platform/forms.js';

/**
 * Reading the assessment's task forms. Each returns what was typed (to show again), the problems, and the answer to
 * save. Every task page also asks "Have you completed this task?": a task can be saved unfinished, and only a
 * finished one must be a complete answer.
 */

type Problems = [string, string][];

export const TEXT_MAX = 5000;
const EXPLANATION_MAX = 2000;

export interface Reading<Values, Answer> {
  values: Values & { completed: string };
  problems: Problems;
  /** the answer to save, and whether the officer says the task is complete; null when there are problems */
  answer: { value: Answer; complete: boolean } | null;
}

/** "Have you completed this task?" */
function readCompleted(body: unknown, problems: Problems): boolean | null {
  const value = field(body, 'completed');
  if (value === 'yes') return true;
  if (value === 'no') return false;
  problems.push(['completed', 'Select whether you have completed this task']);
  return null;
}

function finish<V, A>(values: V & { completed: string }, problems: Problems, complete: boolean | null, value: A): Reading<V, A> {
  return { values, problems, answer: problems.length || complete === null ? null : { value, complete } };
}

/** The text reads as typed, with line endings made consistent and the ends trimmed. */
function text(body: unknown, name: string): string {
  return field(body, name).replace(/\r\n?/g, '\n').trim();
}

export function readShaping(body: unknown): Reading<{ shaping: string }, string> {
  const shaping = text(body, 'shaping');
  const problems: Problems = [];
  if (shaping.length > TEXT_MAX) problems.push(['shaping', 'How the requirement could be shaped must be 5,000 characters or fewer']);
  const complete = readCompleted(body, problems);
  if (complete && !shaping) problems.unshift(['shaping', 'Enter how the requirement could be shaped to bring wider benefits for Leicestershire']);
  return finish({ shaping, completed: field(body, 'completed') }, problems, complete, shaping);
}

export function readOutcomes(body: unknown, outcomeCodes: readonly string[]): Reading<{ outcomeCodes: string[] }, string[]> {
  const chosen = [...new Set(fieldList(body, 'outcomeCodes'))];
  const problems: Problems = [];
  if (chosen.some((code) => !outcomeCodes.includes(code))) problems.push(['outcomeCodes', 'Select strategic outcomes from the list']);
  const complete = readCompleted(body, problems);
  if (complete && chosen.length === 0) problems.unshift(['outcomeCodes', 'Select at least one strategic outcome the requirement can serve']);
  const inOrder = outcomeCodes.filter((code) => chosen.includes(code));
  return finish({ outcomeCodes: chosen, completed: field(body, 'completed') }, problems, complete, inOrder);
}

export function readMeasures(body: unknown, measureIds: readonly string[]): Reading<{ measureIds: string[] }, string[]> {
  const chosen = [...new Set(fieldList(body, 'measureIds'))];
  const problems: Problems = [];
  if (chosen.some((id) => !measureIds.includes(id))) problems.push(['measureIds', 'Select measures from the list']);
  const complete = readCompleted(body, problems);
  if (complete && chosen.length === 0) problems.unshift(['measureIds', 'Select at least one measure to ask bidders for']);
  const inOrder = measureIds.filter((id) => chosen.includes(id));
  return finish({ measureIds: chosen, completed: field(body, 'completed') }, problems, complete, inOrder);
}

export interface TargetMeasure {
  id: string;
  title: string;
  unit: string;
}

/** The name of a measure's target field. */
export function targetField(measureId: string): string {
  return `target-${measureId}`;
}

export interface TargetsAnswer {
  /** measure id -> target in hundredths of the unit, or null for no target */
  targets: Map<string, number | null>;
  notes: string;
}

export function readTargets(body: unknown, measures: readonly TargetMeasure[]): Reading<{ targets: Record<string, string>; notes: string }, TargetsAnswer> {
  const typed: Record<string, string> = {};
  const targets = new Map<string, number | null>();
  const problems: Problems = [];
  for (const measure of measures) {
    const name = targetField(measure.id);
    const value = field(body, name).trim();
    typed[measure.id] = value;
    if (!value) {
      targets.set(measure.id, null);
      continue;
    }
    const hundredths = parseQuantity(value);
    if (hundredths === null) problems.push([name, targetProblem(measure, value)]);
    else targets.set(measure.id, hundredths);
  }
  const notes = text(body, 'notes');
  if (notes.length > TEXT_MAX) problems.push(['notes', 'Notes about the targets must be 5,000 characters or fewer']);
  const complete = readCompleted(body, problems);
  return finish({ targets: typed, notes, completed: field(body, 'completed') }, problems, complete, { targets, notes });
}

/** A saved target as the form shows it. */
export function targetText(hundredths: number | null): string {
  return hundredths === null ? '' : quantityToDecimal(hundredths);
}

/**
 * The cost to suppliers, as saved: null when not answered, "" when social value is asked for at no added cost (the
 * policy), otherwise the explanation of the added cost expected.
 */
export type SupplierCost = string | null;

export function costValues(saved: SupplierCost): { cost: string; explanation: string } {
  if (saved === null) return { cost: '', explanation: '' };
  return saved === '' ? { cost: 'none', explanation: '' } : { cost: 'some', explanation: saved };
}

export function readCost(body: unknown): Reading<{ cost: string; explanation: string }, SupplierCost> {
  const cost = field(body, 'cost');
  const explanation = text(body, 'explanation');
  const problems: Problems = [];
  if (cost && cost !== 'none' && cost !== 'some') problems.push(['cost', 'Select whether social value will be asked for at no added cost to suppliers']);
  if (cost === 'some' && !explanation) problems.push(['explanation', 'Explain what the added cost to suppliers would be and why it is needed']);
  if (cost === 'some' && explanation.length > EXPLANATION_MAX)
    problems.push(['explanation', 'Explanation of the added cost must be 2,000 characters or fewer']);
  const complete = readCompleted(body, problems);
  if (complete && !cost) problems.unshift(['cost', 'Select whether social value will be asked for at no added cost to suppliers']);
  const saved: SupplierCost = cost === 'none' ? '' : cost === 'some' ? explanation : null;
  return finish({ cost, explanation: cost === 'some' ? explanation : '', completed: field(body, 'completed') }, problems, complete, saved);
}

function targetProblem(measure: TargetMeasure, value: string): string {
  const subject = `Target for ${measure.title}`;
  if (/^-\s*\d/.test(value)) return `${subject} must be 0 or more`;
  return `${subject} must be a number of ${unitWords(measure.unit)}, like 12 or 2.5, with no more than 2 decimal places`;
}

/** "£" reads as "pounds" in a sentence. */
export function unitWords(unit: string): string {
  return unit === '£' ? 'pounds' : unit;
}
