import { describe, expect, it } from 'vitest';
import { measuredUntil, reportingPeriods } from './reporting-periods.js';

describe('reportingPeriods', () => {
  it('splits a contract into financial-year quarters, clipped to its dates, each due 30 days after it ends', () => {
    const periods = reportingPeriods('2026-05-15', '2027-01-10', 'quarterly');
    expect(periods).toEqual([
      { periodStart: '2026-05-15', periodEnd: '2026-06-30', dueDate: '2026-07-30', label: 'April to June 2026' },
      { periodStart: '2026-07-01', periodEnd: '2026-09-30', dueDate: '2026-10-30', label: 'July to September 2026' },
      { periodStart: '2026-10-01', periodEnd: '2026-12-31', dueDate: '2027-01-30', label: 'October to December 2026' },
      { periodStart: '2027-01-01', periodEnd: '2027-01-10', dueDate: '2027-02-09', label: 'January to March 2027' },
    ]);
  });

  it('labels months, half years across a year end, and financial years', () => {
    expect(reportingPeriods('2026-11-01', '2026-12-31', 'monthly').map((p) => p.label)).toEqual(['November 2026', 'December 2026']);
    expect(reportingPeriods('2026-10-01', '2027-03-31', 'six_monthly')[0]?.label).toBe('October 2026 to March 2027');
    expect(reportingPeriods('2026-04-01', '2028-03-31', 'annual').map((p) => p.label)).toEqual(['2026 to 2027', '2027 to 2028']);
  });

  it('handles a contract of a single day', () => {
    expect(reportingPeriods('2027-02-28', '2027-02-28', 'quarterly')).toHaveLength(1);
  });
});

describe('measuredUntil', () => {
  const periods = reportingPeriods('2026-04-01', '2028-03-31', 'quarterly');

  it('is the end of the latest period whose report is due, 30 days after it ends', () => {
    expect(measuredUntil(periods, '2026-11-22')).toBe('2026-09-30');
    expect(measuredUntil(periods, '2026-10-30')).toBe('2026-06-30');
    expect(measuredUntil(periods, '2026-10-31')).toBe('2026-09-30');
  });

  it('is none before the first report is due', () => {
    expect(measuredUntil(periods, '2026-07-30')).toBeNull();
  });

  it('runs to the end of a period whose report was handed in before it was due', () => {
    expect(measuredUntil(periods, '2026-10-15', '2026-09-30')).toBe('2026-09-30');
    expect(measuredUntil(periods, '2026-07-15', '2026-06-30')).toBe('2026-06-30');
    expect(measuredUntil(periods, '2026-11-22', '2026-06-30')).toBe('2026-09-30');
  });
});
