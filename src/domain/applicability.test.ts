import { describe, expect, it } from 'vitest';
import { applicability, thresholdInForce, type ThresholdRule } from './applicability.js';

/** The thresholds the service starts with (src/seed/demo.ts). */
const thresholds: ThresholdRule[] = [
  { kind: 'statutory', amountPence: 21_490_400, includesVat: true, effectiveFrom: '2024-01-01' },
  { kind: 'policy_minimum', amountPence: 5_000_000, includesVat: false, effectiveFrom: '2018-10-16' },
  { kind: 'statutory', amountPence: 18_130_200, includesVat: false, effectiveFrom: '2018-01-01' },
  { kind: 'statutory', amountPence: 21_347_700, includesVat: true, effectiveFrom: '2022-01-01' },
  { kind: 'statutory', amountPence: 18_933_000, includesVat: false, effectiveFrom: '2020-01-01' },
];

describe('applicability on 22 November 2026, values excluding VAT', () => {
  it('puts £49,999 out of scope, one pound below the policy minimum', () => {
    const answer = applicability(4_999_900, false, '2026-11-22', thresholds);
    expect(answer.level).toBe('out_of_scope');
    expect(answer.label).toBe('Out of scope');
    expect(answer.policyThreshold?.amountPence).toBe(5_000_000);
    expect(answer.statutoryThreshold?.amountPence).toBe(21_490_400);
    expect(answer.explanation).toBe(
      '£49,999 excluding VAT is below the policy minimum of £50,000 excluding VAT, in force from 16 October 2018. ' +
        'Social value is not required, but it is encouraged.',
    );
  });

  it('requires social value by policy at exactly £50,000', () => {
    const answer = applicability(5_000_000, false, '2026-11-22', thresholds);
    expect(answer.level).toBe('policy');
    expect(answer.label).toBe('Required by policy');
    expect(answer.explanation).toBe(
      '£50,000 excluding VAT is at or above the policy minimum of £50,000 excluding VAT, in force from 16 October 2018. ' +
        'With VAT added at the standard rate of 20%, it is £60,000, below the statutory threshold of £214,904 including VAT, in force from 1 January 2024. ' +
        'The council’s policy requires social value to be considered and captured.',
    );
  });

  it('makes £250,000 a statutory duty, compared with the threshold including VAT as £300,000', () => {
    const answer = applicability(25_000_000, false, '2026-11-22', thresholds);
    expect(answer.level).toBe('statutory');
    expect(answer.label).toBe('Statutory duty');
    expect(answer.statutoryThreshold).toEqual(thresholds[0]);
    expect(answer.explanation).toBe(
      'With VAT added at the standard rate of 20%, £250,000 excluding VAT is £300,000, at or above the statutory threshold of £214,904 including VAT, in force from 1 January 2024. ' +
        'The Public Services (Social Value) Act 2012 duty applies, as well as the council’s policy.',
    );
  });
});

describe('applicability at the edges of a threshold', () => {
  it('counts a value exactly at the statutory threshold on the day it takes effect', () => {
    expect(applicability(21_490_400, true, '2024-01-01', thresholds).level).toBe('statutory');
    expect(applicability(21_490_399, true, '2024-01-01', thresholds).level).toBe('policy');
  });

  it('uses the old threshold the day before a new one starts', () => {
    const before = applicability(21_400_000, true, '2023-12-31', thresholds);
    expect(before.statutoryThreshold?.amountPence).toBe(21_347_700);
    expect(before.level).toBe('statutory');
    const after = applicability(21_400_000, true, '2024-01-01', thresholds);
    expect(after.statutoryThreshold?.amountPence).toBe(21_490_400);
    expect(after.level).toBe('policy');
  });

  it('takes VAT off a value that includes it before comparing it with a threshold that does not, exactly', () => {
    // £189,330 excluding VAT is £227,196 including VAT.
    const at = applicability(22_719_600, true, '2020-06-01', thresholds);
    expect(at.level).toBe('statutory');
    expect(at.explanation).toContain(
      'Without VAT at the standard rate of 20%, £227,196 including VAT is £189,330, at or above the statutory threshold of £189,330 excluding VAT, in force from 1 January 2020.',
    );
    // One penny less is £189,329.99 1/6 without VAT: below, although it rounds to within a penny.
    const below = applicability(22_719_599, true, '2020-06-01', thresholds);
    expect(below.level).toBe('policy');
    expect(below.explanation).toContain('it is £189,329.99, below the statutory threshold of £189,330 excluding VAT');
  });

  it('adds VAT to a value that excludes it, without rounding it up to the threshold', () => {
    // £214,904 including VAT is £179,086.66 2/3 excluding VAT.
    expect(applicability(17_908_666, false, '2026-11-22', thresholds).level).toBe('policy');
    expect(applicability(17_908_667, false, '2026-11-22', thresholds).level).toBe('statutory');
  });

  it('applies the statutory duty before the policy existed, and says there was no policy minimum', () => {
    const answer = applicability(18_130_200, false, '2018-01-01', thresholds);
    expect(answer.level).toBe('statutory');
    expect(answer.policyThreshold).toBeNull();
    expect(answer.explanation).toBe(
      '£181,302 excluding VAT is at or above the statutory threshold of £181,302 excluding VAT, in force from 1 January 2018. ' +
        'The Public Services (Social Value) Act 2012 duty applies.',
    );
  });

  it('applies no threshold to a date before any existed', () => {
    const answer = applicability(100_000_000, false, '2017-12-31', thresholds);
    expect(answer).toEqual({
      level: 'out_of_scope',
      label: 'Out of scope',
      policyThreshold: null,
      statutoryThreshold: null,
      explanation:
        'No policy minimum was in force on 31 December 2017. No statutory threshold was in force on 31 December 2017. ' +
        'Social value is not required, but it is encouraged.',
    });
  });

  it('finds nothing in scope when there are no thresholds at all', () => {
    const answer = applicability(25_000_000, false, '2026-11-22', []);
    expect(answer.level).toBe('out_of_scope');
    expect(answer.policyThreshold).toBeNull();
    expect(answer.statutoryThreshold).toBeNull();
  });

  it('names the value when only the statutory threshold is in force and the value is below it', () => {
    const statutoryOnly = thresholds.filter((t) => t.kind === 'statutory');
    expect(applicability(100, false, '2026-11-22', statutoryOnly).explanation).toBe(
      'No policy minimum was in force on 22 November 2026. ' +
        'With VAT added at the standard rate of 20%, £1 excluding VAT is £1.20, below the statutory threshold of £214,904 including VAT, in force from 1 January 2024. ' +
        'Social value is not required, but it is encouraged.',
    );
  });

  it('refuses values and dates it cannot read', () => {
    expect(() => applicability(-1, false, '2026-11-22', thresholds)).toThrow(RangeError);
    expect(() => applicability(1.5, false, '2026-11-22', thresholds)).toThrow(RangeError);
    expect(() => applicability(100, false, '22/11/2026', thresholds)).toThrow(RangeError);
  });
});

describe('thresholdInForce', () => {
  it('picks the latest start on or before the date, whatever the order given', () => {
    expect(thresholdInForce(thresholds, 'statutory', '2021-12-31')?.amountPence).toBe(18_933_000);
    expect(thresholdInForce([...thresholds].reverse(), 'statutory', '2021-12-31')?.amountPence).toBe(18_933_000);
    expect(thresholdInForce(thresholds, 'policy_minimum', '2018-10-15')).toBeNull();
  });
});
