import { field } from '../../platform/forms.js';
import { normaliseText } from '../../domain/text.js';

/** An answer to one of the tender's qualitative questions (a method statement). An empty answer is allowed in a draft. */

export const ANSWER_MAX = 6000;

export type AnswerReading = { ok: true; answer: string } | { ok: false; problems: [string, string][] };

export function answerValue(body: unknown): string {
  return field(body, 'answer');
}

export function readAnswerForm(typed: string): AnswerReading {
  const answer = normaliseText(typed);
  if (answer.length > ANSWER_MAX) {
    return { ok: false, problems: [['answer', `Shorten your answer to ${ANSWER_MAX.toLocaleString('en-GB')} characters or fewer`]] };
  }
  return { ok: true, answer };
}
