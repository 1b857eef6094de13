import { describe, expect, it } from 'vitest';
import { periodLabel, profiledInPeriod, profiledToDate } from './delivery-profile.js';
import { reportingPeriods } from './reporting-periods.js';

const yearly = [
  { periodStart: '2026-04-01', periodEnd: '2027-03-31', quantityHundredths: 75_000 },
  { periodStart: '2027-04-01', periodEnd: '2028-03-31', quantityHundredths: 36_500 },
];
const sixMonthly = [
  { periodStart: '2026-04-01', periodEnd: '2026-09-30', quantityHundredths: 30_000 },
  { periodStart: '2026-10-01', periodEnd: '2027-03-31', quantityHundredths: 30_000 },
];
const quarterly = [
  { periodStart: '2026-04-01', periodEnd: '2026-06-30', quantityHundredths: 20_000 },
  { periodStart: '2026-07-01', periodEnd: '2026-09-30', quantityHundredths: 20_000 },
  { periodStart: '2026-10-01', periodEnd: '2026-12-31', quantityHundredths: 20_000 },
  { periodStart: '2027-01-01', periodEnd: '2027-03-31', quantityHundredths: 20_000 },
];
const reports = (frequency: 'quarterly' | 'monthly') => reportingPeriods('2026-04-01', '2027-03-31', frequency);

describe('profiledInPeriod', () => {
  it('shares a yearly profile among quarterly reports by days, never the whole year in the first quarter', () => {
    const [q1, q2, q3, q4] = reports('quarterly').map((p) => profiledInPeriod(yearly, p.periodStart, p.periodEnd));
    // 91, 92, 92 and 90 of the year's 365 days
    expect([q1, q2, q3, q4]).toEqual([18_698, 18_904, 18_904, 18_494]);
    expect(q1! + q2! + q3! + q4!).toBe(75_000);
  });

  it('shares six-monthly and quarterly profiles among monthly reports', () => {
    const months = reports('monthly');
    const april = months[0]!;
    expect(profiledInPeriod(sixMonthly, april.periodStart, april.periodEnd)).toBe(4_918); // 30 of 183 days
    expect(profiledInPeriod(quarterly, april.periodStart, april.periodEnd)).toBe(6_593); // 30 of 91 days
    expect(months.reduce((sum, p) => sum + profiledInPeriod(sixMonthly, p.periodStart, p.periodEnd), 0)).toBe(60_000);
    expect(months.reduce((sum, p) => sum + profiledInPeriod(quarterly, p.periodStart, p.periodEnd), 0)).toBe(80_000);
  });

  it('gives a quarterly profile to quarterly reports as it is', () => {
    expect(reports('quarterly').map((p) => profiledInPeriod(quarterly, p.periodStart, p.periodEnd))).toEqual([20_000, 20_000, 20_000, 20_000]);
    expect(reports('quarterly').map((p) => profiledInPeriod(sixMonthly, p.periodStart, p.periodEnd))).toEqual([14_918, 15_082, 15_164, 14_836]);
  });

  it('agrees with what RAG measures: the periods up to a date add up to the profile to that date', () => {
    for (const profile of [yearly, sixMonthly, quarterly]) {
      for (const frequency of ['quarterly', 'monthly'] as const) {
        let sum = 0;
        for (const p of reports(frequency)) {
          sum += profiledInPeriod(profile, p.periodStart, p.periodEnd);
          expect(sum).toBe(profiledToDate(profile, p.periodEnd));
        }
      }
    }
  });

  it('is nothing outside the profile', () => {
    expect(profiledInPeriod(quarterly, '2025-04-01', '2025-06-30')).toBe(0);
    expect(profiledInPeriod([], '2026-04-01', '2026-06-30')).toBe(0);
  });
});

describe('periodLabel', () => {
  it('names periods of any length by their months', () => {
    expect(periodLabel('2026-07-01', '2026-07-31')).toBe('July 2026');
    expect(periodLabel('2026-04-01', '2026-06-30')).toBe('April to June 2026');
    expect(periodLabel('2026-04-01', '2026-09-30')).toBe('April to September 2026');
    expect(periodLabel('2026-10-01', '2027-03-31')).toBe('October 2026 to March 2027');
    expect(periodLabel('2026-04-01', '2027-03-31')).toBe('2026 to 2027');
    expect(periodLabel('2026-07-01', '2027-06-30')).toBe('July 2026 to June 2027');
    expect(periodLabel('2026-04-01', '2028-03-31')).toBe('April 2026 to March 2028');
  });

  it('names a period that does not run in whole months by its dates', () => {
    expect(periodLabel('2026-07-15', '2027-07-14')).toBe('15 July 2026 to 14 July 2027');
    expect(periodLabel('2026-05-15', '2026-06-30')).toBe('15 May 2026 to 30 June 2026');
  });
});
