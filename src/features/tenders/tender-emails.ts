import { formatDateTime } from '../../domain/dates.js';
import type { MailMessage } from '../../platform/mail.js';
import { COUNCIL_NAME } from '../../platform/views.js';

export interface PublishedTender {
  number: number;
  title: string;
  closingAt: Date;
}

/** Tells a supplier's user that their organisation is invited to bid, and until when. */
export function supplierInvitationEmail(tender: PublishedTender, person: { email: string; name: string; organisationName: string }, link: string): MailMessage {
  return {
    to: person.email,
    subject: `Invitation to tender: ${tender.title}`,
    text: [
      `Dear ${person.name},`,
      '',
      `${COUNCIL_NAME} invites ${person.organisationName} to bid for tender ${tender.number}: ${tender.title}.`,
      '',
      'Your bid includes the social value your organisation commits to deliver: what, how much, when and where, and how you will deliver it.',
      '',
      `Bids close on ${formatDateTime(tender.closingAt)}. After that, bids cannot be submitted or changed.`,
      '',
      'Sign in to read the tender and prepare your bid:',
      link,
      '',
      COUNCIL_NAME,
    ].join('\n'),
  };
}

/** Tells an evaluator they are to score the bids of a tender once it closes. */
export function evaluatorAssignmentEmail(tender: PublishedTender, person: { email: string; name: string }, link: string): MailMessage {
  return {
    to: person.email,
    subject: `You are an evaluator for tender ${tender.number}`,
    text: [
      `Dear ${person.name},`,
      '',
      `You are one of the evaluators for tender ${tender.number}: ${tender.title}.`,
      '',
      `Bids close on ${formatDateTime(tender.closingAt)}. You will be asked to declare any conflict of interest before you see the bids, then to score each bid's answers on your own, without seeing the other evaluators' scores.`,
      '',
      'The tender is here:',
      link,
      '',
      COUNCIL_NAME,
    ].join('\n'),
  };
}

export interface ClosedEarly {
  number: number;
  title: string;
  plannedClosingAt: Date;
  closedAt: Date;
  reason: string;
}

/** Tells a supplier's user that bidding closed before its closing time, why, and what it means for their bid. */
export function earlyCloseEmail(
  tender: ClosedEarly,
  person: { email: string; name: string; organisationName: string },
  submitted: boolean,
  link: string,
): MailMessage {
  return {
    to: person.email,
    subject: `Bidding closed early: tender ${tender.number}`,
    text: [
      `Dear ${person.name},`,
      '',
      `Bidding for tender ${tender.number}: ${tender.title} closed on ${formatDateTime(tender.closedAt)}, before its closing time of ${formatDateTime(tender.plannedClosingAt)}.`,
      '',
      'The council gave this reason:',
      tender.reason,
      '',
      submitted
        ? `Your bid was submitted before bidding closed and will be evaluated as it stands. You will hear the outcome after the award.`
        : `Your organisation had not submitted a bid, so ${person.organisationName} is not part of this tender's evaluation. Anything you had started is kept, and you can still read it, but it can no longer be submitted or changed. If you have a question about this, contact the council's procurement team.`,
      '',
      'The tender is here:',
      link,
      '',
      COUNCIL_NAME,
    ].join('\n'),
  };
}
