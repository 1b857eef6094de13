import { formatDateTime } from '../../domain/dates.js';
import type { MailMessage } from '../../platform/mail.js';
import type { CurrentUser } from '../../platform/current-user.js';
import { COUNCIL_NAME } from '../../platform/views.js';
import { closingTimeText } from './closing.js';

export interface BidReceipt {
  tender: { number: number; title: string; closingAt: Date | null };
  user: Pick<CurrentUser, 'email' | 'name' | 'organisationName'>;
  submittedAt: Date;
  link: string;
}

/** The receipt for a submitted bid, to the person who submitted it. */
export function bidReceivedEmail({ tender, user, submittedAt, link }: BidReceipt): MailMessage {
  const untilClosing = tender.closingAt ? ` until the closing time, ${closingTimeText(tender.closingAt)}` : ' until the tender closes';
  return {
    to: user.email,
    subject: `Bid received: ${tender.title}`,
    text: [
      `Dear ${user.name},`,
      '',
      `${COUNCIL_NAME} received the bid of ${user.organisationName} for tender ${tender.number}: ${tender.title}, on ${formatDateTime(submittedAt)}.`,
      '',
      `You can still change your bid${untilClosing}. If you change it, submit it again: a changed bid that has not been submitted again is not considered.`,
      '',
      'Your bid is here:',
      link,
      '',
      COUNCIL_NAME,
    ].join('\n'),
  };
}
