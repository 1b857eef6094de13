import type { Db } from '../../db/client.js';
import type { QuantitativeMethod } from '../../db/schema/index.js';
import { listEvaluatorProgress, listQuestions, listTenderModeratedScores, type EvaluatorProgress, type Question } from '../evaluation/repository.js';
import { tenderResults, type BidResult, type TenderResults } from '../evaluation/tender-results.js';
import { listChosenMeasures, type ChosenMeasure } from '../tenders/repository.js';
import { commitmentLine, type CommitmentLine } from './presenters.js';
import { findAwardedContract, findTender, listTenderEvaluatorScores, type AwardedContract, type TenderRecord } from './repository.js';

export const methodNames: Record<QuantitativeMethod, string> = {
  highest_offer: 'Relative to the highest offer',
  value_per_pound: 'Relative to the highest social value per pound of bid price',
};

/** What the ranking was by, in words. */
export const rankBasisNames: Record<TenderResults['rankedBy'], string> = {
  total: 'the total score (social value, price and quality)',
  social_value: 'the social value score, as price and quality scores have not all been entered',
  quantitative: 'the quantitative social value score only, as not every answer has an agreed score',
};

export interface AnswerScore {
  questionId: string;
  title: string;
  weightBps: number;
  /** the agreed score on the tender's scale, or null before moderation */
  agreedScore: number | null;
  reason: string | null;
  moderatorName: string | null;
  /** each evaluator's independent score */
  evaluatorScores: { evaluatorName: string; score: number }[];
}

export interface ReportBid extends BidResult {
  isWinner: boolean;
  /** the bid's valued and counted commitments, in words */
  commitmentLines: CommitmentLine[];
  answers: AnswerScore[];
}

export interface EvaluationReport {
  generatedAt: Date;
  tender: TenderRecord;
  scoring: TenderResults['tender'];
  rankedBy: TenderResults['rankedBy'];
  methodName: string;
  measures: ChosenMeasure[];
  questions: Question[];
  evaluators: EvaluatorProgress[];
  /** highest rank first */
  bids: ReportBid[];
  award: { contract: AwardedContract; winner: ReportBid } | null;
}

/**
 * Everything the evaluation report shows, from the figures of evaluation (tenderResults, never a second scoring),
 * the tender's set-up, the evaluators' declarations and scores, the moderation reasons and the award.
 * Null when there is no such tender.
 */
export async function loadEvaluationReport(db: Db, tenderId: string, now: Date = new Date()): Promise<EvaluationReport | null> {
  const [tender, results, measures, questions, evaluators, agreed, independent, contract] = await Promise.all([
    findTender(db, tenderId),
    tenderResults(db, tenderId),
    listChosenMeasures(db, tenderId),
    listQuestions(db, tenderId),
    listEvaluatorProgress(db, tenderId),
    listTenderModeratedScores(db, tenderId),
    listTenderEvaluatorScores(db, tenderId),
    findAwardedContract(db, tenderId),
  ]);
  if (!tender || !results) return null;

  const bids: ReportBid[] = results.bids.map((bid) => ({
    ...bid,
    isWinner: contract?.bidId === bid.bidId,
    commitmentLines: [...bid.valuedCommitments, ...bid.countedCommitments].map(commitmentLine),
    answers: questions.map((question) => {
      const agreement = agreed.find((a) => a.bidId === bid.bidId && a.questionId === question.id);
      return {
        questionId: question.id,
        title: question.title,
        weightBps: question.weightBps,
        agreedScore: agreement?.score ?? null,
        reason: agreement?.reason ?? null,
        moderatorName: agreement?.moderatorName ?? null,
        evaluatorScores: independent
          .filter((s) => s.bidId === bid.bidId && s.questionId === question.id)
          .map((s) => ({ evaluatorName: s.evaluatorName, score: s.score })),
      };
    }),
  }));
  const winner = bids.find((bid) => bid.isWinner);
  return {
    generatedAt: now,
    tender,
    scoring: results.tender,
    rankedBy: results.rankedBy,
    methodName: methodNames[results.tender.method],
    measures,
    questions,
    evaluators,
    bids,
    award: contract && winner ? { contract, winner } : null,
  };
}
