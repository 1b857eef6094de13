import { describe, expect, it } from 'vitest';
import { daily, describeSchedule, nextRun, weekly } from './schedule.js';

const at = (iso: string) => new Date(iso);

describe('weekly on Monday at 07:00 in Europe/London', () => {
  const mondayMorning = weekly('Monday', '07:00');

  it('is 07:00 UTC in winter (GMT)', () => {
    // Wednesday 18 November 2026
    expect(nextRun(mondayMorning, at('2026-11-18T12:00:00Z')).toISOString()).toBe('2026-11-23T07:00:00.000Z');
  });

  it('is 06:00 UTC in summer (BST)', () => {
    expect(nextRun(mondayMorning, at('2026-07-01T12:00:00Z')).toISOString()).toBe('2026-07-06T06:00:00.000Z');
  });

  it('is later the same Monday before 07:00, and the next Monday from 07:00 itself', () => {
    expect(nextRun(mondayMorning, at('2026-11-23T06:59:00Z')).toISOString()).toBe('2026-11-23T07:00:00.000Z');
    expect(nextRun(mondayMorning, at('2026-11-23T07:00:00Z')).toISOString()).toBe('2026-11-30T07:00:00.000Z');
  });

  it('uses the UK date, not the UTC date: 23:30 UTC on a summer Sunday is already Monday in London', () => {
    // Sunday 5 July 2026 23:30 UTC = Monday 6 July 00:30 BST
    expect(nextRun(mondayMorning, at('2026-07-05T23:30:00Z')).toISOString()).toBe('2026-07-06T06:00:00.000Z');
    // Monday 6 July 06:30 UTC = 07:30 BST: this Monday's run has passed
    expect(nextRun(mondayMorning, at('2026-07-06T06:30:00Z')).toISOString()).toBe('2026-07-13T06:00:00.000Z');
  });

  it('follows the clocks going forward (Sunday 29 March 2026) and back (Sunday 25 October 2026)', () => {
    expect(nextRun(mondayMorning, at('2026-03-23T08:00:00Z')).toISOString()).toBe('2026-03-30T06:00:00.000Z');
    expect(nextRun(mondayMorning, at('2026-10-19T08:00:00Z')).toISOString()).toBe('2026-10-26T07:00:00.000Z');
  });
});

describe('daily schedules', () => {
  it('runs at the wall-clock time on the day the clocks change', () => {
    // Saturday 24 October 2026 at 08:00 BST; on Sunday 08:00 is GMT again
    expect(nextRun(daily('08:00'), at('2026-10-24T07:00:00Z')).toISOString()).toBe('2026-10-25T08:00:00.000Z');
    // Saturday 28 March 2026 at 08:00 GMT; on Sunday 08:00 is BST
    expect(nextRun(daily('08:00'), at('2026-03-28T08:00:00Z')).toISOString()).toBe('2026-03-29T07:00:00.000Z');
  });

  it('moves a time that the clocks skip to just after the change', () => {
    // 01:30 does not exist in London on 29 March 2026 (01:00 GMT becomes 02:00 BST); it runs at 02:30 BST
    expect(nextRun(daily('01:30'), at('2026-03-28T12:00:00Z')).toISOString()).toBe('2026-03-29T01:30:00.000Z');
  });

  it('works in other time zones', () => {
    expect(nextRun(daily('09:00', 'America/New_York'), at('2026-01-10T15:00:00Z')).toISOString()).toBe('2026-01-11T14:00:00.000Z');
  });

  it('refuses a time that is not HH:MM', () => {
    expect(() => nextRun(daily('7am'), at('2026-01-10T15:00:00Z'))).toThrow(/HH:MM/);
  });
});

describe('describeSchedule', () => {
  it('says when a job runs, in words', () => {
    expect(describeSchedule(daily('08:00'))).toBe('Every day at 08:00, UK time');
    expect(describeSchedule(weekly('Monday', '07:00'))).toBe('Every Monday at 07:00, UK time');
    expect(describeSchedule(daily('09:30', 'Europe/Paris'))).toBe('Every day at 09:30, Europe/Paris');
  });
});
