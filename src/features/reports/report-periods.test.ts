import { describe, expect, it } from 'vitest';
import { availableReports, financialYearOf, isAvailable, isUnderway, reportPeriod, trendQuarters } from './report-periods.js';

describe('reportPeriod', () => {
  it('reads a quarter by its first day and a financial year by the year it starts in', () => {
    expect(reportPeriod('quarterly', '2026-07-01')).toEqual({
      kind: 'quarterly',
      period: '2026-07-01',
      from: '2026-07-01',
      to: '2026-07-01',
      name: '2026 to 2027 Q2',
      months: 'July to September 2026',
      path: '/reports/quarterly/2026-07-01',
    });
    expect(reportPeriod('annual', '2026')).toMatchObject({
      from: '2026-04-01',
      to: '2027-01-01',
      name: '2026 to 2027',
      months: 'April 2026 to March 2027',
      path: '/reports/annual/2026',
    });
    expect(reportPeriod('quarterly', '2027-01-01')?.name).toBe('2026 to 2027 Q4');
  });

  it('names nothing for a malformed quarter or year', () => {
    for (const bad of ['2026-02-01', '2026-07-02', '2026-7-1', '', '2026-07-01.pdf']) expect(reportPeriod('quarterly', bad)).toBeNull();
    for (const bad of ['26', '2026-27', 'twenty', '0999', '']) expect(reportPeriod('annual', bad)).toBeNull();
  });
});

describe('availableReports', () => {
  const quarters = ['2025-01-01', '2025-04-01', '2025-07-01', '2026-10-01', '2027-01-01'];
  it('offers quarters that have figures and have begun, and their financial years, newest first', () => {
    const { quarterly, annual } = availableReports(quarters, '2026-11-22');
    expect(quarterly.map((p) => p.period)).toEqual(['2026-10-01', '2025-07-01', '2025-04-01', '2025-01-01']);
    expect(annual.map((p) => p.period)).toEqual(['2026', '2025', '2024']);
    expect(financialYearOf('2025-01-01')).toBe(2024);
  });

  it('refuses a period with no figures or not begun', () => {
    expect(isAvailable(reportPeriod('quarterly', '2027-01-01')!, quarters, '2026-11-22')).toBe(false);
    expect(isAvailable(reportPeriod('quarterly', '2025-10-01')!, quarters, '2026-11-22')).toBe(false);
    expect(isAvailable(reportPeriod('annual', '2023')!, quarters, '2026-11-22')).toBe(false);
    expect(isAvailable(reportPeriod('annual', '2026')!, quarters, '2026-11-22')).toBe(true);
  });

  it('knows a period still running and the eight quarters of its trend', () => {
    expect(isUnderway(reportPeriod('annual', '2026')!, '2026-11-22')).toBe(true);
    expect(isUnderway(reportPeriod('quarterly', '2026-07-01')!, '2026-11-22')).toBe(false);
    expect(trendQuarters(reportPeriod('annual', '2026')!)).toEqual({ from: '2025-04-01', to: '2027-01-01' });
  });
});
