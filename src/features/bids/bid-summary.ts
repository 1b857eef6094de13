import { formatDate } from '../../domain/dates.js';
import { formatPounds } from '../../domain/money.js';
import { quantityInUnit } from '../../domain/risk-flags.js';
import { offerValue } from './bid-value.js';
import type { QuestionRow as TenderQuestionRow } from '../tenders/repository.js';
import type { BidRecord, CommitmentRecord, TenderMeasure } from './repository.js';

/** A bid as the supplier's pages show it: each measure and question with what the bid says, and its value. */

export interface MeasureLine {
  measure: TenderMeasure;
  commitment: CommitmentRecord | null;
  /** "120 hours", or null without a commitment */
  quantityText: string | null;
  minimumText: string | null;
  belowMinimum: boolean;
  /** the commitment's social value in pence; null when there is no commitment or the measure has no proxy value */
  valuePence: number | null;
  /** "£1,525.20", or why there is no value in pounds */
  valueText: string;
  /** "1 April 2027 to 31 March 2028: 60 hours", a line per period */
  profileLines: string[];
}

export interface QuestionLine {
  question: TenderQuestionRow;
  number: number;
  answer: string;
}

export interface BidSummary {
  measures: MeasureLine[];
  questions: QuestionLine[];
  totalPence: number;
  /** the price (and the consortium question with it) has been saved */
  detailsDone: boolean;
}

/** What a measure's commitment is worth, in words for the page. */
export function valueText(measure: Pick<TenderMeasure, 'unit' | 'proxyPencePerUnit'>, valuePence: number | null, committed: boolean): string {
  if (!committed) return 'No commitment';
  if (measure.proxyPencePerUnit === null || valuePence === null) return `Counted in ${measure.unit}, not valued in pounds`;
  return formatPounds(valuePence);
}

export function summariseBid(measures: readonly TenderMeasure[], questions: readonly TenderQuestionRow[], bid: BidRecord | null): BidSummary {
  const commitments = new Map((bid?.commitments ?? []).map((c) => [c.measureId, c]));
  const value = offerValue(new Map(measures.map((m) => [m.measureId, m])), bid?.commitments ?? []);
  return {
    measures: measures.map((measure) => {
      const commitment = commitments.get(measure.measureId) ?? null;
      const valuePence = value.byMeasure.get(measure.measureId) ?? null;
      return {
        measure,
        commitment,
        quantityText: commitment ? quantityInUnit(commitment.quantityHundredths, measure.unit) : null,
        minimumText: measure.minimumHundredths === null ? null : quantityInUnit(measure.minimumHundredths, measure.unit),
        belowMinimum: measure.minimumHundredths !== null && (commitment?.quantityHundredths ?? 0) < measure.minimumHundredths,
        valuePence,
        valueText: valueText(measure, valuePence, commitment !== null),
        profileLines: (commitment?.profile ?? []).map(
          (p) => `${formatDate(p.periodStart)} to ${formatDate(p.periodEnd)}: ${quantityInUnit(p.quantityHundredths, measure.unit)}`,
        ),
      };
    }),
    questions: questions.map((question, i) => ({ question, number: i + 1, answer: bid?.answers.get(question.id) ?? '' })),
    totalPence: value.totalPence,
    detailsDone: bid?.pricePence !== null && bid?.pricePence !== undefined,
  };
}

/** What stops the bid being submitted, each with a link to the page that fixes it. Below a minimum is allowed in a draft only. */
export function submissionProblems(summary: BidSummary, base: string): { text: string; href: string }[] {
  const problems: { text: string; href: string }[] = [];
  if (!summary.detailsDone) problems.push({ text: 'Enter your bid price', href: `${base}/details` });
  for (const line of summary.measures) {
    if (!line.belowMinimum) continue;
    const offered = line.quantityText ? `you have committed to ${line.quantityText}` : 'you have not committed to any';
    problems.push({
      text: `Commit to at least ${line.minimumText} for ${line.measure.code}, the minimum for this tender: ${offered}`,
      href: `${base}/commitments/${line.measure.measureId}`,
    });
  }
  for (const line of summary.questions) {
    if (!line.answer) problems.push({ text: `Answer question ${line.number}: ${line.question.title}`, href: `${base}/answers/${line.question.id}` });
  }
  return problems;
}
