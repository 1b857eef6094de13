import type { Db } from '../../db/client.js';
import { formatBps, formatPounds } from '../../domain/money.js';
import { tenderResults, type BidResult, type TenderResults } from '../evaluation/tender-results.js';
import { awardRefusal, type Refusal } from './award-readiness.js';
import { bidderName } from '../../domain/bidders.js';
import type { AwardChoices } from './forms.js';
import { findAwardedContract, findTender, listContractManagers, type TenderRecord } from './repository.js';

/** A bid as the award form offers it: who, its rank and the score it was ranked by. */
export interface BidChoice {
  id: string;
  name: string;
  rank: number;
  pricePence: number | null;
  /** "Ranked 1 of 3: total score 78.5%. Bid price £74,500." */
  standing: string;
}

export interface AwardContext {
  tender: TenderRecord;
  results: TenderResults;
  bids: BidChoice[];
  managers: { id: string; name: string; email: string }[];
  /** why the tender cannot be awarded now, or null */
  refusal: Refusal | null;
}

function rankedScore(bid: BidResult, rankedBy: TenderResults['rankedBy']): number {
  if (rankedBy === 'total') return bid.totalBps ?? 0;
  if (rankedBy === 'social_value') return bid.svScoreBps ?? 0;
  return bid.quantitative.scoreBps;
}

const scoreNames: Record<TenderResults['rankedBy'], string> = {
  total: 'total score',
  social_value: 'social value score',
  quantitative: 'quantitative social value score',
};

/** What the award pages need, and whether the tender can be awarded now. Null when there is no such tender. */
export async function loadAwardContext(db: Db, tenderId: string, now: Date = new Date()): Promise<AwardContext | null> {
  const [tender, results, managers, contract] = await Promise.all([
    findTender(db, tenderId),
    tenderResults(db, tenderId),
    listContractManagers(db),
    findAwardedContract(db, tenderId),
  ]);
  if (!tender || !results) return null;
  let refusal = awardRefusal(tender, now, contract?.supplierName ?? null, results.bids.length);
  if (!refusal && managers.length === 0) {
    refusal = {
      heading: 'There is no contract manager to choose',
      paragraphs: ['Every contract needs a contract manager. Ask an administrator to give someone the contract manager role, then award the tender.'],
      link: { href: `/tenders/${tender.id}`, text: 'Go back to the tender' },
    };
  }
  return {
    tender,
    results,
    bids: results.bids.map((bid) => ({
      id: bid.bidId,
      name: bidderName(bid),
      rank: bid.rank,
      pricePence: bid.pricePence,
      standing: `Ranked ${bid.rank} of ${results.bids.length}: ${scoreNames[results.rankedBy]} ${formatBps(rankedScore(bid, results.rankedBy))}. ${bid.pricePence === null ? 'No bid price given' : `Bid price ${formatPounds(bid.pricePence)}`}.`,
    })),
    managers,
    refusal,
  };
}

export function choicesOf(context: AwardContext): AwardChoices {
  return { bids: context.bids.map((b) => ({ id: b.id, rank: b.rank, pricePence: b.pricePence })), contractManagerIds: context.managers.map((m) => m.id) };
}
