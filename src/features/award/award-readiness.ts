import type { TenderStatus } from '../../db/schema/index.js';
import { formatDateTime } from '../../domain/dates.js';
import { tenderPhase } from '../tenders/phase.js';

export interface TenderState {
  id: string;
  status: TenderStatus;
  closingAt: Date | null;
  moderationLockedAt: Date | null;
}

/** Why something cannot be done yet, in words, and where to go instead. */
export interface Refusal {
  heading: string;
  paragraphs: string[];
  link: { href: string; text: string };
}

/**
 * Why a tender cannot be awarded now, or null when it can: it must have closed with at least one bid, its moderated
 * scores must be locked (so that no score can change after the decision), and it can be awarded only once.
 */
export function awardRefusal(tender: TenderState, now: Date, awardedTo: string | null, bidCount: number): Refusal | null {
  const tenderLink = { href: `/tenders/${tender.id}`, text: 'Go back to the tender' };
  const phase = tenderPhase(tender, now);
  if (phase === 'awarded' || awardedTo !== null) {
    return {
      heading: `This tender has already been awarded to ${awardedTo ?? 'another bidder'}`,
      paragraphs: [
        'A tender is awarded once. Its contract and the winning commitments were created at the award, and the decision is in the evaluation report.',
      ],
      link: { href: `/tenders/${tender.id}/award/done`, text: 'See the award' },
    };
  }
  if (phase === 'cancelled') {
    return { heading: 'This tender was cancelled', paragraphs: ['A cancelled tender cannot be awarded.'], link: tenderLink };
  }
  if (phase === 'draft') {
    return {
      heading: 'This tender has not been published',
      paragraphs: ['A tender can be awarded after it has been published, has closed and its scores have been moderated.'],
      link: tenderLink,
    };
  }
  if (phase === 'open') {
    return {
      heading: 'This tender has not closed yet',
      paragraphs: [
        tender.closingAt ? `It closes on ${formatDateTime(tender.closingAt)}.` : 'It has no closing date.',
        'You can award it once it has closed and the moderated scores have been locked.',
      ],
      link: tenderLink,
    };
  }
  if (!tender.moderationLockedAt) {
    return {
      heading: 'The moderated scores are not locked yet',
      paragraphs: ['Lock the moderated scores before you award the tender, so that no score can change after the decision.'],
      link: { href: `/tenders/${tender.id}/moderation`, text: 'Go to moderation' },
    };
  }
  if (bidCount === 0) {
    return { heading: 'No bids were submitted', paragraphs: ['There is no bid to award the contract to.'], link: tenderLink };
  }
  return null;
}
