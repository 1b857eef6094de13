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
