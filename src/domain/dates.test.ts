import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, isoFromParts, todayIso } from './dates.js';

describe('dates', () => {
  it('shows dates as "22 November 2026"', () => {
    expect(formatDate('2026-11-22')).toBe('22 November 2026');
    expect(formatDate(new Date('2026-07-01T23:30:00Z'))).toBe('2 July 2026'); // British Summer Time
    expect(formatDate(null)).toBe('');
  });

  it('shows times in the UK on the 12-hour clock, midnight as 12', () => {
    expect(formatDateTime(new Date('2026-11-22T00:45:00Z'))).toBe('22 November 2026 at 12:45am');
    expect(formatDateTime(new Date('2026-11-22T15:05:00Z'))).toBe('22 November 2026 at 3:05pm');
  });

  it('accepts only real dates from day, month and year fields', () => {
    expect(isoFromParts('29', '2', '2028')).toBe('2028-02-29');
    expect(isoFromParts('29', '2', '2027')).toBeNull();
    expect(isoFromParts('1', '13', '2027')).toBeNull();
    expect(isoFromParts('a', '1', '2027')).toBeNull();
  });

  it("gives today's date in the UK", () => {
    expect(todayIso(new Date('2026-06-30T23:30:00Z'))).toBe('2026-07-01');
  });
});
