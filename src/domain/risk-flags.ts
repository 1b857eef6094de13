/**
 * Risk flags on a bid's social value offer (issue 3, point 7), each explained in a sentence an evaluator can act on:
 * - the commitments are worth more than a set share of the bid price;
 * - a quantity is far above what the other bids offered for the same measure;
 * - a commitment does not say how it will be delivered;
 * - the delivery profile delivers after the contract ends.
 * Pure: everything it needs is passed in. Money in pence, quantities in hundredths, shares in basis points.
 */
import type { ProfiledPeriod } from './delivery-profile.js';
import { formatDate } from './dates.js';
import { formatPounds } from './money.js';
import { formatQuantity } from './quantity.js';

/** A quantity is "far above" the others when it is more than this many times the median of the other bids' offers. */
export const FAR_ABOVE_FACTOR = 3;

export type RiskFlagKind = 'high_share_of_price' | 'far_above_other_bids' | 'no_delivery_narrative' | 'delivers_after_contract_end';

export interface RiskFlag {
  kind: RiskFlagKind;
  /** the measure the flag is about; absent for flags about the whole bid */
  measureId?: string;
  text: string;
}

export interface RiskCommitment {
  measureId: string;
  measureTitle: string;
  unit: string;
  quantityHundredths: number;
  /** the commitment's value in pence, or null when the measure is counted but not valued */
  svPence: number | null;
  narrative: string;
  profile: ProfiledPeriod[];
}

export interface RiskBid {
  bidId: string;
  pricePence: number | null;
  commitments: RiskCommitment[];
}

export interface RiskSettings {
  /** the share of the bid price above which commitments may not be deliverable (tenders.risk_share_bps) */
  riskShareBps: number;
  /** the last day of the contract ("YYYY-MM-DD"), or null when it is not known */
  contractEnd: string | null;
}

/** "40 hours", "1.5 FTE years", "£2,000" for the £ unit. */
export function quantityInUnit(hundredths: number, unit: string): string {
  return unit === '£' ? `£${formatQuantity(hundredths)}` : `${formatQuantity(hundredths)} ${unit}`;
}

// Made once: toLocaleString with options builds a new number format on every call, slow for many bids.
const UP_TO_TWO_PLACES = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 2 });
const UP_TO_ONE_PLACE = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1 });

const percent = (bps: number): string => `${UP_TO_TWO_PLACES.format(bps / 100)}%`;

/** Up to 2 decimal places, rounded up, so that a share just over the limit never reads as the limit itself. */
function percentUp(numerator: number, denominator: number): string {
  return percent(Math.ceil((numerator * 10000) / denominator));
}

function shareOfPrice(bid: RiskBid, riskShareBps: number): RiskFlag | null {
  const svPence = bid.commitments.reduce((sum, c) => sum + (c.svPence ?? 0), 0);
  if (svPence === 0 || bid.pricePence === null) return null;
  if (bid.pricePence === 0) {
    return {
      kind: 'high_share_of_price',
      text: `The commitments are worth ${formatPounds(svPence)} but the bid price is £0, so they cannot be paid for from the contract; more than ${percent(riskShareBps)} of the bid price may not be deliverable`,
    };
  }
  if (svPence * 10000 <= riskShareBps * bid.pricePence) return null;
  return {
    kind: 'high_share_of_price',
    text: `The commitments are worth ${formatPounds(svPence)}, which is ${percentUp(svPence, bid.pricePence)} of the bid price of ${formatPounds(bid.pricePence)}; more than ${percent(riskShareBps)} may not be deliverable`,
  };
}

/** measure id -> every quantity above zero offered for it, smallest first */
type Offers = Map<string, number[]>;

function offersByMeasure(bids: RiskBid[]): Offers {
  const offers: Offers = new Map();
  for (const bid of bids) {
    for (const c of bid.commitments) {
      if (c.quantityHundredths <= 0) continue;
      const list = offers.get(c.measureId);
      if (list) list.push(c.quantityHundredths);
      else offers.set(c.measureId, [c.quantityHundredths]);
    }
  }
  for (const list of offers.values()) list.sort((a, b) => a - b);
  return offers;
}

/**
 * Twice the median of the sorted offers without one offer of `own` (the bid's own: a bid offers a measure once), so
 * that it is an integer even when the median falls halfway between two offers. Null when no other bid offered it.
 */
function twiceMedianOfOthers(sorted: number[], own: number): number | null {
  const count = sorted.length - 1;
  if (count < 1) return null;
  const skip = sorted.indexOf(own);
  const at = (i: number): number => sorted[i < skip ? i : i + 1]!;
  const middle = Math.floor(count / 2);
  return count % 2 ? 2 * at(middle) : at(middle - 1) + at(middle);
}

function farAboveOthers(commitment: RiskCommitment, offers: Offers): RiskFlag | null {
  if (commitment.quantityHundredths <= 0) return null;
  const sorted = offers.get(commitment.measureId) ?? [];
  const doubled = twiceMedianOfOthers(sorted, commitment.quantityHundredths);
  // quantity > FACTOR x median  <=>  2 x quantity > FACTOR x (2 x median), all in integers
  if (doubled === null || 2 * commitment.quantityHundredths <= FAR_ABOVE_FACTOR * doubled) return null;
  const times = UP_TO_ONE_PLACE.format((2 * commitment.quantityHundredths) / doubled);
  const others = sorted.length - 1;
  const otherBids = others === 1 ? 'the other bid that offered it' : `the ${others} other bids that offered it`;
  return {
    kind: 'far_above_other_bids',
    measureId: commitment.measureId,
    text: `The offer of ${quantityInUnit(commitment.quantityHundredths, commitment.unit)} for “${commitment.measureTitle}” is ${times} times the median of ${otherBids} (${quantityInUnit(Math.round(doubled / 2), commitment.unit)}); more than ${FAR_ABOVE_FACTOR} times may not be deliverable`,
  };
}

function noNarrative(commitment: RiskCommitment): RiskFlag | null {
  if (commitment.narrative.trim() !== '') return null;
  return {
    kind: 'no_delivery_narrative',
    measureId: commitment.measureId,
    text: `The commitment of ${quantityInUnit(commitment.quantityHundredths, commitment.unit)} for “${commitment.measureTitle}” has no delivery narrative: the bid does not say how it will be delivered`,
  };
}

function afterContractEnd(commitment: RiskCommitment, contractEnd: string | null): RiskFlag | null {
  if (!contractEnd) return null;
  const late = commitment.profile.filter((p) => p.periodEnd > contractEnd && p.quantityHundredths > 0);
  if (late.length === 0) return null;
  const quantity = quantityInUnit(
    late.reduce((sum, p) => sum + p.quantityHundredths, 0),
    commitment.unit,
  );
  const lastEnd = late
    .map((p) => p.periodEnd)
    .sort()
    .at(-1)!;
  const where = late.length === 1 ? `in the period ending ${formatDate(lastEnd)}` : `in ${late.length} periods, the last ending ${formatDate(lastEnd)}`;
  return {
    kind: 'delivers_after_contract_end',
    measureId: commitment.measureId,
    text: `The delivery profile for “${commitment.measureTitle}” puts ${quantity} ${where}, after the contract ends on ${formatDate(contractEnd)}`,
  };
}

/** Every bid's risk flags, by bid id: first the bid as a whole, then each commitment in the order given. */
export function riskFlags(bids: RiskBid[], settings: RiskSettings): Map<string, RiskFlag[]> {
  const flags = new Map<string, RiskFlag[]>();
  const offers = offersByMeasure(bids);
  for (const bid of bids) {
    const list = [shareOfPrice(bid, settings.riskShareBps)];
    for (const commitment of bid.commitments) {
      list.push(farAboveOthers(commitment, offers), noNarrative(commitment), afterContractEnd(commitment, settings.contractEnd));
    }
    flags.set(
      bid.bidId,
      list.filter((flag): flag is RiskFlag => flag !== null),
    );
  }
  return flags;
}
