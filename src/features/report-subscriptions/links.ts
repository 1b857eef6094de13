import type { ReportKind } from '../../db/schema/index.js';
import { isReportKind, reportPeriod } from '../reports/report-periods.js';
import { isUuid } from '../../platform/forms.js';
import type { LinkRefusal, SignedLinkKey } from '../../platform/signed-links.js';

/** The purposes of this feature's signed links: a token for one is refused by the other. */
export const UNSUBSCRIBE = 'report-unsubscribe';
export const REPORT_LINK = 'report-link';

/** How long the link in a "linked" email opens the report without signing in. */
export const REPORT_LINK_DAYS = 90;

/** The unsubscribe page of a subscription. It does not expire: the link in an old email still works. */
export function unsubscribeUrl(key: SignedLinkKey, baseUrl: string, subscriptionId: string): string {
  return `${baseUrl}/reports/unsubscribe/${key.sign(UNSUBSCRIBE, subscriptionId)}`;
}

/** The link to one period's report PDF for one subscription, working without signing in until `until`. */
export function reportLinkUrl(key: SignedLinkKey, baseUrl: string, link: SharedReport, until: Date): string {
  return `${baseUrl}/reports/shared/${key.sign(REPORT_LINK, `${link.subscriptionId} ${link.kind} ${link.period}`, until)}`;
}

export interface SharedReport {
  subscriptionId: string;
  kind: ReportKind;
  period: string;
}

/** The subscription an unsubscribe token names, or why it is refused. */
export function readUnsubscribeToken(key: SignedLinkKey, token: string): { ok: true; subscriptionId: string } | { ok: false; reason: LinkRefusal } {
  const verified = key.verify(UNSUBSCRIBE, token);
  if (!verified.ok) return verified;
  return isUuid(verified.subject) ? { ok: true, subscriptionId: verified.subject } : { ok: false, reason: 'invalid' };
}

/** The report a report-link token opens, or why it is refused. */
export function readReportToken(key: SignedLinkKey, token: string, now = new Date()): ({ ok: true } & SharedReport) | { ok: false; reason: LinkRefusal } {
  const verified = key.verify(REPORT_LINK, token, now);
  if (!verified.ok) return verified;
  const [subscriptionId, kind, period] = verified.subject.split(' ');
  if (!isUuid(subscriptionId) || !kind || !isReportKind(kind) || !period || !reportPeriod(kind, period)) {
    return { ok: false, reason: 'invalid' };
  }
  return { ok: true, subscriptionId, kind, period };
}
