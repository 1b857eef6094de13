import { describe, expect, it } from 'vitest';
import { dateInputValues, errorsWithDate, errorsWithDates, readDateInput, wholeDateProblem, type DateInput } from './date-input.js';

const start: DateInput = { id: 'startDate', label: 'Start date', missing: 'Enter the start date' };
const typed = (day: string, month: string, year: string) => ({ 'startDate-day': day, 'startDate-month': month, 'startDate-year': year });

describe('readDateInput', () => {
  it('reads a real date, keeping what was typed', () => {
    expect(readDateInput(typed(' 7', '3 ', '2027'), start)).toEqual({ values: { day: '7', month: '3', year: '2027' }, iso: '2027-03-07' });
  });

  it('asks for the date when nothing was typed, marking every input', () => {
    expect(readDateInput({}, start).problem).toEqual({ message: 'Enter the start date', parts: ['day', 'month', 'year'] });
  });

  it('names the missing inputs, and marks only those', () => {
    expect(readDateInput(typed('', '3', ''), start).problem).toEqual({ message: 'Start date must include a day and year', parts: ['day', 'year'] });
  });

  it('refuses a date that does not exist', () => {
    const reading = readDateInput(typed('29', '2', '2027'), start);
    expect(reading.iso).toBeNull();
    expect(reading.problem?.message).toBe('Start date must be a real date');
  });

  it('reads plain day, month and year fields when the name prefix is empty', () => {
    expect(readDateInput({ day: '1', month: '4', year: '2026' }, { ...start, namePrefix: '' }).iso).toBe('2026-04-01');
  });

  it('turns a rule the form keeps into a problem with the whole date', () => {
    const reading = wholeDateProblem(readDateInput(typed('1', '1', '2020'), start), 'Start date must be in the future');
    expect(reading).toMatchObject({ iso: null, values: { day: '1', month: '1', year: '2020' }, problem: { parts: ['day', 'month', 'year'] } });
  });
});

describe('date input errors', () => {
  it('links each date in the error summary to its first input in error', () => {
    const errors = errorsWithDates(
      [
        ['title', 'Enter a title'],
        ['startDate', 'Start date must include a month'],
      ],
      { startDate: ['month'] },
    );
    expect(errors.errorList).toEqual([
      { text: 'Enter a title', href: '#title' },
      { text: 'Start date must include a month', href: '#startDate-month' },
    ]);
    expect(errorsWithDate([['startDate', 'x']], start, ['year']).dateErrorParts).toEqual(['year']);
  });

  it('shows a saved date as a person would type it', () => {
    expect(dateInputValues('2026-03-07')).toEqual({ day: '7', month: '3', year: '2026' });
  });
});
