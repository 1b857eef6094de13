import { describe, expect, it } from 'vitest';
import { reportingPeriods } from '../../domain/reporting-periods.js';
import { earliestRemindedPeriodEnd, reminderFor } from './reminder-rules.js';

// July to September 2026: ends 30 September, due 30 October
const period = reportingPeriods('2026-07-01', '2026-09-30', 'quarterly')[0]!;

describe('reminderFor July to September 2026, due 30 October 2026', () => {
  it('asks for nothing while the period runs and in the first weeks after it', () => {
    expect(reminderFor(period, '2026-09-30')).toBeNull();
    expect(reminderFor(period, '2026-10-01')).toBeNull();
    expect(reminderFor(period, '2026-10-22')).toBeNull();
  });

  it('sends the due reminder from 7 days before the due date up to the due date', () => {
    expect(reminderFor(period, '2026-10-23')).toBe('report-due');
    expect(reminderFor(period, '2026-10-30')).toBe('report-due');
  });

  it('sends the overdue reminder in the 30 days after the due date, and nothing after that', () => {
    expect(reminderFor(period, '2026-10-31')).toBe('report-overdue');
    expect(reminderFor(period, '2026-11-29')).toBe('report-overdue');
    expect(reminderFor(period, '2026-11-30')).toBeNull();
  });

  it('knows which periods can still need a reminder', () => {
    expect(earliestRemindedPeriodEnd('2026-11-29')).toBe('2026-09-30');
  });
});
