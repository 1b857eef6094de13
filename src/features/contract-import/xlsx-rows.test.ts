import { describe, expect, it } from 'vitest';
import { cellText, numberText } from './xlsx-rows.js';

describe('numberText', () => {
  it('shows numbers as a person reads them, without binary rounding noise', () => {
    expect(numberText(120_000)).toBe('120000');
    expect(numberText(1234.5)).toBe('1234.5');
    expect(numberText(1234.5600000000002)).toBe('1234.56');
    expect(numberText(0.1 + 0.2)).toBe('0.3');
    expect(numberText(1234.567)).toBe('1234.567');
    expect(numberText(-20)).toBe('-20');
    expect(numberText(Number.NaN)).toBe('');
  });
});

describe('cellText', () => {
  it.each([
    [null, ''],
    [undefined, ''],
    ['Text', 'Text'],
    [45_000, '45000'],
    [true, 'TRUE'],
    [false, 'FALSE'],
    [new Date(Date.UTC(2026, 2, 31)), '2026-03-31'],
    [new Date(Number.NaN), ''],
    [{ formula: 'A1*2', result: 185_000 }, '185000'],
    [{ sharedFormula: 'A1', result: new Date(Date.UTC(2025, 0, 2)) }, '2025-01-02'],
    [{ formula: 'A1' }, ''],
    [{ richText: [{ text: 'Library ' }, { font: { bold: true }, text: 'books' }] }, 'Library books'],
    [{ text: 'Link text', hyperlink: 'https://example.com' }, 'Link text'],
    [{ text: { richText: [{ text: 'Rich link' }] }, hyperlink: 'https://example.com' }, 'Rich link'],
    [{ error: '#N/A' }, '#N/A'],
  ])('reads %j as %j', (value, text) => {
    expect(cellText(value)).toBe(text);
  });
});
