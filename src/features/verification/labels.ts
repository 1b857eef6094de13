import type { lineStatuses } from '../../db/schema/index.js';

type LineStatus = (typeof lineStatuses)[number];

export const lineStatusLabels: Record<LineStatus, string> = {
  pending: 'Waiting for a decision',
  queried: 'Queried: waiting for the supplier',
  verified: 'Verified',
  rejected: 'Rejected',
};

/** GOV.UK tag colours; the words carry the meaning. */
export const lineStatusTags: Record<LineStatus, string> = {
  pending: 'govuk-tag--blue',
  queried: 'govuk-tag--orange',
  verified: 'govuk-tag--green',
  rejected: 'govuk-tag--red',
};
