import { describe, expect, it } from 'vitest';
import { entryValues, readEntry } from './forms.js';

const today = '2026-11-22';
const good = {
  who: ' Melton carers’ forum ',
  'engagedOn-day': '3',
  'engagedOn-month': '11',
  'engagedOn-year': '2026',
  method: 'workshop',
  learned: 'Carers want\r\nevening sessions',
};

describe('the engagement form', () => {
  it('reads an entry', () => {
    const reading = readEntry(good, today);
    expect(reading.ok && reading.entry).toEqual({
      who: 'Melton carers’ forum',
      engagedOn: '2026-11-03',
      method: 'workshop',
      learned: 'Carers want\nevening sessions',
    });
  });

  it('names every missing field, linking to the date’s first input', () => {
    const reading = readEntry({}, today);
    expect(reading.ok).toBe(false);
    if (reading.ok) return;
    expect(reading.errors.errorList).toEqual([
      { text: 'Enter who you engaged with', href: '#who' },
      { text: 'Enter the date of the engagement', href: '#engagedOn-day' },
      { text: 'Select how you engaged with them', href: '#method' },
      { text: 'Enter what you learned', href: '#learned' },
    ]);
    expect(reading.errors.dateErrorParts).toEqual(['day', 'month', 'year']);
  });

  it.each([
    [{ 'engagedOn-month': '' }, 'Date of the engagement must include a month', ['month'], '#engagedOn-month'],
    [{ 'engagedOn-day': '', 'engagedOn-year': '' }, 'Date of the engagement must include a day and year', ['day', 'year'], '#engagedOn-day'],
    [{ 'engagedOn-day': '31', 'engagedOn-month': '2' }, 'Date of the engagement must be a real date', ['day', 'month', 'year'], '#engagedOn-day'],
    [{ 'engagedOn-day': '23' }, 'Date of the engagement must be today or in the past', ['day', 'month', 'year'], '#engagedOn-day'],
  ])('refuses the date %j', (change, message, parts, href) => {
    const reading = readEntry({ ...good, ...change }, today);
    expect(reading.ok).toBe(false);
    if (reading.ok) return;
    expect(reading.errors.errors.engagedOn).toBe(message);
    expect(reading.errors.dateErrorParts).toEqual(parts);
    expect(reading.errors.errorList[0]!.href).toBe(href);
  });

  it('accepts today, refuses an unknown method and over-long text', () => {
    expect(readEntry({ ...good, 'engagedOn-day': '22' }, today).ok).toBe(true);
    const reading = readEntry({ ...good, method: 'carrier pigeon', who: 'x'.repeat(201), learned: 'y'.repeat(5001) }, today);
    expect(reading.ok ? null : reading.errors.errors).toEqual({
      who: 'Who you engaged with must be 200 characters or fewer',
      method: 'Select how you engaged with them',
      learned: 'What you learned must be 5,000 characters or fewer',
    });
  });

  it('shows a saved entry as the form’s values', () => {
    expect(entryValues({ who: 'A', engagedOn: '2026-03-07', method: 'email', learned: 'B' })).toEqual({
      who: 'A',
      day: '7',
      month: '3',
      year: '2026',
      method: 'email',
      learned: 'B',
    });
  });
});
