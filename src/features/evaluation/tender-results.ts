import type { DbOrTx } from '../../db/client.js';
import type { QuantitativeMethod } from '../../db/schema/index.js';
import { riskFlags, type RiskFlag } from '../../domain/risk-flags.js';
import { partWeights, qualitativeScoreBps, quantitativeFormula, quantitativeScores, rank } from '../../domain/scoring.js';
import { socialValuePence } from '../../domain/social-value.js';
import { contractEndDate } from '../../domain/contract-term.js';
import {
  findEvaluationTender,
  readResultsRows,
  type EvaluationTender,
  type ResultsBid,
  type ResultsCommitment,
  type ResultsMeasure,
  type ResultsRows,
} from './repository.js';
import { groupBy } from '../../platform/group-by.js';

export interface CommitmentResult {
  measureId: string;
  code: string;
  title: string;
  unit: string;
  quantityHundredths: number;
  /** null for a measure counted in its own unit and never turned into pounds */
  svPence: number | null;
}

export interface BidResult {
  bidId: string;
  organisationId: string;
  supplierName: string;
  consortiumMembers: ResultsBid['consortiumMembers'];
  pricePence: number | null;
  /** the sum of the valued commitments, in pence */
  svPence: number;
  valuedCommitments: CommitmentResult[];
  /** commitments to measures without a proxy value, counted in their own units */
  countedCommitments: CommitmentResult[];
  quantitative: { scoreBps: number; working: string };
  /** from the agreed (moderated) scores; null until every answer of the bid has one */
  qualitativeBps: number | null;
  /** quantitative plus qualitative; null until the qualitative score is known */
  svScoreBps: number | null;
  priceScoreBps: number | null;
  qualityScoreBps: number | null;
  /** social value, price and quality scores; null until all three are known */
  totalBps: number | null;
  /** 1 is first; bids with equal scores share a rank */
  rank: number;
  riskFlags: RiskFlag[];
}

/**
 * What the ranking is by: the total when every bid has its social value, price and quality scores; else the social
 * value score when every bid's answers are moderated; else only the quantitative score.
 */
export type RankBasis = 'total' | 'social_value' | 'quantitative';

export interface TenderResults {
  tender: {
    id: string;
    number: number;
    title: string;
    method: QuantitativeMethod;
    svWeightBps: number;
    quantitativeBps: number;
    qualitativeBps: number;
    /** what price and quality together can score: the total less the social value weight */
    priceAndQualityBps: number;
    formula: string;
    riskShareBps: number;
    contractEnd: string;
    moderationLockedAt: Date | null;
    moderationLockedByName: string | null;
  };
  rankedBy: RankBasis;
  /** highest rank first */
  bids: BidResult[];
}

type ValuedCommitment = ResultsCommitment & { measure: ResultsMeasure; position: number; svPence: number | null };

function commitmentResult(c: ValuedCommitment): CommitmentResult {
  const { code, title, unit } = c.measure;
  return { measureId: c.measureId, code, title, unit, quantityHundredths: c.quantityHundredths, svPence: c.svPence };
}

/**
 * Every submitted bid's figures: social value in pounds from the tender's frozen framework version, the quantitative
 * score by the tender's method with its working, the qualitative score from moderation, price and quality scores
 * when entered, the total, the rank, and the risk flags. Two queries, however many bids, measures and evaluators.
 * Null when there is no such tender.
 */
export async function tenderResults(db: DbOrTx, tenderId: string): Promise<TenderResults | null> {
  const [tender, rows] = await Promise.all([findEvaluationTender(db, tenderId), readResultsRows(db, tenderId)]);
  return tender ? resultsOf(tender, rows) : null;
}

/** The results of a tender already read (a page that has the tender reads only its rows). */
export function resultsOf(tender: EvaluationTender, rows: ResultsRows): TenderResults {
  const { bids: submitted, questions, commitments, measures, agreed } = rows;
  const weights = partWeights(tender);
  const contractEnd = contractEndDate(tender.expectedStart, tender.durationMonths);
  const measureAt = new Map(measures.map((measure, position) => [measure.id, { measure, position }]));
  const commitmentsByBid = groupBy(
    commitments
      .map((c): ValuedCommitment => {
        const { measure, position } = measureAt.get(c.measureId)!;
        // Written out rather than spread: spreading thousands of rows is several times slower.
        return {
          bidId: c.bidId,
          measureId: c.measureId,
          quantityHundredths: c.quantityHundredths,
          profile: c.profile,
          narrative: c.narrative,
          measure,
          position,
          svPence: socialValuePence(c.quantityHundredths, measure),
        };
      })
      .sort((a, b) => a.position - b.position),
    (c) => c.bidId,
  );
  const agreedByBid = groupBy(agreed, (a) => a.bidId);

  const valued = submitted.map((bid) => {
    const all = (commitmentsByBid.get(bid.id) ?? []).map(commitmentResult);
    const valuedCommitments = all.filter((c) => c.svPence !== null);
    return {
      bid,
      valuedCommitments,
      countedCommitments: all.filter((c) => c.svPence === null),
      svPence: valuedCommitments.reduce((sum, c) => sum + c.svPence!, 0),
    };
  });
  const quantitative = new Map(
    quantitativeScores(
      tender.quantitativeMethod,
      valued.map((v) => ({ bidId: v.bid.id, svPence: v.svPence, pricePence: v.bid.pricePence })),
      weights.quantitativeBps,
    ).map((q) => [q.bidId, q]),
  );
  const flags = riskFlags(
    valued.map((v) => ({
      bidId: v.bid.id,
      pricePence: v.bid.pricePence,
      commitments: (commitmentsByBid.get(v.bid.id) ?? []).map((c) => ({
        measureId: c.measureId,
        measureTitle: c.measure.title,
        unit: c.measure.unit,
        quantityHundredths: c.quantityHundredths,
        svPence: c.svPence,
        narrative: c.narrative,
        profile: c.profile,
      })),
    })),
    { riskShareBps: tender.riskShareBps, contractEnd },
  );

  const unranked = valued.map(({ bid, valuedCommitments, countedCommitments, svPence }) => {
    const agreedScores = new Map((agreedByBid.get(bid.id) ?? []).map((a) => [a.questionId, a.score]));
    const moderated = questions.every((q) => agreedScores.has(q.id));
    const qualitativeBps = moderated
      ? qualitativeScoreBps(
          questions.map((q) => ({ agreedScore: agreedScores.get(q.id)!, weightBps: q.weightBps })),
          weights.qualitativeBps,
        )
      : null;
    const { scoreBps, working } = quantitative.get(bid.id)!;
    const svScoreBps = qualitativeBps === null ? null : scoreBps + qualitativeBps;
    const totalBps =
      svScoreBps === null || bid.priceScoreBps === null || bid.qualityScoreBps === null ? null : svScoreBps + bid.priceScoreBps + bid.qualityScoreBps;
    return {
      bidId: bid.id,
      organisationId: bid.organisationId,
      supplierName: bid.supplierName,
      consortiumMembers: bid.consortiumMembers,
      pricePence: bid.pricePence,
      svPence,
      valuedCommitments,
      countedCommitments,
      quantitative: { scoreBps, working },
      qualitativeBps,
      svScoreBps,
      priceScoreBps: bid.priceScoreBps,
      qualityScoreBps: bid.qualityScoreBps,
      totalBps,
      riskFlags: flags.get(bid.id) ?? [],
    };
  });

  const rankedBy: RankBasis = unranked.every((b) => b.totalBps !== null)
    ? 'total'
    : unranked.every((b) => b.svScoreBps !== null)
      ? 'social_value'
      : 'quantitative';
  const basis = (b: (typeof unranked)[number]): number =>
    rankedBy === 'total' ? b.totalBps! : rankedBy === 'social_value' ? b.svScoreBps! : b.quantitative.scoreBps;
  const ranked = rank(unranked.map((b) => ({ ...b, totalBps: basis(b), own: b }))).map(({ own, rank: position }) => ({ ...own, rank: position }));

  return {
    tender: {
      id: tender.id,
      number: tender.number,
      title: tender.title,
      method: tender.quantitativeMethod,
      svWeightBps: tender.svWeightBps,
      quantitativeBps: weights.quantitativeBps,
      qualitativeBps: weights.qualitativeBps,
      priceAndQualityBps: 10000 - tender.svWeightBps,
      formula: quantitativeFormula(tender.quantitativeMethod, weights.quantitativeBps),
      riskShareBps: tender.riskShareBps,
      contractEnd,
      moderationLockedAt: tender.moderationLockedAt,
      moderationLockedByName: tender.moderationLockedByName,
    },
    rankedBy,
    bids: ranked,
  };
}
