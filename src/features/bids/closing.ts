import { formatDateTime } from '../../domain/dates.js';
import type { TenderPhase } from '../tenders/phase.js';

/** "3:00pm on 22 November 2026": the closing time as the supplier's pages say it. */
export function closingTimeText(closingAt: Date): string {
  const [day, time] = formatDateTime(closingAt).split(' at ');
  return `${time} on ${day}`;
}

/** Why a bid can no longer be changed or submitted, once bidding has ended. */
export function biddingEndedText(phase: TenderPhase, closingAt: Date | null): string {
  if (phase === 'cancelled') return 'This tender has been cancelled. You can no longer submit or change your bid';
  const when = closingAt ? `The closing time for this tender was ${closingTimeText(closingAt)}` : 'This tender has closed';
  return `${when}. You can no longer submit or change your bid`;
}
