import { describe, expect, it } from 'vitest';
import { reportingPeriodLabel } from './period-label.js';

describe('reporting period labels', () => {
  it('names whole months, and dates otherwise', () => {
    expect(reportingPeriodLabel('2026-07-01', '2026-09-30')).toBe('July to September 2026');
    expect(reportingPeriodLabel('2026-10-01', '2027-03-31')).toBe('October 2026 to March 2027');
    expect(reportingPeriodLabel('2026-02-01', '2026-02-28')).toBe('February 2026');
    expect(reportingPeriodLabel('2026-07-15', '2026-09-30')).toBe('15 July 2026 to 30 September 2026');
  });
});
