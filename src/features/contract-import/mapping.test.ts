import { describe, expect, it } from 'vitest';
import { comparable, guessMapping, mappingFrom, mappingRecord } from './mapping.js';

const SALFORD = [
  'Directorate Name',
  'Process Used',
  'Purchasing Body',
  'Contract Reference',
  'Contract Title',
  'Contract Description',
  'Supplier Company Name',
  'Supplier Postcode',
  'Annual Value',
  'Total Contract Value (including extensions)',
  'OJEU/FTS?',
  'Start Date',
  'End Date',
  'Contract Duration (months)',
  'Option to extend (months)',
  'How many extensions',
  'Extension 1 Taken?',
  'Extension 2 Taken?',
  'Current Expiry Date',
  'SME Supplier?',
  'ProClass Classification',
  'ProClass Description',
  'Company Number',
  'Visibility',
];

describe('guessMapping', () => {
  it('matches the Salford register’s columns, preferring the total value and the current expiry date', () => {
    expect(guessMapping(SALFORD)).toEqual({
      columns: {
        reference: 'Contract Reference',
        title: 'Contract Title',
        supplierName: 'Supplier Company Name',
        supplierPostcode: 'Supplier Postcode',
        companyNumber: 'Company Number',
        sme: 'SME Supplier?',
        value: 'Total Contract Value (including extensions)',
        startDate: 'Start Date',
        endDate: 'Current Expiry Date',
        description: 'Contract Description',
        directorate: 'Directorate Name',
      },
      valueIncludesVat: false,
    });
  });

  it('matches other common names, ignoring case and punctuation, and leaves the rest unchosen', () => {
    expect(guessMapping(['REF', 'Supplier', 'Contract value', 'contract start date', 'Expiry date', 'Notes']).columns).toEqual({
      reference: 'REF',
      supplierName: 'Supplier',
      value: 'Contract value',
      startDate: 'contract start date',
      endDate: 'Expiry date',
    });
  });

  it('does not take a column that only contains a usual name', () => {
    expect(guessMapping(['Annual Value', 'Reference to framework']).columns).toEqual({});
  });
});

describe('comparable', () => {
  it('keeps letters and digits only', () => {
    expect(comparable(' SME Supplier? ')).toBe('sme supplier');
    expect(comparable('Total Contract Value (including extensions)')).toBe('total contract value including extensions');
  });
});

describe('mappingFrom and mappingRecord', () => {
  it('store and restore a mapping', () => {
    const mapping = { columns: { reference: 'Ref', value: 'Worth' }, valueIncludesVat: true };
    expect(mappingRecord(mapping)).toEqual({ reference: 'Ref', value: 'Worth', valueIncludesVat: 'yes' });
    expect(mappingFrom(mappingRecord(mapping), ['Ref', 'Worth'])).toEqual(mapping);
  });

  it('find the columns whatever their case in this file, and leave out those it does not have', () => {
    expect(mappingFrom({ reference: 'Our ref', value: 'Worth', title: 'Gone', valueIncludesVat: 'no' }, ['OUR REF', 'Worth'])).toEqual({
      columns: { reference: 'OUR REF', value: 'Worth' },
      valueIncludesVat: false,
    });
  });
});
