import { formatDate } from '../../domain/dates.js';
import type { MailMessage } from '../../platform/mail.js';
import { COUNCIL_NAME } from '../../platform/views.js';
import type { PledgeLanding } from './report-pledges.js';

/** Someone an email goes to: their name for the greeting and their address. */
export interface Recipient {
  name: string;
  email: string;
}

const letter = (to: Recipient, subject: string, paragraphs: string[]): MailMessage => ({
  to: to.email,
  subject,
  text: [`Dear ${to.name},`, '', ...paragraphs.flatMap((p) => [p, '']), COUNCIL_NAME].join('\n'),
});

/** Tells an officer who approves registrations that a community organisation is waiting for a decision. */
export function registrationWaitingEmail(to: Recipient, organisation: { name: string; typeLabel: string; district: string | null }, link: string) {
  const where = organisation.district ? `, ${organisation.district}` : '';
  return letter(to, `Community organisation waiting for approval: ${organisation.name}`, [
    `${organisation.name} (${organisation.typeLabel.toLowerCase()}${where}) has registered on the community needs board. It cannot post needs until the registration is approved.`,
    `Check the registration and approve or decline it:\n${link}`,
  ]);
}

/** Tells the people of a community organisation whether its registration was approved, and the reason if it was declined. */
export function registrationDecidedEmail(to: Recipient, organisationName: string, decision: { approve: boolean; reason: string | null }, link: string) {
  if (decision.approve) {
    return letter(to, 'Your registration on the community needs board is approved', [
      `${COUNCIL_NAME} has approved the registration of ${organisationName} on the community needs board.`,
      `You can now sign in and post what your organisation needs, so that suppliers can offer to help:\n${link}`,
    ]);
  }
  return letter(to, 'Your registration on the community needs board was declined', [
    `${COUNCIL_NAME} has declined the registration of ${organisationName} on the community needs board.`,
    `The reason given:\n${decision.reason ?? ''}`,
    `You can also read this when you sign in:\n${link}`,
  ]);
}

export interface PledgeFacts {
  supplierName: string;
  needTitle: string;
  organisationName: string;
  contractReference: string;
}

/** Tells the people of a community organisation that a supplier pledged to meet one of its needs. */
export function pledgeMadeEmail(to: Recipient, pledge: PledgeFacts & { quantity: string; offer: string }, link: string) {
  return letter(to, `${pledge.supplierName} has pledged to meet your need: ${pledge.needTitle}`, [
    `${pledge.supplierName} has pledged to meet your need “${pledge.needTitle}” on the community needs board.`,
    `What they pledged: ${pledge.quantity}\n${pledge.offer}`,
    'They can now see your contact details for this need, to arrange it with you.',
    `When the pledge has been met, sign in to confirm it, so that it counts towards the social value of their contract:\n${link}`,
  ]);
}

/**
 * Tells the people of the supplier that the organisation confirmed their pledge was met, and where it goes: into a
 * draft delivery report, into the next report they start, or (confirmed too late) into none.
 */
export function pledgeMetEmail(to: Recipient, pledge: PledgeFacts & { metQuantity: string; metOn: string }, landing: PledgeLanding, link: string) {
  const met = `${pledge.organisationName} has confirmed that your pledge to their need “${pledge.needTitle}” was met on ${formatDate(pledge.metOn)}: ${pledge.metQuantity}.`;
  if (landing.kind === 'too-late') {
    return letter(to, `Your pledge was met but cannot go in a delivery report: ${pledge.needTitle}`, [
      met,
      `It was confirmed after the last delivery report of contract ${pledge.contractReference} was handed in, so it cannot be added to a report and does not count towards the contract’s social value. The council has been told.`,
      `If you think it should count, speak to the contract manager. Your pledges:\n${link}`,
    ]);
  }
  const where =
    landing.kind === 'in-draft'
      ? `It has been added to your draft ${landing.periodLabel} delivery report on contract ${pledge.contractReference}`
      : `It will be added to the next delivery report you start on contract ${pledge.contractReference} for a period that ends on or after ${formatDate(landing.countedOn)}`;
  return letter(to, `Pledge met: ${pledge.needTitle}`, [
    met,
    `${where}, as a line for the council to verify. It counts towards the contract’s social value once verified.`,
    `Your pledges:\n${link}`,
  ]);
}

/** Tells the contract manager that a pledge on the contract was confirmed met too late to go in any delivery report. */
export function pledgeTooLateEmail(to: Recipient, pledge: PledgeFacts & { metQuantity: string; metOn: string }, link: string) {
  return letter(to, `Pledge met too late for the delivery reports of contract ${pledge.contractReference}`, [
    `${pledge.organisationName} has confirmed that ${pledge.supplierName} met its pledge to their need “${pledge.needTitle}” on ${formatDate(pledge.metOn)}: ${pledge.metQuantity}.`,
    `Every delivery report of contract ${pledge.contractReference} that could carry it had already been handed in, so it is in no report and does not count. The supplier and the organisation have been told.`,
    `Met pledges that no delivery report carries:\n${link}`,
  ]);
}
