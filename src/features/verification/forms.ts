import { formatQuantity, parseQuantity, quantityToDecimal } from '../../domain/quantity.js';
import { field, formErrors, type FormErrors } from '../../platform/forms.js';
import { NARRATIVE_MAX, REASON_MAX } from '../../domain/limits.js';
import { normaliseText } from '../../domain/text.js';

export const decisions = ['verify', 'query', 'reject'] as const;

export interface DecisionValues {
  decision: string;
  note: string;
}

export interface LineDecision {
  decision: (typeof decisions)[number];
  /** the question (query), the reason (reject) or an optional note (verify); kept in the line's thread */
  note: string | null;
}

/** A decision on one report line: verify, query with a question, or reject with a reason. */
export function readDecision(body: unknown): ({ ok: true; values: DecisionValues } & LineDecision) | ({ ok: false; values: DecisionValues } & FormErrors) {
  const values = { decision: field(body, 'decision'), note: normaliseText(field(body, 'note')) };
  const problems: [string, string][] = [];
  const decision = decisions.find((d) => d === values.decision);
  if (!decision) problems.push(['decision', 'Choose whether to verify, query or reject this line']);
  if (decision === 'query' && values.note === '') problems.push(['note', 'Enter your question for the supplier']);
  if (decision === 'reject' && values.note === '') problems.push(['note', 'Enter why you are rejecting this line']);
  if (values.note.length > REASON_MAX) problems.push(['note', `Your question or reason must be ${REASON_MAX.toLocaleString('en-GB')} characters or fewer`]);
  if (problems.length || !decision) return { ok: false, values, ...formErrors(problems) };
  return { ok: true, values, decision, note: values.note || null };
}

export interface AnswerValues {
  answer: string;
  quantity: string;
  narrative: string;
}

export interface Answer {
  answer: string;
  quantityHundredths: number;
  narrative: string;
}

/** The form as it first shows: an empty answer, and the line's quantity and narrative to correct if need be. */
export function answerValuesOf(line: { quantityHundredths: number; narrative: string }): AnswerValues {
  return { answer: '', quantity: quantityToDecimal(line.quantityHundredths), narrative: line.narrative };
}

/**
 * The supplier's answer to a query, with the line's quantity and narrative, corrected or as they were. The line keeps
 * the rules it was entered with: additional social value is more than 0, and nothing delivered needs a reason.
 */
export function readAnswer(
  body: unknown,
  line: { additional: boolean },
): { ok: true; values: AnswerValues; answer: Answer } | ({ ok: false; values: AnswerValues } & FormErrors) {
  const values = { answer: normaliseText(field(body, 'answer')), quantity: field(body, 'quantity').trim(), narrative: normaliseText(field(body, 'narrative')) };
  const problems: [string, string][] = [];
  if (values.answer === '') problems.push(['answer', 'Enter your answer to the council’s question']);
  else if (values.answer.length > REASON_MAX) problems.push(['answer', `Your answer must be ${REASON_MAX.toLocaleString('en-GB')} characters or fewer`]);
  const quantity = parseQuantity(values.quantity);
  if (values.quantity === '') problems.push(['quantity', 'Enter the quantity delivered, like 12 or 12.5']);
  else if (quantity === null) problems.push(['quantity', 'Quantity delivered must be a number of 0 or more, like 12 or 12.5, with at most 2 decimal places']);
  else if (line.additional && quantity === 0) problems.push(['quantity', 'Enter a quantity greater than 0: additional social value of nothing is not counted']);
  if (values.narrative.length > NARRATIVE_MAX)
    problems.push(['narrative', `Describe what was delivered in ${NARRATIVE_MAX.toLocaleString('en-GB')} characters or fewer`]);
  else if (quantity === 0 && values.narrative === '' && !line.additional) problems.push(['narrative', 'Explain why nothing was delivered in this period']);
  if (problems.length || quantity === null) return { ok: false, values, ...formErrors(problems) };
  return { ok: true, values, answer: { answer: values.answer, quantityHundredths: quantity, narrative: values.narrative } };
}

/** What the answer changed on the line, in words for the thread ("" when nothing changed). */
export function correctionText(
  before: { quantityHundredths: number; narrative: string },
  after: { quantityHundredths: number; narrative: string },
  unit: string,
): string {
  const changes: string[] = [];
  if (before.quantityHundredths !== after.quantityHundredths) {
    changes.push(`Corrected the quantity from ${formatQuantity(before.quantityHundredths)} to ${formatQuantity(after.quantityHundredths)} ${unit}.`);
  }
  if (before.narrative !== after.narrative) changes.push('Changed the description of what was delivered.');
  return changes.join(' ');
}
