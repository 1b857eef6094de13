import { formatDate } from '../../domain/dates.js';
import type { MailMessage } from '../../platform/mail.js';
import type { ReminderKind } from './reminder-rules.js';

export interface ReportReminder {
  kind: ReminderKind;
  to: { email: string; name: string };
  contract: { reference: string; title: string };
  period: { label: string; dueDate: string };
  baseUrl: string;
}

const SIGN_OFF = 'Social value team\n\nThis is an automatic email. Please do not reply to it.';

/** The email to a supplier's user before a report is due, or once it is overdue. */
export function reportReminderEmail(r: ReportReminder): MailMessage {
  const due = formatDate(r.period.dueDate);
  const contract = `${r.contract.reference} ${r.contract.title}`;
  const home = `${r.baseUrl}/supplier`;
  if (r.kind === 'report-due') {
    return {
      to: r.to.email,
      subject: `Social value report due by ${due}: ${r.contract.reference}`,
      text: [
        `Dear ${r.to.name},`,
        `Your social value report for ${r.period.label} is due by ${due}.`,
        `Contract: ${contract}`,
        `Sign in to report what you delivered in ${r.period.label}, add your evidence and submit the report:\n${home}`,
        'If you have already started the report, it is saved as a draft. The council sees it only once you submit it.',
        SIGN_OFF,
      ].join('\n\n'),
    };
  }
  return {
    to: r.to.email,
    subject: `Social value report overdue: ${r.contract.reference}, ${r.period.label}`,
    text: [
      `Dear ${r.to.name},`,
      `Your social value report for ${r.period.label} was due by ${due}. The council has not received it.`,
      `Contract: ${contract}`,
      `Sign in to complete and submit the report as soon as you can:\n${home}`,
      'If you cannot report for this period, contact the council contract manager for this contract.',
      SIGN_OFF,
    ].join('\n\n'),
  };
}

export interface DigestContract {
  id: string;
  reference: string;
  title: string;
  reports: { id: string; periodLabel: string; linesWaiting: number }[];
}

const lines = (n: number) => (n === 1 ? '1 line' : `${n} lines`);

/** The Monday email to a contract manager: per contract, each report with lines waiting for verification. */
export function weeklyDigestEmail(to: { email: string; name: string }, contracts: DigestContract[], baseUrl: string): MailMessage {
  const total = contracts.reduce((sum, c) => sum + c.reports.reduce((s, r) => s + r.linesWaiting, 0), 0);
  const onContracts = contracts.length === 1 ? '1 contract' : `${contracts.length} contracts`;
  const sections = contracts.map((c) =>
    [
      `${c.reference} ${c.title}`,
      ...c.reports.map((r) => `- ${r.periodLabel}: ${lines(r.linesWaiting)} waiting\n  ${baseUrl}/contracts/${c.id}/reports/${r.id}`),
    ].join('\n'),
  );
  return {
    to: to.email,
    subject: `Social value delivery to verify: ${lines(total)} on ${onContracts}`,
    text: [
      `Dear ${to.name},`,
      `Suppliers have reported social value delivery that is waiting for you to verify: ${lines(total)} on ${onContracts} you manage.`,
      ...sections,
      `See everything waiting for verification:\n${baseUrl}/verification`,
      SIGN_OFF,
    ].join('\n\n'),
  };
}
