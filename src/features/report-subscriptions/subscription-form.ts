import { reportDeliveries, reportKinds, type ReportDelivery, type ReportKind } from '../../db/schema/index.js';
import { EMAIL, field } from '../../platform/forms.js';

export interface SubscriptionInput {
  name: string;
  emails: string[];
  kind: ReportKind;
  delivery: ReportDelivery;
}

export interface SubscriptionValues {
  name: string;
  emails: string;
  kind: string;
  delivery: string;
}

export type SubscriptionForm = ({ ok: true } & SubscriptionInput) | { ok: false; values: SubscriptionValues; problems: [string, string][] };

/** The most addresses one subscription sends to; a bigger audience is a mailing list with one address. */
export const MAX_EMAILS = 20;

/** The new subscription form: a name, addresses (one a line, or separated by commas), which report and how it goes. */
export function readSubscriptionForm(body: unknown): SubscriptionForm {
  const values = { name: field(body, 'name').trim(), emails: field(body, 'emails'), kind: field(body, 'kind'), delivery: field(body, 'delivery') };
  const problems: [string, string][] = [];
  if (!values.name) problems.push(['name', 'Enter the name of the list or recipient, like "Cabinet members"']);
  else if (values.name.length > 120) problems.push(['name', 'Name must be 120 characters or fewer']);

  const addresses = values.emails
    .split(/[\s,;]+/)
    .map((a) => a.trim())
    .filter(Boolean);
  const emails = [...new Set(addresses.map((a) => a.toLowerCase()))];
  const bad = addresses.find((a) => !EMAIL.test(a) || a.length > 254);
  if (addresses.length === 0) problems.push(['emails', 'Enter at least one email address']);
  else if (bad) problems.push(['emails', `“${bad.slice(0, 60)}” is not an email address: enter addresses like name@example.gov.uk, one on each line`]);
  else if (emails.length > MAX_EMAILS) problems.push(['emails', `Enter ${MAX_EMAILS} email addresses or fewer (use a mailing list's address for more people)`]);

  const kind = reportKinds.find((k) => k === values.kind);
  if (!kind) problems.push(['kind', 'Select which report to send']);
  const delivery = reportDeliveries.find((d) => d === values.delivery);
  if (!delivery) problems.push(['delivery', 'Select whether to attach the report or send a link to it']);

  return kind && delivery && !problems.length ? { ok: true, name: values.name, emails, kind, delivery } : { ok: false, values, problems };
}
