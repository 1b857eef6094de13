import { describe, expect, it } from 'vitest';
import { formatQuantity, parseQuantity, quantityToDecimal } from './quantity.js';
import { socialValuePence, totalSocialValuePence } from './social-value.js';

describe('socialValuePence', () => {
  it('values 100 volunteering hours at £12.71 an hour with no adjustments as £1,271', () => {
    expect(socialValuePence(10_000, { proxyPencePerUnit: 1271, deadweightBps: 0, attributionBps: 0 })).toBe(127_100);
  });

  it('takes off deadweight and then attribution', () => {
    // 10 tonnes x £264 = £2,640; less 25% deadweight = £1,980; less 10% attribution = £1,782
    expect(socialValuePence(1000, { proxyPencePerUnit: 26_400, deadweightBps: 2500, attributionBps: 1000 })).toBe(178_200);
  });

  it('rounds half a penny up, and works on fractions of a unit', () => {
    // 0.5 hours x 1p = 0.5p -> 1p; 0.49 hours x 1p = 0.49p -> 0p
    expect(socialValuePence(50, { proxyPencePerUnit: 1, deadweightBps: 0, attributionBps: 0 })).toBe(1);
    expect(socialValuePence(49, { proxyPencePerUnit: 1, deadweightBps: 0, attributionBps: 0 })).toBe(0);
  });

  it('gives no pounds for a measure without a proxy, and totals leave it out', () => {
    expect(socialValuePence(500, { proxyPencePerUnit: null, deadweightBps: 0, attributionBps: 0 })).toBeNull();
    expect(totalSocialValuePence([100, null, 250])).toBe(350);
  });

  it('stays exact for large quantities', () => {
    expect(socialValuePence(1_000_000_000, { proxyPencePerUnit: 26_400, deadweightBps: 0, attributionBps: 0 })).toBe(264_000_000_000);
  });
});

describe('quantities', () => {
  it('reads what people type as hundredths', () => {
    expect(parseQuantity('12.5')).toBe(1250);
    expect(parseQuantity('1,200')).toBe(120_000);
    expect(parseQuantity(' 3 ')).toBe(300);
    for (const bad of ['-1', 'ten', '1.234', '', '1e3']) expect(parseQuantity(bad), bad).toBeNull();
  });

  it('shows hundredths as numbers', () => {
    expect(formatQuantity(120_000)).toBe('1,200');
    expect(formatQuantity(1250)).toBe('12.5');
    expect(quantityToDecimal(1250)).toBe('12.5');
    expect(quantityToDecimal(1205)).toBe('12.05');
    expect(quantityToDecimal(300)).toBe('3');
  });
});
