import type { ReportDelivery, ReportKind, ReportSendState, SubscriptionStatus } from '../../db/schema/index.js';

export const kindLabels: Record<ReportKind, string> = { quarterly: 'Quarterly report', annual: 'Annual report' };

export const kindHints: Record<ReportKind, string> = {
  quarterly: 'Sent once each quarter has ended (April to June, July to September, October to December, January to March).',
  annual: 'Sent once each financial year (April to March) has ended.',
};

export const deliveryLabels: Record<ReportDelivery, string> = { attached: 'PDF attached to the email', linked: 'A link to the PDF' };

export const deliveryHints: Record<ReportDelivery, string> = {
  attached: 'The report travels with the email.',
  linked: 'The email carries a link that opens this report without signing in, for 90 days. Use it when attachments are blocked or too large.',
};

export const statusTags: Record<SubscriptionStatus, { text: string; classes: string }> = {
  active: { text: 'Active', classes: 'govuk-tag--green' },
  paused: { text: 'Paused', classes: 'govuk-tag--yellow' },
  unsubscribed: { text: 'Unsubscribed', classes: 'govuk-tag--grey' },
  removed: { text: 'Removed', classes: 'govuk-tag--red' },
};

export const stateTags: Record<ReportSendState, { text: string; classes: string }> = {
  queued: { text: 'Queued', classes: 'govuk-tag--blue' },
  sent: { text: 'Sent', classes: 'govuk-tag--green' },
  failed: { text: 'Failed', classes: 'govuk-tag--red' },
  cancelled: { text: 'Cancelled', classes: 'govuk-tag--grey' },
};
