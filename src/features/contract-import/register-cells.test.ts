import { describe, expect, it } from 'vitest';
import { excelSerialDate, hasShortYear, isEmptyCell, isRedacted, registerDate, registerMoney, yesOrNo } from './register-cells.js';

describe('registerDate', () => {
  it.each([
    ['2022-03-07', '2022-03-07'],
    ['2022-3-7', '2022-03-07'],
    ['2022-03-07 00:00:00', '2022-03-07'],
    ['2022-03-07T00:00:00.000Z', '2022-03-07'],
    ['07/03/2022', '2022-03-07'],
    ['7/3/2022', '2022-03-07'],
    ['07-03-2022', '2022-03-07'],
    ['07.03.2022', '2022-03-07'],
    ['31/12/2021 14:30', '2021-12-31'],
    ['7 March 2022', '2022-03-07'],
    ['7th Mar 2022', '2022-03-07'],
    ['07-Mar-2022', '2022-03-07'],
    ['1 Sept 2022', '2022-09-01'],
    ['7 March, 2022', '2022-03-07'],
    ['29/02/2024', '2024-02-29'],
    ['44562', '2022-01-01'],
    ['45383', '2024-04-01'],
  ])('reads %j as %s', (text, iso) => {
    expect(registerDate(text)).toBe(iso);
  });

  it.each([
    '',
    'TBC',
    'X',
    '22/04/222',
    '31/02/2022',
    '29/02/2023',
    '13/13/2022',
    '2022-13-01',
    '1/4/22',
    '2022',
    '123456',
    'March 2022',
    '7 Smarch 2022',
    '12/31/2021',
  ])('refuses %j', (text) => {
    expect(registerDate(text)).toBeNull();
  });

  it('reads dates day first, as in the UK', () => {
    expect(registerDate('03/04/2022')).toBe('2022-04-03');
  });
});

describe('excelSerialDate', () => {
  it('counts days as spreadsheet programs do, from 30 December 1899', () => {
    expect(excelSerialDate(61)).toBe('1900-03-01');
    expect(excelSerialDate(45_000)).toBe('2023-03-15');
  });

  it('refuses fractions, the days before the 1900 leap-year mistake and dates after 2200', () => {
    expect(excelSerialDate(45_000.5)).toBeNull();
    expect(excelSerialDate(60)).toBeNull();
    expect(excelSerialDate(200_000)).toBeNull();
  });
});

describe('hasShortYear', () => {
  it('spots a 2-digit year', () => {
    expect(hasShortYear('1/4/26')).toBe(true);
    expect(hasShortYear('01-04-26')).toBe(true);
    expect(hasShortYear('1/4/2026')).toBe(false);
    expect(hasShortYear('22/04/222')).toBe(false);
  });
});

describe('registerMoney', () => {
  it.each([
    ['£1,234.50', 123_450],
    ['1234.5', 123_450],
    ['5015.20', 501_520],
    ['£ 1,234', 123_400],
    ['0', 0],
    ['-£500.00', -50_000],
    ['£-500', -50_000],
    ['-12.5', -1_250],
  ])('reads %j as %i pence', (text, pence) => {
    expect(registerMoney(text)).toBe(pence);
  });

  it.each(['', '-', 'TBC', '12,34.5', '1234.567', '£1.2.3', '1e6', 'GBP 100'])('refuses %j', (text) => {
    expect(registerMoney(text)).toBeNull();
  });
});

describe('yesOrNo', () => {
  it.each([
    ['Yes', true],
    ['y', true],
    ['TRUE', true],
    ['1', true],
    ['No', false],
    [' n ', false],
    ['FALSE', false],
    ['0', false],
    ['Various', null],
    ['', null],
  ])('reads %j as %s', (text, answer) => {
    expect(yesOrNo(text)).toBe(answer);
  });
});

describe('empty and redacted cells', () => {
  it.each(['', ' ', '-', '–', '—', '--', 'N/A', 'n/a', 'NA'])('%j means nothing is there', (text) => {
    expect(isEmptyCell(text)).toBe(true);
  });

  it.each(['0', 'None given', 'TBC', 'Redacted'])('%j is not empty', (text) => {
    expect(isEmptyCell(text)).toBe(false);
  });

  it.each(['Redacted', 'REDACTED', '[redacted]', '(Withheld)', ' redacted '])('%j was redacted', (text) => {
    expect(isRedacted(text)).toBe(true);
  });

  it.each(['Redacted Ltd', 'Not redacted', ''])('%j was not', (text) => {
    expect(isRedacted(text)).toBe(false);
  });
});
