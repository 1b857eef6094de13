import type { TenderStatus } from '../../db/schema/index.js';
import { formatDateTime } from '../../domain/dates.js';
import { tenderPhase } from '../tenders/phase.js';

export interface ScoringState {
  status: TenderStatus;
  closingAt: Date | null;
  moderationLockedAt: Date | null;
}

/** Bids can be read by evaluators and moderators once the tender has closed (and still after the award). */
export function bidsOpenForEvaluation(tender: ScoringState, now: Date = new Date()): boolean {
  const phase = tenderPhase(tender, now);
  return phase === 'closed' || phase === 'awarded';
}

/**
 * Why no score of the tender (an evaluator's or an agreed one) can be saved now, in words, or null when scores can
 * be saved: the tender must have closed, and neither moderation be locked nor the contract awarded.
 */
export function whyScoresCannotChange(tender: ScoringState, now: Date = new Date()): string | null {
  if (tender.moderationLockedAt) {
    return `Moderation was locked on ${formatDateTime(tender.moderationLockedAt)}, so no score can change`;
  }
  const phase = tenderPhase(tender, now);
  if (phase === 'closed') return null;
  if (phase === 'awarded') return 'The contract has been awarded, so no score can change';
  return whyBidsAreHidden(tender);
}

/** Why the bids cannot be seen yet: "Bids can be evaluated after the tender closes on 30 June 2026 at 12:00pm". */
export function whyBidsAreHidden(tender: ScoringState): string {
  if (tender.status === 'cancelled') return 'The tender was cancelled, so its bids are not evaluated';
  if (tender.status === 'draft' || !tender.closingAt) return 'Bids can be evaluated after the tender has been published and has closed';
  return `Bids can be evaluated after the tender closes on ${formatDateTime(tender.closingAt)}`;
}
