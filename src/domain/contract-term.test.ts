import { describe, expect, it } from 'vitest';
import { contractEndDate } from './contract-term.js';

describe('contractEndDate', () => {
  it('ends the day before the same date after the term', () => {
    expect(contractEndDate('2026-04-01', 12)).toBe('2027-03-31');
    expect(contractEndDate('2026-09-15', 6)).toBe('2027-03-14');
    expect(contractEndDate('2026-01-01', 36)).toBe('2028-12-31');
  });

  it('ends on the last day of a month too short for the start date', () => {
    expect(contractEndDate('2026-01-31', 1)).toBe('2026-02-28');
    expect(contractEndDate('2027-11-30', 3)).toBe('2028-02-29');
  });

  it('crosses the start of a month', () => {
    expect(contractEndDate('2026-03-01', 1)).toBe('2026-03-31');
  });
});
