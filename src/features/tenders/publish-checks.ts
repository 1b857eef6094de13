import { formatBps } from '../../domain/money.js';
import { MINIMUM_SV_WEIGHT_BPS } from './defaults.js';

/** The set-up pages of a tender, named as in their addresses (/tenders/:id/weighting). */
export type SetupSection = 'title' | 'weighting' | 'method' | 'measures' | 'questions' | 'scale' | 'closing' | 'risk-share' | 'suppliers' | 'evaluators';

export interface SetupProblem {
  section: SetupSection;
  /** the field on that page, for the link from the error summary */
  field: string;
  text: string;
}

export interface PublishInput {
  svWeightBps: number;
  lowWeightReason: string | null;
  quantitativeShareBps: number;
  closingAt: Date | null;
  measureCount: number;
  questionWeightsBps: number[];
  supplierCount: number;
  evaluatorCount: number;
}

/**
 * Everything that must be right before a tender can be published, in the order of its set-up pages.
 * The quantitative and qualitative shares always add up to 100% once saved (one is kept, the other is the rest).
 */
export function publishProblems(input: PublishInput, now: Date): SetupProblem[] {
  const problems: SetupProblem[] = [];
  if (input.svWeightBps < MINIMUM_SV_WEIGHT_BPS && !input.lowWeightReason?.trim()) {
    problems.push({ section: 'weighting', field: 'lowWeightReason', text: `Enter why social value is weighted below ${formatBps(MINIMUM_SV_WEIGHT_BPS)}` });
  }
  if (input.measureCount === 0) {
    problems.push({ section: 'measures', field: 'measures', text: 'Choose at least one measure that bidders may commit to' });
  }
  const questionTotal = input.questionWeightsBps.reduce((sum, w) => sum + w, 0);
  if (input.quantitativeShareBps < 10000 && input.questionWeightsBps.length === 0) {
    problems.push({
      section: 'questions',
      field: 'questions',
      text: 'Add at least one question for the qualitative score, or give the whole social value weight to the quantitative score',
    });
  } else if (input.questionWeightsBps.length > 0 && questionTotal !== 10000) {
    problems.push({
      section: 'questions',
      field: 'questions',
      text: `The question weights add up to ${formatBps(questionTotal)}. Change them so that they add up to 100%`,
    });
  }
  if (!input.closingAt) {
    problems.push({ section: 'closing', field: 'closingDate', text: 'Enter the closing date and time for bids' });
  } else if (input.closingAt.getTime() <= now.getTime()) {
    problems.push({ section: 'closing', field: 'closingDate', text: 'The closing date and time must be in the future. Enter a later date or time' });
  }
  if (input.supplierCount === 0) problems.push({ section: 'suppliers', field: 'suppliers', text: 'Invite at least one supplier' });
  if (input.evaluatorCount === 0) problems.push({ section: 'evaluators', field: 'evaluators', text: 'Choose at least one evaluator' });
  return problems;
}
