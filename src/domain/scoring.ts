/**
 * Social value scoring of bids (DESIGN.md section 3). Every score is in basis points of the tender's total score
 * (10000 = 100 marks out of 100), computed exactly and rounded half up to the basis point once, at the end.
 */
/** How the quantitative score compares bids: to the highest offer, or to the highest social value per pound of price. */
export const quantitativeMethods = ['highest_offer', 'value_per_pound'] as const;
export type QuantitativeMethod = (typeof quantitativeMethods)[number];

export interface TenderWeights {
  /** social value's share of the total score */
  svWeightBps: number;
  /** the quantitative part's share of the social value weight; the qualitative part has the rest */
  quantitativeShareBps: number;
}

/** The weights of the two parts, as basis points of the total score. */
export function partWeights(weights: TenderWeights): { quantitativeBps: number; qualitativeBps: number } {
  const quantitativeBps = Math.round((weights.svWeightBps * weights.quantitativeShareBps) / 10000);
  return { quantitativeBps, qualitativeBps: weights.svWeightBps - quantitativeBps };
}

export interface QuantitativeInput {
  bidId: string;
  /** the bid's social value offer in pence (valued commitments only) */
  svPence: number;
  /** the bid price in pence, needed by the value-per-pound method */
  pricePence: number | null;
}

export interface QuantitativeResult {
  bidId: string;
  scoreBps: number;
  /** the figures the score came from, in words, for the page that shows the working */
  working: string;
}

const divRound = (numerator: bigint, denominator: bigint): number => Number((numerator * 2n + denominator) / (denominator * 2n));

// Number formats made once: toLocaleString with options builds a new one on every call, which is slow for many bids.
const WHOLE = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 });
const TWO_PLACES = new Intl.NumberFormat('en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const UP_TO_TWO_PLACES = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 2 });
const UP_TO_FOUR_PLACES = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 4 });

function pounds(pence: number): string {
  return `£${(pence % 100 ? TWO_PLACES : WHOLE).format(pence / 100)}`;
}

function percent(bps: number): string {
  return `${UP_TO_TWO_PLACES.format(bps / 100)}%`;
}

export function quantitativeFormula(method: QuantitativeMethod, weightBps: number): string {
  return method === 'highest_offer'
    ? `Score = bid's social value ÷ highest social value offered × ${percent(weightBps)}`
    : `Score = (bid's social value ÷ bid price) ÷ highest (social value ÷ price) of all bids × ${percent(weightBps)}`;
}

/**
 * Quantitative scores by the tender's method.
 * - highest_offer: SV / max SV x weight.
 * - value_per_pound: (SV / price) / max(SV / price) x weight. A bid without a price above zero cannot be compared
 *   this way and scores 0, and its working says so.
 * No offers (the best is zero) -> 0 for every bid.
 */
export function quantitativeScores(method: QuantitativeMethod, bids: QuantitativeInput[], weightBps: number): QuantitativeResult[] {
  if (method === 'highest_offer') {
    const best = Math.max(0, ...bids.map((b) => b.svPence));
    return bids.map((b) => {
      if (best === 0) return { bidId: b.bidId, scoreBps: 0, working: 'No bid offered social value with a value in pounds, so every bid scores 0' };
      const scoreBps = divRound(BigInt(b.svPence) * BigInt(weightBps), BigInt(best));
      return { bidId: b.bidId, scoreBps, working: `${pounds(b.svPence)} ÷ ${pounds(best)} × ${percent(weightBps)} = ${percent(scoreBps)}` };
    });
  }
  // Compare SV/price ratios exactly: a/b > c/d  <=>  a*d > c*b (prices are positive).
  const priced = bids.filter((b) => b.pricePence !== null && b.pricePence > 0);
  let best: QuantitativeInput | null = null;
  for (const b of priced) {
    if (!best || BigInt(b.svPence) * BigInt(best.pricePence!) > BigInt(best.svPence) * BigInt(b.pricePence!)) best = b;
  }
  return bids.map((b) => {
    if (b.pricePence === null || b.pricePence <= 0) {
      return { bidId: b.bidId, scoreBps: 0, working: 'No bid price above £0, so social value per pound cannot be worked out: scores 0' };
    }
    if (!best || best.svPence === 0) {
      return { bidId: b.bidId, scoreBps: 0, working: 'No bid offered social value with a value in pounds, so every bid scores 0' };
    }
    // (sv/price) / (bestSv/bestPrice) x weight = sv * bestPrice * weight / (price * bestSv)
    const scoreBps = divRound(BigInt(b.svPence) * BigInt(best.pricePence!) * BigInt(weightBps), BigInt(b.pricePence) * BigInt(best.svPence));
    const ratio = (pence: number, price: number) => UP_TO_FOUR_PLACES.format(pence / price);
    return {
      bidId: b.bidId,
      scoreBps,
      working: `(${pounds(b.svPence)} ÷ ${pounds(b.pricePence)} = ${ratio(b.svPence, b.pricePence)}) ÷ ${ratio(best.svPence, best.pricePence!)} × ${percent(weightBps)} = ${percent(scoreBps)}`,
    };
  });
}

export interface QuestionScore {
  /** the agreed (moderated) score on the tender's scale, 0 to 100 */
  agreedScore: number;
  /** the question's share of the qualitative part, basis points; the questions' weights add up to 10000 */
  weightBps: number;
}

/** Qualitative score: sum of agreed / 100 x question weight x qualitative weight, in basis points of the total. */
export function qualitativeScoreBps(questions: QuestionScore[], qualitativeBps: number): number {
  const numerator = questions.reduce((sum, q) => sum + BigInt(q.agreedScore) * BigInt(q.weightBps), 0n) * BigInt(qualitativeBps);
  return divRound(numerator, 100n * 10000n);
}

export interface RankedBid {
  bidId: string;
  totalBps: number;
}

/** Ranks bids by score, highest first; equal scores share a rank (1, 1, 3). */
export function rank<T extends RankedBid>(bids: T[]): (T & { rank: number })[] {
  const sorted = [...bids].sort((a, b) => b.totalBps - a.totalBps);
  return sorted.map((bid) => ({ ...bid, rank: sorted.findIndex((other) => other.totalBps === bid.totalBps) + 1 }));
}
