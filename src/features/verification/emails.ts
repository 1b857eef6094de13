import type { MailMessage } from '../../platform/mail.js';
import { COUNCIL_NAME } from '../../platform/views.js';

/** What an email says about the line it is about. */
export interface LineContext {
  contractReference: string;
  contractTitle: string;
  periodLabel: string;
  /** "SV-01 Local people employed", or "Additional: SV-07 Volunteering hours" */
  lineLabel: string;
}

/** Asks each user of the supplier to answer the council's question on a line of their report. */
export function queryEmail(person: { email: string; name: string }, line: LineContext, question: string, link: string): MailMessage {
  return {
    to: person.email,
    subject: `Question about your ${line.periodLabel} report on contract ${line.contractReference}`,
    text: [
      `Dear ${person.name},`,
      '',
      `${COUNCIL_NAME} has a question about a line of your ${line.periodLabel} delivery report on contract ${line.contractReference}: ${line.contractTitle}.`,
      '',
      `Line: ${line.lineLabel}`,
      '',
      'The question:',
      question,
      '',
      'The line counts as delivered only once it is verified. Sign in to answer, correct the line or add evidence:',
      link,
      '',
      COUNCIL_NAME,
    ].join('\n'),
  };
}

/** Tells the contract manager that the supplier answered a query, so the line waits for a decision again. */
export function answerEmail(person: { email: string; name: string }, line: LineContext, supplierName: string, link: string): MailMessage {
  return {
    to: person.email,
    subject: `${supplierName} answered your question on contract ${line.contractReference}`,
    text: [
      `Dear ${person.name},`,
      '',
      `${supplierName} answered your question on a line of the ${line.periodLabel} report on contract ${line.contractReference}: ${line.contractTitle}.`,
      '',
      `Line: ${line.lineLabel}`,
      '',
      'The line is waiting for your decision again:',
      link,
      '',
      COUNCIL_NAME,
    ].join('\n'),
  };
}
