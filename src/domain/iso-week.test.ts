import { describe, expect, it } from 'vitest';
import { isoWeek } from './iso-week.js';

describe('isoWeek', () => {
  it('numbers weeks from Monday to Sunday', () => {
    expect(isoWeek('2026-11-23')).toBe('2026-W48'); // Monday
    expect(isoWeek('2026-11-29')).toBe('2026-W48'); // Sunday
    expect(isoWeek('2026-11-30')).toBe('2026-W49');
  });

  it('gives the days around New Year to the year that holds their Thursday', () => {
    expect(isoWeek('2026-01-01')).toBe('2026-W01'); // a Thursday
    expect(isoWeek('2027-01-01')).toBe('2026-W53'); // a Friday in the 53rd week of 2026
    expect(isoWeek('2027-01-04')).toBe('2027-W01');
    expect(isoWeek('2024-12-30')).toBe('2025-W01'); // a Monday whose Thursday is 2 January 2025
  });
});
