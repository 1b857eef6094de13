import type { Db } from '../../db/client.js';
import { withAudit, type Actor } from '../../platform/audit.js';
import { tenderPhase } from '../tenders/phase.js';
import type { PriceAndQuality } from './forms.js';
import { lockTenderRow, setPriceAndQualityScores } from './repository.js';

export type EnterResult = { status: 'saved' } | { status: 'refused'; reason: string };

/**
 * Records each bid's price and quality scores (from the tender's price and quality evaluations, outside this service)
 * so that the results can total and rank the bids. They can change until the contract is awarded.
 */
export async function enterPriceAndQuality(db: Db, actor: Actor, tender: { id: string; number: number }, scores: PriceAndQuality[]): Promise<EnterResult> {
  return withAudit(db, actor, `Entered price and quality scores for tender ${tender.number}`, async (tx) => {
    const current = await lockTenderRow(tx, tender.id);
    const phase = current ? tenderPhase(current) : 'cancelled';
    if (phase === 'awarded') return { status: 'refused', reason: 'The contract has been awarded, so the scores can no longer change' } as const;
    if (phase !== 'closed') return { status: 'refused', reason: 'Price and quality scores can be entered after the tender closes' } as const;
    for (const score of scores) await setPriceAndQualityScores(tx, score.bidId, score.priceScoreBps, score.qualityScoreBps);
    return { status: 'saved' } as const;
  });
}
