import type { lineStatuses, organisationSizes } from '../../db/schema/index.js';

export const sizeLabels: Record<(typeof organisationSizes)[number], string> = { micro: 'Micro', small: 'Small', medium: 'Medium', large: 'Large' };

export const lineStatusLabels: Record<(typeof lineStatuses)[number], string> = {
  pending: 'Waiting for verification',
  verified: 'Verified',
  queried: 'Queried',
  rejected: 'Rejected',
};
