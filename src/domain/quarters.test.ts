import { describe, expect, it } from 'vitest';
import { addQuarters, isQuarter, quarterLabel, quarterMonths, quarterOf, quarterShortLabel } from './quarters.js';

describe('quarters', () => {
  it('finds the quarter of a date', () => {
    expect(quarterOf('2026-02-28')).toBe('2026-01-01');
    expect(quarterOf('2026-09-30')).toBe('2026-07-01');
    expect(quarterOf('2026-10-01')).toBe('2026-10-01');
  });
  it('names quarters after the financial year', () => {
    expect(quarterLabel('2026-07-01')).toBe('2026 to 2027 Q2');
    expect(quarterLabel('2027-01-01')).toBe('2026 to 2027 Q4');
    expect(quarterShortLabel('2027-01-01')).toBe('Q4 2026-27');
    expect(quarterMonths('2026-10-01')).toBe('October to December 2026');
  });
  it('steps between quarters across years', () => {
    expect(addQuarters('2026-10-01', 1)).toBe('2027-01-01');
    expect(addQuarters('2026-01-01', -1)).toBe('2025-10-01');
    expect(addQuarters('2026-04-01', 8)).toBe('2028-04-01');
  });
  it('knows a quarter from another date', () => {
    expect(isQuarter('2026-04-01')).toBe(true);
    expect(isQuarter('2026-05-01')).toBe(false);
    expect(isQuarter('nonsense')).toBe(false);
  });
});
