import { formatDateTime } from '../../domain/dates.js';
import type { BidRow } from './repository.js';

export interface BidStatus {
  /** for a GOV.UK tag */
  tag: { text: string; classes: string };
  /** a sentence that says more, when there is more to say */
  detail: string | null;
}

/**
 * Where a supplier's bid stands: not started, a draft, or submitted (and when). A bid changed after it was submitted
 * is a draft again until it is submitted again.
 */
export function bidStatus(bid: Pick<BidRow, 'status' | 'submittedAt'> | null): BidStatus {
  if (!bid) return { tag: { text: 'Not started', classes: 'govuk-tag--grey' }, detail: null };
  if (bid.status === 'submitted' && bid.submittedAt) {
    return { tag: { text: 'Submitted', classes: 'govuk-tag--green' }, detail: `Submitted on ${formatDateTime(bid.submittedAt)}` };
  }
  return {
    tag: { text: 'Draft saved', classes: 'govuk-tag--blue' },
    detail: bid.submittedAt ? `Changed since it was submitted on ${formatDateTime(bid.submittedAt)}: it must be submitted again` : null,
  };
}
