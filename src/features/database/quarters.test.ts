import { describe, expect, it } from 'vitest';
import { parseQuarter, quartersBetween } from './quarters.js';

describe('the quarters the database is filtered by', () => {
  it('reads a quarter from a link and gives its dates and label', () => {
    expect(parseQuarter('2026-10-01')).toEqual({ value: '2026-10-01', label: '2026 to 2027 Q3', start: '2026-10-01', end: '2026-12-31' });
    expect(parseQuarter('2026-01-01')).toEqual({ value: '2026-01-01', label: '2025 to 2026 Q4', start: '2026-01-01', end: '2026-03-31' });
  });

  it('refuses what is not a quarter', () => {
    for (const bad of ['2026-05-01', '2026-10-02', '2026-Q1', 'last year', '', '0001-01-01']) expect(parseQuarter(bad)).toBeNull();
  });

  it('lists the quarters between two dates, newest first, across the turn of the year', () => {
    expect(quartersBetween('2025-05-10', '2026-01-02').map((q) => q.value)).toEqual(['2026-01-01', '2025-10-01', '2025-07-01', '2025-04-01']);
    expect(quartersBetween('2026-04-01', '2026-04-01').map((q) => q.value)).toEqual(['2026-04-01']);
  });
});
