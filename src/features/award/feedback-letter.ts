import { bidderName } from '../../domain/bidders.js';
import { quantityInUnit } from '../../domain/risk-flags.js';
import type { CommitmentResult } from '../evaluation/tender-results.js';
import { frequencyLabels } from './forms.js';
import { rankBasisNames, type EvaluationReport, type ReportBid } from './evaluation-report.js';

/**
 * A feedback letter to one bidder: its social value scores beside the winning bid's, part by part, what the winning
 * bid offered more of, the reasons moderation gave for its own scores, and whom to ask. It is built from two bids
 * only, the bidder's and the winner's, so that a letter can never carry a third bidder's details.
 */

export interface ScoreRow {
  part: string;
  yoursBps: number | null;
  winnerBps: number | null;
  /** the most the part can score, when the tender sets it */
  outOfBps: number | null;
}

export interface LetterAnswer {
  title: string;
  weightBps: number;
  yourScore: string;
  yourReason: string;
  winnerScore: string;
}

export interface FeedbackLetter {
  date: Date;
  tenderNumber: number;
  tenderTitle: string;
  recipient: string;
  successful: boolean;
  winner: string;
  winnerRank: number;
  /** the reason recorded for the award decision, if one was given */
  awardReason: string | null;
  rank: number;
  bidCount: number;
  rankedBy: string;
  scores: ScoreRow[];
  yourSvPence: number;
  winnerSvPence: number;
  /** sentences: the measures the winning bid offered more of */
  winnerOffersMore: string[];
  /** sentences: the measures this bid offered more of */
  yoursOffersMore: string[];
  answers: LetterAnswer[];
  contact: { name: string; email: string };
  /** for the winner: the contract that was made */
  contract: { reference: string; startDate: string; endDate: string; managerName: string | null; reportingFrequency: string; commitmentCount: number } | null;
}

type Commitment = Pick<CommitmentResult, 'measureId' | 'title' | 'unit' | 'quantityHundredths'>;

/** In words, measure by measure, where the winning bid offered more and where this bid did. Equal offers are left out. */
export function relativeAdvantages(winner: Commitment[], yours: Commitment[]): { winnerOffersMore: string[]; yoursOffersMore: string[] } {
  const byMeasure = new Map<string, { title: string; unit: string; winner: number; yours: number }>();
  const add = (list: Commitment[], side: 'winner' | 'yours') => {
    for (const c of list) {
      const entry = byMeasure.get(c.measureId) ?? { title: c.title, unit: c.unit, winner: 0, yours: 0 };
      entry[side] += c.quantityHundredths;
      byMeasure.set(c.measureId, entry);
    }
  };
  add(winner, 'winner');
  add(yours, 'yours');
  const winnerOffersMore: string[] = [];
  const yoursOffersMore: string[] = [];
  for (const m of [...byMeasure.values()].sort((a, b) => a.title.localeCompare(b.title, 'en-GB'))) {
    const q = (hundredths: number) => quantityInUnit(hundredths, m.unit);
    if (m.winner > m.yours) {
      winnerOffersMore.push(
        m.yours === 0
          ? `${m.title}: the successful bid offered ${q(m.winner)}; your bid offered none.`
          : `${m.title}: the successful bid offered ${q(m.winner)}, ${q(m.winner - m.yours)} more than your bid’s ${q(m.yours)}.`,
      );
    } else if (m.yours > m.winner) {
      yoursOffersMore.push(
        m.winner === 0
          ? `${m.title}: your bid offered ${q(m.yours)}; the successful bid offered none.`
          : `${m.title}: your bid offered ${q(m.yours)}, ${q(m.yours - m.winner)} more than the successful bid’s ${q(m.winner)}.`,
      );
    }
  }
  return { winnerOffersMore, yoursOffersMore };
}

function commitmentsOf(bid: ReportBid): Commitment[] {
  return [...bid.valuedCommitments, ...bid.countedCommitments];
}

/** "75 (Good)" from the tender's scale, or "Not scored". */
function scoreText(score: number | null, scale: EvaluationReport['tender']['scale']): string {
  if (score === null) return 'Not scored';
  const descriptor = scale.find((point) => point.score === score)?.descriptor;
  return descriptor ? `${score} (${descriptor})` : String(score);
}

/** The letter to the bidder of `bidId`, or null when the tender has not been awarded or the bid is not one of its bids. */
export function buildFeedbackLetter(report: EvaluationReport, bidId: string, date: Date): FeedbackLetter | null {
  const bid = report.bids.find((b) => b.bidId === bidId);
  if (!report.award || !bid) return null;
  const { winner, contract } = report.award;
  const successful = bid.bidId === winner.bidId;
  const other = (value: number | null) => (successful ? null : value);
  const { scoring } = report;
  const scores: ScoreRow[] = [
    {
      part: 'Quantitative social value (commitments)',
      yoursBps: bid.quantitative.scoreBps,
      winnerBps: other(winner.quantitative.scoreBps),
      outOfBps: scoring.quantitativeBps,
    },
    {
      part: 'Qualitative social value (method statements)',
      yoursBps: bid.qualitativeBps,
      winnerBps: other(winner.qualitativeBps),
      outOfBps: scoring.qualitativeBps,
    },
    { part: 'Social value score', yoursBps: bid.svScoreBps, winnerBps: other(winner.svScoreBps), outOfBps: scoring.svWeightBps },
  ];
  if (report.rankedBy === 'total') {
    scores.push(
      { part: 'Price score', yoursBps: bid.priceScoreBps, winnerBps: other(winner.priceScoreBps), outOfBps: null },
      { part: 'Quality score', yoursBps: bid.qualityScoreBps, winnerBps: other(winner.qualityScoreBps), outOfBps: null },
      { part: 'Total score', yoursBps: bid.totalBps, winnerBps: other(winner.totalBps), outOfBps: 10000 },
    );
  }
  const advantages = successful ? { winnerOffersMore: [], yoursOffersMore: [] } : relativeAdvantages(commitmentsOf(winner), commitmentsOf(bid));
  return {
    date,
    tenderNumber: report.tender.number,
    tenderTitle: report.tender.title,
    recipient: bidderName(bid),
    successful,
    winner: bidderName(winner),
    winnerRank: winner.rank,
    awardReason: report.tender.awardReason,
    rank: bid.rank,
    bidCount: report.bids.length,
    rankedBy: rankBasisNames[report.rankedBy],
    scores,
    yourSvPence: bid.svPence,
    winnerSvPence: winner.svPence,
    ...advantages,
    answers: bid.answers.map((answer) => ({
      title: answer.title,
      weightBps: answer.weightBps,
      yourScore: scoreText(answer.agreedScore, report.tender.scale),
      yourReason: answer.reason ?? '',
      winnerScore: scoreText(winner.answers.find((a) => a.questionId === answer.questionId)?.agreedScore ?? null, report.tender.scale),
    })),
    contact: { name: report.tender.requirement.ownerName, email: report.tender.requirement.ownerEmail },
    contract: successful
      ? {
          reference: contract.reference,
          startDate: contract.startDate,
          endDate: contract.endDate,
          managerName: contract.contractManagerName,
          reportingFrequency: frequencyLabels[contract.reportingFrequency].toLowerCase(),
          commitmentCount: commitmentsOf(winner).length,
        }
      : null,
  };
}
