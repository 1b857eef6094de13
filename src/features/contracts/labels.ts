import type { ReportingFrequency } from '../../domain/reporting-periods.js';
import type { ContractSource } from './repository.js';

export const sourceLabels: Record<ContractSource, string> = { award: 'Awarded tender', import: 'Imported register', manual: 'Added by hand' };

export const frequencyLabels: Record<ReportingFrequency, string> = {
  monthly: 'Monthly',
  quarterly: 'Quarterly',
  six_monthly: 'Every six months',
  annual: 'Yearly',
};

export const reportStatusLabels = { draft: 'Draft', submitted: 'Submitted', queried: 'Queried', verified: 'Verified', rejected: 'Rejected' } as const;
export const variationStatusLabels = { pending: 'Waiting for approval', approved: 'Approved', rejected: 'Rejected' } as const;
