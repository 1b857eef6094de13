import { describe, expect, it } from 'vitest';
import { periodLabel } from './period-label.js';

const contract = { startDate: '2025-04-01', endDate: '2027-03-31', reportingFrequency: 'quarterly' as const };

describe('periodLabel', () => {
  it('names one of the contract’s periods', () => {
    expect(periodLabel(contract, { periodStart: '2026-07-01', periodEnd: '2026-09-30' })).toBe('July to September 2026');
  });

  it('falls back to the dates for a period the contract no longer has (its frequency changed)', () => {
    expect(periodLabel(contract, { periodStart: '2026-08-01', periodEnd: '2026-08-31' })).toBe('1 August 2026 to 31 August 2026');
  });
});
