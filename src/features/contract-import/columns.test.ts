import { describe, expect, it } from 'vitest';
import { columnLetter, columnNames, headerSignature, normaliseHeader } from './columns.js';

describe('normaliseHeader', () => {
  it('removes a byte-order mark, and the mojibake of one that some exports put in front of the first header', () => {
    expect(normaliseHeader('\uFEFFDirectorate Name')).toBe('Directorate Name');
    expect(normaliseHeader('ï»¿Directorate Name')).toBe('Directorate Name');
  });

  it('tidies the spacing, including non-breaking spaces and line breaks', () => {
    expect(normaliseHeader('  Start \u00A0 Date\n ')).toBe('Start Date');
  });

  it('keeps the rest as written', () => {
    expect(normaliseHeader('Total Contract Value (including extensions)')).toBe('Total Contract Value (including extensions)');
    expect(normaliseHeader('SME Supplier?')).toBe('SME Supplier?');
  });
});

describe('columnLetter', () => {
  it.each([
    [0, 'A'],
    [25, 'Z'],
    [26, 'AA'],
    [51, 'AZ'],
    [52, 'BA'],
    [701, 'ZZ'],
    [702, 'AAA'],
  ])('column %i is %s', (index, letters) => {
    expect(columnLetter(index)).toBe(letters);
  });
});

describe('columnNames', () => {
  it('names empty headers by their letter and repeated ones with a number, whatever their case', () => {
    expect(columnNames(['Value', '', 'value', ' Value ', 'Notes'], 7)).toEqual([
      'Value',
      'Column B',
      'value (2)',
      'Value (3)',
      'Notes',
      'Column F',
      'Column G',
    ]);
  });
});

describe('headerSignature', () => {
  it('is the same for the same headers whatever their case, spacing, byte-order mark or empty columns at the end', () => {
    const signature = headerSignature(['ï»¿Directorate Name', 'Contract Reference']);
    expect(headerSignature(['directorate  name', ' CONTRACT REFERENCE', '', ''])).toBe(signature);
    expect(headerSignature(['\uFEFFDirectorate Name', 'Contract Reference'])).toBe(signature);
  });

  it('differs when the headers or their order differ', () => {
    const signature = headerSignature(['A', 'B']);
    expect(headerSignature(['B', 'A'])).not.toBe(signature);
    expect(headerSignature(['A', 'B', 'C'])).not.toBe(signature);
    expect(headerSignature(['A', '', 'B'])).not.toBe(signature);
    expect(headerSignature(['AB'])).not.toBe(signature);
  });
});
