import { describe, expect, it } from 'vitest';
import type { ColumnMapping } from './mapping.js';
import { problemText, readContractRows } from './read-rows.js';

const COLUMNS = ['Ref', 'Title', 'Supplier', 'Postcode', 'Number', 'SME', 'Value', 'Start', 'End', 'About', 'Team'];
const MAPPING: ColumnMapping = {
  columns: {
    reference: 'Ref',
    title: 'Title',
    supplierName: 'Supplier',
    supplierPostcode: 'Postcode',
    companyNumber: 'Number',
    sme: 'SME',
    value: 'Value',
    startDate: 'Start',
    endDate: 'End',
    description: 'About',
    directorate: 'Team',
  },
  valueIncludesVat: false,
};

function row(row: number, changes: Partial<Record<string, string>> = {}) {
  const cells: Record<string, string> = {
    Ref: `R${row}`,
    Title: 'Home care',
    Supplier: 'Acme Care Ltd',
    Postcode: 'le11 3ab',
    Number: '1234567',
    SME: 'Yes',
    Value: '£1,234.50',
    Start: '01/04/2026',
    End: '2028-03-31',
    About: 'Care at home',
    Team: 'Adults',
    ...changes,
  };
  return { row, cells: COLUMNS.map((c) => cells[c] ?? '') };
}

describe('readContractRows', () => {
  it('reads a good row into a contract', () => {
    const read = readContractRows([row(2)], COLUMNS, MAPPING);
    expect(read.problems).toEqual([]);
    expect(read.contracts).toEqual([
      {
        row: 2,
        reference: 'R2',
        title: 'Home care',
        description: 'Care at home',
        directorate: 'Adults',
        supplier: { name: 'Acme Care Ltd', companyNumber: '01234567', postcode: { postcode: 'LE11 3AB', outward: 'LE11', sector: 'LE11 3' }, isSme: true },
        valuePence: 123_450,
        startDate: '2026-04-01',
        endDate: '2028-03-31',
      },
    ]);
    expect(read.references).toEqual(new Map([['R2', 2]]));
  });

  it('leaves optional fields that are not mapped, empty or redacted as unknown', () => {
    const mapping: ColumnMapping = {
      columns: {
        reference: 'Ref',
        title: 'Title',
        supplierName: 'Supplier',
        value: 'Value',
        startDate: 'Start',
        endDate: 'End',
        companyNumber: 'Number',
        sme: 'SME',
      },
      valueIncludesVat: false,
    };
    const read = readContractRows([row(2, { Number: 'Redacted', SME: '-' })], COLUMNS, mapping);
    expect(read.problems).toEqual([]);
    expect(read.contracts[0]).toMatchObject({ description: '', directorate: '', supplier: { companyNumber: null, postcode: null, isSme: null } });
  });

  it('lists every problem in a row, in the order of the fields, and makes no contract of it', () => {
    const read = readContractRows(
      [
        row(7, {
          Ref: '',
          Title: 'x'.repeat(501),
          Supplier: '[Redacted]',
          Postcode: 'Various',
          Number: 'IP29627R',
          SME: 'Various',
          Value: '-5',
          Start: 'TBC',
          End: '1/4/26',
          Team: 'y'.repeat(201),
        }),
      ],
      COLUMNS,
      MAPPING,
    );
    expect(read.contracts).toEqual([]);
    expect(read.problems.map(problemText)).toEqual([
      'Row 7, Reference: enter the contract reference',
      'Row 7, Title: shorten the contract title to 500 characters or fewer',
      'Row 7, Supplier name: replace “[Redacted]” with the supplier name, or take the row out of the file',
      'Row 7, Supplier postcode: enter a full UK postcode, like LE11 3AB, or leave the cell empty',
      'Row 7, Supplier company number: enter a Companies House number, like 01234567 or SC123456, or leave the cell empty',
      'Row 7, SME: enter Yes or No, or leave the cell empty',
      'Row 7, Value: enter an amount of money of £0 or more',
      'Row 7, Start date: enter the start date as a real date, like 31/03/2026',
      'Row 7, End date: enter the end date with a 4-digit year, like 31/03/2026',
      'Row 7, Directorate: shorten the directorate to 200 characters or fewer',
    ]);
    expect(read.problems[0]).toMatchObject({ row: 7, field: 'reference', column: 'Ref' });
  });

  it('refuses an end date before the start date, but not on the same day', () => {
    const read = readContractRows([row(2, { Start: '01/04/2026', End: '31/03/2026' }), row(3, { Start: '01/04/2026', End: '01/04/2026' })], COLUMNS, MAPPING);
    expect(read.problems.map(problemText)).toEqual(['Row 2, End date: enter an end date that is the same as or after the start date, 1 April 2026']);
    expect(read.contracts.map((c) => c.row)).toEqual([3]);
  });

  it('refuses a blank or unreadable value, and accepts zero', () => {
    const read = readContractRows([row(2, { Value: '' }), row(3, { Value: 'about £5k' }), row(4, { Value: '0' })], COLUMNS, MAPPING);
    expect(read.problems.map(problemText)).toEqual([
      'Row 2, Value: enter the contract value',
      'Row 3, Value: enter the contract value as an amount of money, like £1,234.50',
    ]);
    expect(read.contracts.map((c) => c.valuePence)).toEqual([0]);
  });

  it('refuses each later row with a reference already used, naming the first row', () => {
    const read = readContractRows([row(2, { Ref: 'S1' }), row(3, { Ref: 'S2' }), row(5, { Ref: 'S1' }), row(6, { Ref: 'S1' })], COLUMNS, MAPPING);
    expect(read.problems.map(problemText)).toEqual([
      'Row 5, Reference: give this contract a reference of its own: S1 is also on row 2',
      'Row 6, Reference: give this contract a reference of its own: S1 is also on row 2',
    ]);
    expect(read.contracts.map((c) => c.row)).toEqual([2, 3]);
    expect(read.references).toEqual(
      new Map([
        ['S1', 2],
        ['S2', 3],
      ]),
    );
  });
});
