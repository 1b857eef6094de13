import { formatDate } from '../../domain/dates.js';
import { periodLabel } from './periods.js';
import type { ReportDelivery, ReportKind } from '../../db/schema/index.js';
import type { OutgoingMail } from '../../platform/mail.js';
import { COUNCIL_NAME } from '../../platform/views.js';

export interface ReportEmail {
  subscription: { name: string; emails: readonly string[]; kind: ReportKind; delivery: ReportDelivery };
  period: string;
  /** the unsubscribe page of this subscription */
  unsubscribeUrl: string;
  /** the report: its PDF, attached, or a link to it that works without signing in until a date */
  report: { pdf: Buffer } | { url: string; until: Date };
  /** the same for every attempt at this email */
  messageId: string;
}

export const reportNames = { quarterly: 'quarterly social value report', annual: 'annual social value report' } as const;

/** The file name of a report's PDF: "social-value-report-2026-07-01.pdf", "social-value-annual-report-2026-to-2027.pdf". */
export function reportFileName(kind: ReportKind, period: string): string {
  return kind === 'quarterly' ? `social-value-report-${period}.pdf` : `social-value-annual-report-${period}-to-${Number(period) + 1}.pdf`;
}

/** The email that carries one period's report to a subscription's addresses, with its unsubscribe link and header. */
export function reportEmail(e: ReportEmail): OutgoingMail {
  const { kind } = e.subscription;
  const label = periodLabel(kind, e.period);
  const reportLine =
    'pdf' in e.report
      ? `${COUNCIL_NAME}'s social value report for ${label} is attached as a PDF.`
      : `${COUNCIL_NAME}'s social value report for ${label} is ready. Open it (a PDF) with this link, which works without signing in until ${formatDate(e.report.until)}:\n${e.report.url}`;
  return {
    to: e.subscription.emails.join(', '),
    subject: kind === 'quarterly' ? `Social value report: ${label}` : `Annual social value report: ${label}`,
    text: [
      'Hello,',
      reportLine,
      'It shows the social value that the council’s suppliers committed to, and what the council has verified that they delivered, by strategic outcome and district.',
      `You receive it because ${e.subscription.name} is on the council’s list for its ${reportNames[kind]}. To stop receiving it, open this link:\n${e.unsubscribeUrl}`,
      `Social value team, ${COUNCIL_NAME}\n\nThis is an automatic email. Please do not reply to it.`,
    ].join('\n\n'),
    headers: { 'List-Unsubscribe': `<${e.unsubscribeUrl}>`, 'Auto-Submitted': 'auto-generated' },
    ...('pdf' in e.report ? { attachments: [{ filename: reportFileName(kind, e.period), content: e.report.pdf, contentType: 'application/pdf' }] } : {}),
    messageId: e.messageId,
  };
}
