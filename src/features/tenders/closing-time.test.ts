import { describe, expect, it } from 'vitest';
import { londonInstant, londonWallClock, parseTimeOfDay, timeOfDayText } from './closing-time.js';

describe('parseTimeOfDay', () => {
  it.each([
    ['17:00', 17 * 60],
    ['17.30', 17 * 60 + 30],
    ['09:05', 9 * 60 + 5],
    ['5pm', 17 * 60],
    ['5:30 PM', 17 * 60 + 30],
    ['9am', 9 * 60],
    ['12pm', 12 * 60],
    ['12am', 0],
    ['12:15am', 15],
    ['midday', 12 * 60],
    ['Noon', 12 * 60],
    ['midnight', 0],
    ['0:00', 0],
  ])('reads %s', (input, minutes) => {
    expect(parseTimeOfDay(input)).toBe(minutes);
  });

  it.each(['', '17', 'five', '24:00', '13pm', '0am', '5:60pm', '17:5', '-1:00'])('refuses %j', (input) => {
    expect(parseTimeOfDay(input)).toBeNull();
  });
});

describe('timeOfDayText', () => {
  it('writes times as the GOV.UK style guide does', () => {
    expect(timeOfDayText(17 * 60)).toBe('5pm');
    expect(timeOfDayText(9 * 60 + 5)).toBe('9:05am');
    expect(timeOfDayText(12 * 60)).toBe('midday');
    expect(timeOfDayText(0)).toBe('midnight');
    expect(timeOfDayText(12 * 60 + 30)).toBe('12:30pm');
    expect(timeOfDayText(30)).toBe('12:30am');
  });

  it('writes what parseTimeOfDay reads back', () => {
    for (let minutes = 0; minutes < 24 * 60; minutes += 7) expect(parseTimeOfDay(timeOfDayText(minutes))).toBe(minutes);
  });
});

describe('londonInstant', () => {
  it('is UTC in winter and an hour earlier in summer', () => {
    expect(londonInstant('2026-01-15', 17 * 60).toISOString()).toBe('2026-01-15T17:00:00.000Z');
    expect(londonInstant('2026-06-30', 12 * 60).toISOString()).toBe('2026-06-30T11:00:00.000Z');
  });

  it('handles the days the clocks change', () => {
    // 29 March 2026: clocks go forward at 1am GMT; 1:30am does not exist and is read as 2:30am BST.
    expect(londonInstant('2026-03-29', 90).toISOString()).toBe('2026-03-29T01:30:00.000Z');
    expect(londonInstant('2026-03-29', 12 * 60).toISOString()).toBe('2026-03-29T11:00:00.000Z');
    // 25 October 2026: clocks go back at 2am BST; 1:30am happens twice and the second one is meant.
    expect(londonInstant('2026-10-25', 90).toISOString()).toBe('2026-10-25T01:30:00.000Z');
    expect(londonInstant('2026-10-25', 12 * 60).toISOString()).toBe('2026-10-25T12:00:00.000Z');
  });

  it('round-trips with londonWallClock', () => {
    for (const [iso, minutes] of [
      ['2026-06-30', 17 * 60 + 45],
      ['2026-12-31', 23 * 60 + 59],
      ['2027-03-01', 0],
    ] as const) {
      expect(londonWallClock(londonInstant(iso, minutes))).toEqual({ iso, minutes });
    }
  });
});
