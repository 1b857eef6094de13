import type { TenderStatus } from '../../db/schema/index.js';

/**
 * Where a tender stands at a moment. A published tender is open for bids until its closing time and closed from
 * then on; an officer can also close it early (status 'closed'). Parts that take bids, score them or award a contract
 * ask this rather than reading the status, so that every part agrees on when bidding ends.
 */
export type TenderPhase = 'draft' | 'open' | 'closed' | 'awarded' | 'cancelled';

export interface PhaseInput {
  status: TenderStatus;
  closingAt: Date | null;
}

export function tenderPhase(tender: PhaseInput, now: Date = new Date()): TenderPhase {
  switch (tender.status) {
    case 'draft':
    case 'awarded':
    case 'cancelled':
    case 'closed':
      return tender.status;
    case 'published':
      return tender.closingAt && now.getTime() >= tender.closingAt.getTime() ? 'closed' : 'open';
  }
}

export const phaseLabels: Record<TenderPhase, string> = {
  draft: 'Draft',
  open: 'Open for bids',
  closed: 'Closed for bids',
  awarded: 'Awarded',
  cancelled: 'Cancelled',
};
