import { describe, expect, it } from 'vitest';
import { parseQuarter, quarterContaining, quartersBetween } from './quarters.js';

describe('financial quarters', () => {
  it('reads a quarter from a link and gives its dates and label', () => {
    expect(parseQuarter('2026-Q3')).toEqual({ value: '2026-Q3', label: '2026 to 2027 Q3', start: '2026-10-01', end: '2026-12-31' });
    expect(parseQuarter('2025-Q4')).toEqual({ value: '2025-Q4', label: '2025 to 2026 Q4', start: '2026-01-01', end: '2026-03-31' });
  });

  it('refuses what is not a quarter', () => {
    for (const bad of ['2026-Q5', '2026-Q0', '26-Q1', 'last year', '', '2026Q1', '0001-Q1']) expect(parseQuarter(bad)).toBeNull();
  });

  it('finds the quarter of a date, across the turn of the calendar year', () => {
    expect(quarterContaining('2026-04-01').value).toBe('2026-Q1');
    expect(quarterContaining('2026-06-30').value).toBe('2026-Q1');
    expect(quarterContaining('2026-12-31').value).toBe('2026-Q3');
    expect(quarterContaining('2027-01-01').value).toBe('2026-Q4');
    expect(quarterContaining('2027-03-31').value).toBe('2026-Q4');
  });

  it('lists the quarters between two dates, newest first', () => {
    expect(quartersBetween('2025-05-10', '2026-01-02').map((q) => q.value)).toEqual(['2025-Q4', '2025-Q3', '2025-Q2', '2025-Q1']);
    expect(quartersBetween('2026-04-01', '2026-04-01').map((q) => q.value)).toEqual(['2026-Q1']);
  });
});
