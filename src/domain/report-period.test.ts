import { describe, expect, it } from 'vitest';
import { reportPeriodLabel } from './report-period.js';

const contract = { startDate: '2025-04-01', endDate: '2027-03-31', reportingFrequency: 'quarterly' as const };

describe('periodLabel', () => {
  it('names one of the contract’s periods', () => {
    expect(reportPeriodLabel(contract, { periodStart: '2026-07-01', periodEnd: '2026-09-30' })).toBe('July to September 2026');
  });

  it('names a period the contract no longer has (its frequency changed) as any other period is named', () => {
    expect(reportPeriodLabel(contract, { periodStart: '2026-08-01', periodEnd: '2026-08-31' })).toBe('August 2026');
    expect(reportPeriodLabel(contract, { periodStart: '2026-08-15', periodEnd: '2026-09-14' })).toBe('15 August 2026 to 14 September 2026');
  });
});
