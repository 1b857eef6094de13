import { describe, expect, it } from 'vitest';
import { mappingValues, readMappingForm, valuesOf } from './mapping-form.js';

const COLUMNS = ['Ref', 'Title', 'Supplier', 'Value', 'Start', 'End', 'Notes'];
const complete = { reference: 'Ref', title: 'Title', supplierName: 'Supplier', value: 'Value', startDate: 'Start', endDate: 'End', valueIncludesVat: 'no' };

describe('readMappingForm', () => {
  it('accepts the required columns and any optional ones', () => {
    const form = readMappingForm(mappingValues({ ...complete, description: 'Notes', valueIncludesVat: 'yes' }), COLUMNS);
    expect(form).toEqual({
      ok: true,
      mapping: {
        columns: { reference: 'Ref', title: 'Title', supplierName: 'Supplier', value: 'Value', startDate: 'Start', endDate: 'End', description: 'Notes' },
        valueIncludesVat: true,
      },
    });
  });

  it('asks for each missing required column and the VAT answer', () => {
    const form = readMappingForm(mappingValues({ reference: 'Ref' }), COLUMNS);
    expect(form).toEqual({
      ok: false,
      problems: [
        ['title', 'Choose the column that holds the contract title'],
        ['supplierName', 'Choose the column that holds the supplier name'],
        ['value', 'Choose the column that holds the contract value'],
        ['startDate', 'Choose the column that holds the start date'],
        ['endDate', 'Choose the column that holds the end date'],
        ['valueIncludesVat', 'Select whether the values include VAT'],
      ],
    });
  });

  it('refuses a column chosen twice, or one the file does not have', () => {
    const form = readMappingForm(mappingValues({ ...complete, directorate: 'Ref', sme: 'Made up' }), COLUMNS);
    expect(form).toEqual({
      ok: false,
      problems: [
        ['sme', 'Choose one of the file’s columns for the SME flag'],
        ['directorate', 'Choose a different column for the directorate: Ref is already chosen for the contract reference'],
      ],
    });
  });

  it('reads odd input as nothing chosen, without failing', () => {
    const form = readMappingForm(mappingValues({ reference: ['Ref', 'Title'], title: { nested: true } }), COLUMNS);
    expect(form.ok).toBe(false);
    expect(!form.ok && form.problems.map(([field]) => field)).toContain('reference');
  });
});

describe('valuesOf', () => {
  it('fills the form from a mapping', () => {
    const values = valuesOf({ columns: { reference: 'Ref' }, valueIncludesVat: false });
    expect(values.columns.reference).toBe('Ref');
    expect(values.columns.title).toBe('');
    expect(values.valueIncludesVat).toBe('no');
  });
});
