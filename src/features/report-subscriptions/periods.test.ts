import { describe, expect, it } from 'vitest';
import { endedPeriodsFrom, latestEndedPeriod, nextPeriod, periodLabel } from './periods.js';

describe('the periods a subscription is due', () => {
  it('finds the latest quarter that has ended: the one before today’s', () => {
    expect(latestEndedPeriod('quarterly', '2026-09-30')).toBe('2026-04-01');
    expect(latestEndedPeriod('quarterly', '2026-10-01')).toBe('2026-07-01');
    expect(latestEndedPeriod('quarterly', '2026-02-14')).toBe('2025-10-01');
  });

  it('finds the latest financial year that has ended (April to March)', () => {
    expect(latestEndedPeriod('annual', '2027-03-31')).toBe('2025');
    expect(latestEndedPeriod('annual', '2027-04-01')).toBe('2026');
    expect(latestEndedPeriod('annual', '2026-12-01')).toBe('2025');
  });

  it('lists the ended periods from the first one sent, oldest first', () => {
    expect(endedPeriodsFrom('quarterly', '2026-04-01', '2027-01-05')).toEqual(['2026-04-01', '2026-07-01', '2026-10-01']);
    expect(endedPeriodsFrom('quarterly', '2026-10-01', '2026-12-31')).toEqual([]);
    expect(endedPeriodsFrom('annual', '2025', '2027-04-01')).toEqual(['2025', '2026']);
    expect(endedPeriodsFrom('annual', '2026', '2027-03-31')).toEqual([]);
  });

  it('steps to the next period across a year end', () => {
    expect(nextPeriod('quarterly', '2026-10-01')).toBe('2027-01-01');
    expect(nextPeriod('annual', '2026')).toBe('2027');
  });

  it('names periods as the reports do', () => {
    expect(periodLabel('quarterly', '2026-07-01')).toBe('July to September 2026');
    expect(periodLabel('annual', '2026')).toBe('2026 to 2027');
  });
});
