import { describe, expect, it } from 'vitest';
import { deliveryPeriods, modeOfProfile, modesFor, moveProfile } from './delivery-periods.js';

describe('delivery periods', () => {
  it('counts contract years from the expected start, the last one shorter when the duration is not whole years', () => {
    expect(deliveryPeriods('2027-04-01', 18, 'year')).toEqual([
      { periodStart: '2027-04-01', periodEnd: '2028-03-31', name: 'year 1', label: 'Year 1 (1 April 2027 to 31 March 2028)' },
      { periodStart: '2028-04-01', periodEnd: '2028-09-30', name: 'year 2', label: 'Year 2 (1 April 2028 to 30 September 2028)' },
    ]);
  });

  it('counts quarters of three months that follow on with no gap, even from the end of a month', () => {
    const quarters = deliveryPeriods('2027-01-31', 12, 'quarter');
    expect(quarters.map((q) => [q.periodStart, q.periodEnd])).toEqual([
      ['2027-01-31', '2027-04-29'],
      ['2027-04-30', '2027-07-30'],
      ['2027-07-31', '2027-10-30'],
      ['2027-10-31', '2028-01-30'],
    ]);
    expect(quarters[1]!.label).toBe('Quarter 2 (30 April 2027 to 30 July 2027)');
  });

  it('has a single period for a contract shorter than the period', () => {
    expect(deliveryPeriods('2027-04-01', 2, 'quarter')).toEqual([
      { periodStart: '2027-04-01', periodEnd: '2027-05-31', name: 'quarter 1', label: 'Quarter 1 (1 April 2027 to 31 May 2027)' },
    ]);
  });

  it('offers quarters only up to ten years of them', () => {
    expect(modesFor(120)).toEqual(['year', 'quarter']);
    expect(modesFor(121)).toEqual(['year']);
  });

  it('tells which way a saved profile was given from its periods', () => {
    const byQuarter = deliveryPeriods('2027-04-01', 24, 'quarter').map((p) => ({ ...p, quantityHundredths: 100 }));
    const byYear = deliveryPeriods('2027-04-01', 24, 'year').map((p) => ({ ...p, quantityHundredths: 100 }));
    expect(modeOfProfile(byQuarter, '2027-04-01', 24)).toBe('quarter');
    expect(modeOfProfile(byYear, '2027-04-01', 24)).toBe('year');
    expect(modeOfProfile([], '2027-04-01', 24)).toBe('year');
  });

  it('moves a profile to the contract’s actual start, each period keeping its place in the contract', () => {
    const planned = deliveryPeriods('2027-04-01', 18, 'year').map((p, i) => ({
      periodStart: p.periodStart,
      periodEnd: p.periodEnd,
      quantityHundredths: (i + 1) * 100,
    }));
    expect(moveProfile(planned, '2027-04-01', '2026-04-01')).toEqual([
      { periodStart: '2026-04-01', periodEnd: '2027-03-31', quantityHundredths: 100 },
      { periodStart: '2027-04-01', periodEnd: '2027-09-30', quantityHundredths: 200 },
    ]);
    expect(moveProfile(planned, '2027-04-01', '2027-06-15')).toEqual([
      { periodStart: '2027-06-15', periodEnd: '2028-06-14', quantityHundredths: 100 },
      { periodStart: '2028-06-15', periodEnd: '2028-12-14', quantityHundredths: 200 },
    ]);
    expect(moveProfile(planned, '2027-04-01', '2027-04-01')).toEqual(planned);
  });
});
