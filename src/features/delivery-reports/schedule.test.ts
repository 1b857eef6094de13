import { describe, expect, it } from 'vitest';
import { reportingPeriods } from '../../domain/reporting-periods.js';
import { periodSchedule } from './schedule.js';

const periods = reportingPeriods('2026-04-01', '2027-03-31', 'quarterly');

describe('periodSchedule', () => {
  it('says which periods are not due yet, due and overdue when they have no report', () => {
    // April to June is due by 30 July; July to September ends 30 September.
    const states = periodSchedule(periods, [], '2026-08-15').map((p) => p.state);
    expect(states).toEqual(['overdue', 'not_due', 'not_due', 'not_due']);
    expect(periodSchedule(periods, [], '2026-07-20')[0]).toMatchObject({ state: 'due', stateLabel: 'Due', canStart: true, waiting: true });
  });

  it('does not let a report start before its period has ended', () => {
    expect(periodSchedule(periods, [], '2026-06-30')[0]).toMatchObject({ state: 'not_due', canStart: false, waiting: false });
    expect(periodSchedule(periods, [], '2026-07-01')[0]).toMatchObject({ canStart: true });
  });

  it("shows a report's status and no start once it exists", () => {
    const [first, second] = periodSchedule(
      periods,
      [
        { id: 'a', periodStart: '2026-04-01', status: 'queried' },
        { id: 'b', periodStart: '2026-07-01', status: 'draft' },
      ],
      '2026-12-01',
    );
    expect(first).toMatchObject({ reportId: 'a', state: 'queried', stateLabel: 'Queried', canStart: false, waiting: false });
    expect(second).toMatchObject({ reportId: 'b', state: 'draft', canStart: false, waiting: true });
  });
});
