import { describe, expect, it } from 'vitest';
import { commitmentStatus, contractStatus } from './delivery-status.js';

const profile = [
  { periodStart: '2025-04-01', periodEnd: '2025-06-30', quantityHundredths: 1000 },
  { periodStart: '2025-07-01', periodEnd: '2025-09-30', quantityHundredths: 1000 },
];
const valued = { proxyPencePerUnit: 10000, deadweightBps: 1000, attributionBps: 0 };
const unvalued = { proxyPencePerUnit: null, deadweightBps: 0, attributionBps: 0 };

describe('commitmentStatus', () => {
  it('measures delivery against the profile up to the date it is measured until', () => {
    const status = commitmentStatus('c', profile, 900, valued, '2025-06-30');
    expect(status).toMatchObject({ profiledToDate: 1000, deliveredToDate: 900, percent: 90, rag: 'amber' });
  });

  it('is not yet due while no report is due, whatever was delivered', () => {
    expect(commitmentStatus('c', profile, 500, valued, null)).toMatchObject({ profiledToDate: 0, percent: null, rag: 'not_yet_due' });
  });

  it('values delivery with the measure proxy, and leaves unvalued measures out of pounds', () => {
    // 9 units x £100 x (1 - 10% deadweight) = £810
    expect(commitmentStatus('c', profile, 900, valued, '2025-09-30').valuePence).toBe(81000);
    expect(commitmentStatus('c', profile, 900, unvalued, '2025-09-30').valuePence).toBeNull();
  });

  it('is red below 75% of the profile', () => {
    expect(commitmentStatus('c', profile, 1400, valued, '2025-09-30').rag).toBe('red');
  });
});

describe('contractStatus', () => {
  const green = commitmentStatus('a', profile, 2000, valued, '2025-09-30');
  const red = commitmentStatus('b', profile, 0, unvalued, '2025-09-30');

  it('computes the rating from the commitments and sums the value delivered', () => {
    const status = contractStatus('x', '2025-09-30', [green, red], null, 500);
    expect(status).toMatchObject({ computedRating: 'requires_improvement', effectiveRating: 'requires_improvement', overridden: false });
    expect(status.deliveredValuePence).toBe(green.valuePence);
    expect(status.additionalValuePence).toBe(500);
  });

  it('lets an override win over the computed rating, which is still reported', () => {
    const status = contractStatus('x', '2025-09-30', [green, red], 'good', 0);
    expect(status).toMatchObject({ computedRating: 'requires_improvement', effectiveRating: 'good', overridden: true });
  });

  it('has no rating while nothing is due', () => {
    expect(contractStatus('x', null, [], null, 0)).toMatchObject({ computedRating: null, effectiveRating: null });
  });
});
