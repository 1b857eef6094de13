import { describe, expect, it } from 'vitest';
import { commitmentLine, profileLines } from './presenters.js';

describe('commitmentLine', () => {
  it('shows a valued commitment with its value, and a counted one without', () => {
    expect(commitmentLine({ code: 'LE01', title: 'Local people employed', unit: 'FTE years', quantityHundredths: 250, svPence: 5_123_450 })).toEqual({
      measure: 'LE01 Local people employed',
      amount: '2.5 FTE years',
      value: '£51,234.50',
    });
    expect(commitmentLine({ code: 'GC02', title: 'Trees planted', unit: 'trees', quantityHundredths: 10_000, svPence: null }).value).toBe(
      'Counted, not valued in pounds',
    );
    expect(commitmentLine({ code: 'LE05', title: 'Local spend', unit: '£', quantityHundredths: 1_500_000, svPence: 0 }).amount).toBe('£15,000');
  });
});

describe('profileLines', () => {
  it('names each period and its quantity', () => {
    expect(
      profileLines(
        [
          { periodStart: '2027-04-01', periodEnd: '2028-03-31', quantityHundredths: 100 },
          { periodStart: '2028-04-01', periodEnd: '2029-03-31', quantityHundredths: 150 },
        ],
        'people',
      ),
    ).toEqual(['1 April 2027 to 31 March 2028: 1 people', '1 April 2028 to 31 March 2029: 1.5 people']);
  });
});
