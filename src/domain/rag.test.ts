import { describe, expect, it } from 'vitest';
import { profiledToDate } from './delivery-profile.js';
import { contractRating, deliveredPercent, rag } from './rag.js';

describe('rag', () => {
  it('is green at 95% of the profile and above, amber from 75%, red below, not yet due with nothing profiled', () => {
    expect(rag(9500, 10000)).toBe('green');
    expect(rag(12000, 10000)).toBe('green');
    expect(rag(9499, 10000)).toBe('amber');
    expect(rag(7500, 10000)).toBe('amber');
    expect(rag(7499, 10000)).toBe('red');
    expect(rag(0, 10000)).toBe('red');
    expect(rag(500, 0)).toBe('not_yet_due');
  });

  it('counts the profile up to the date delivery is measured until, nothing without one', () => {
    const profile = [
      { periodStart: '2026-04-01', periodEnd: '2026-06-30', quantityHundredths: 1000 },
      { periodStart: '2026-07-01', periodEnd: '2026-09-30', quantityHundredths: 2000 },
      { periodStart: '2026-10-01', periodEnd: '2026-12-31', quantityHundredths: 4000 },
    ];
    expect(profiledToDate(profile, null)).toBe(0);
    expect(profiledToDate(profile, '2026-06-30')).toBe(1000);
    expect(profiledToDate(profile, '2026-09-30')).toBe(3000);
    expect(profiledToDate(profile, '2027-03-31')).toBe(7000);
  });

  it('takes the share by days of a period that runs past that date', () => {
    const year = [{ periodStart: '2026-04-01', periodEnd: '2027-03-31', quantityHundredths: 36_500 }];
    // 1 April to 30 September is 183 of the year's 365 days
    expect(profiledToDate(year, '2026-09-30')).toBe(18_300);
    expect(profiledToDate(year, '2026-03-31')).toBe(0);
  });

  it('shows delivered as a whole percentage', () => {
    expect(deliveredPercent(2, 3)).toBe(66);
    expect(deliveredPercent(1, 0)).toBeNull();
  });
});

describe('contractRating', () => {
  it('rates on the Procurement Act scale from the commitments that are due', () => {
    expect(contractRating(['green', 'green', 'not_yet_due'])).toBe('good');
    expect(contractRating(['green', 'amber'])).toBe('approaching_target');
    expect(contractRating(['green', 'red'])).toBe('requires_improvement');
    expect(contractRating(['red', 'red', 'green'])).toBe('inadequate');
    expect(contractRating(['not_yet_due'])).toBeNull();
    expect(contractRating([])).toBeNull();
  });
});
