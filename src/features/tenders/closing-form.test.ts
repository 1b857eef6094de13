import { describe, expect, it } from 'vitest';
import { closingValues, readClosing } from './closing-form.js';

const now = new Date('2026-06-01T09:00:00Z');
const form = (day: string, month: string, year: string, time: string) => ({
  'closingDate-day': day,
  'closingDate-month': month,
  'closingDate-year': year,
  closingTime: time,
});

describe('readClosing', () => {
  it('reads a UK date and time as an instant', () => {
    expect(readClosing(form('30', '6', '2026', '12pm'), now).result?.toISOString()).toBe('2026-06-30T11:00:00.000Z');
    expect(readClosing(form('5', '1', '2027', '17:30'), now).result?.toISOString()).toBe('2027-01-05T17:30:00.000Z');
  });

  it('names the missing parts of the date and links to the first', () => {
    const reading = readClosing(form('30', '', '', '12pm'), now);
    expect(reading.result).toBeNull();
    expect(reading.errors.errors).toEqual({ closingDate: 'Closing date must include a month and year' });
    expect(reading.errors.errorList).toEqual([{ text: 'Closing date must include a month and year', href: '#closingDate-month' }]);
    expect(reading.errors.dateErrorParts).toEqual(['month', 'year']);
  });

  it('refuses a date that does not exist, a time it cannot read, and a moment already past', () => {
    expect(readClosing(form('29', '2', '2027', '12pm'), now).errors.errors.closingDate).toBe('Closing date must be a real date');
    expect(readClosing(form('30', '6', '2026', 'lunchtime'), now).errors.errors.closingTime).toBe(
      'Enter the closing time as a time of day, like 12pm or 17:00',
    );
    const past = readClosing(form('1', '6', '2026', '10am'), now);
    expect(past.result).toBeNull();
    expect(past.errors.errors.closingDate).toMatch(/^The closing date and time must be in the future/);
    expect(past.values).toEqual({ day: '1', month: '6', year: '2026', time: '10am' });
  });

  it('shows a saved closing time as the UK clock shows it', () => {
    expect(closingValues(new Date('2026-06-30T11:00:00Z'))).toEqual({ day: '30', month: '6', year: '2026', time: 'midday' });
    expect(closingValues(null)).toEqual({ day: '', month: '', year: '', time: '' });
  });
});
