import { formatBps, parsePercent } from '../../domain/money.js';
import { field } from '../../platform/forms.js';
import { percentText } from '../../domain/money.js';
import { normaliseText } from '../../domain/text.js';
import { TEXT_LIMITS, type Reading } from './forms.js';

export interface QuestionValues {
  title: string;
  guidance: string;
  weight: string;
}

export interface QuestionFields {
  title: string;
  guidance: string;
  weightBps: number;
}

export function questionValues(question: QuestionFields | null): QuestionValues {
  return question ? { title: question.title, guidance: question.guidance, weight: percentText(question.weightBps) } : { title: '', guidance: '', weight: '' };
}

/**
 * A method-statement question: its wording, guidance for bidders, and its weight as a percentage of the qualitative
 * score. `otherWeightsBps` is the total of the tender's other questions: together they may not pass 100%.
 */
export function readQuestion(body: unknown, otherWeightsBps: number): Reading<QuestionValues, QuestionFields> {
  const values: QuestionValues = { title: field(body, 'title'), guidance: field(body, 'guidance'), weight: field(body, 'weight').trim() };
  const title = normaliseText(values.title);
  const guidance = normaliseText(values.guidance);
  const weightBps = parsePercent(values.weight);
  const problems: [string, string][] = [];
  if (!title) problems.push(['title', 'Enter the question bidders must answer']);
  else if (title.length > TEXT_LIMITS.question) problems.push(['title', `Enter a question of ${TEXT_LIMITS.question} characters or fewer`]);
  if (guidance.length > TEXT_LIMITS.guidance)
    problems.push(['guidance', `Enter guidance of ${TEXT_LIMITS.guidance.toLocaleString('en-GB')} characters or fewer`]);
  if (!values.weight) problems.push(['weight', 'Enter the weight of the question as a percentage of the qualitative score, like 50']);
  else if (weightBps === null || weightBps === 0) problems.push(['weight', 'Enter the weight as a percentage more than 0 and up to 100, like 50']);
  else if (otherWeightsBps + weightBps > 10000) {
    problems.push([
      'weight',
      `The question weights would add up to ${formatBps(otherWeightsBps + weightBps)}. Enter a weight of ${formatBps(10000 - otherWeightsBps)} or less, or lower another question’s weight first`,
    ]);
  }
  return { values, result: problems.length ? null : { title, guidance, weightBps: weightBps ?? 0 }, problems };
}
