import { describe, expect, it } from 'vitest';
import { parsePostcode } from '../../domain/postcodes.js';
import { matchSuppliers, type ExistingSupplier } from './match-suppliers.js';
import type { ContractRow, SupplierDetails } from './read-rows.js';
import { defaultLocalAreas } from '../organisations/postcode-districts.js';

function contract(row: number, supplier: Partial<Omit<SupplierDetails, 'postcode'>> & { postcode?: string }): ContractRow {
  return {
    row,
    reference: `R${row}`,
    title: 'Care',
    description: '',
    directorate: '',
    valuePence: 100,
    startDate: '2026-04-01',
    endDate: '2027-03-31',
    supplier: { name: 'Acme Ltd', companyNumber: null, isSme: null, ...supplier, postcode: supplier.postcode ? parsePostcode(supplier.postcode) : null },
  };
}

const existing: ExistingSupplier[] = [
  { id: 'charnwood', name: 'Charnwood Care Services Ltd', companiesHouseNumber: '09876543' },
  { id: 'midlands', name: 'Midlands Facilities Group plc', companiesHouseNumber: null },
];

describe('matchSuppliers', () => {
  it('matches by company number whatever the name, and by name ignoring case when the numbers do not disagree', () => {
    const matches = matchSuppliers(
      [
        contract(2, { name: 'CCS Trading Name', companyNumber: '09876543' }),
        contract(3, { name: 'charnwood care services ltd' }),
        contract(4, { name: 'Midlands Facilities Group PLC', companyNumber: '01234567' }),
      ],
      existing,
      defaultLocalAreas,
    );
    expect(matches.choices).toEqual([{ existingId: 'charnwood' }, { existingId: 'charnwood' }, { existingId: 'midlands' }]);
    expect(matches.newSuppliers).toEqual([]);
    expect(matches.matchedCount).toBe(2);
  });

  it('does not match a name to a supplier with a different company number', () => {
    const matches = matchSuppliers([contract(2, { name: 'Charnwood Care Services Ltd', companyNumber: '12345678' })], existing, defaultLocalAreas);
    expect(matches.choices).toEqual([{ newKey: 'number:12345678' }]);
    expect(matches.matchedCount).toBe(0);
  });

  it('adds each new supplier once, with details from the first of its rows that gives them', () => {
    const matches = matchSuppliers(
      [
        contract(2, { name: 'Lanterns Ltd' }),
        contract(3, { name: 'LANTERNS LTD', companyNumber: '07654321', postcode: 'LE11 1AA', isSme: true }),
        contract(4, { name: 'Lanterns Ltd', postcode: 'B1 1BB', isSme: false }),
        contract(5, { name: 'Brum Builders Ltd', postcode: 'B1 1BB', isSme: false }),
        contract(6, { name: 'Unknown Size Ltd' }),
      ],
      existing,
      defaultLocalAreas,
    );
    expect(matches.choices).toEqual([
      { newKey: 'number:07654321' },
      { newKey: 'number:07654321' },
      { newKey: 'number:07654321' },
      { newKey: 'name:brum builders ltd' },
      { newKey: 'name:unknown size ltd' },
    ]);
    expect(matches.newSuppliers).toEqual([
      {
        key: 'number:07654321',
        name: 'Lanterns Ltd',
        companiesHouseNumber: '07654321',
        postcode: 'LE11 1AA',
        district: 'Charnwood',
        isLocal: true,
        size: 'small',
      },
      {
        key: 'name:brum builders ltd',
        name: 'Brum Builders Ltd',
        companiesHouseNumber: null,
        postcode: 'B1 1BB',
        district: null,
        isLocal: false,
        size: 'large',
      },
      { key: 'name:unknown size ltd', name: 'Unknown Size Ltd', companiesHouseNumber: null, postcode: null, district: null, isLocal: false, size: null },
    ]);
  });

  it('keeps different companies with the same name apart when both have numbers', () => {
    const matches = matchSuppliers(
      [contract(2, { name: 'Same Name Ltd', companyNumber: '00000001' }), contract(3, { name: 'Same Name Ltd', companyNumber: '00000002' })],
      [],
      defaultLocalAreas,
    );
    expect(matches.newSuppliers.map((s) => s.companiesHouseNumber)).toEqual(['00000001', '00000002']);
  });
});
