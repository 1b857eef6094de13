import { describe, expect, it } from 'vitest';
import { detailsValues, detailsValuesOf, readDetailsForm } from './details-form.js';

describe('bid price and consortium form', () => {
  it('reads the price in pence and the members typed, skipping empty rows', () => {
    const reading = readDetailsForm(
      detailsValues({
        price: '£74,999.50',
        consortium: 'yes',
        'member-1-name': ' Hinckley Youth Trust ',
        'member-1-role': 'Apprenticeships',
        'member-3-name': 'Melton CIC',
        'member-3-role': 'Transport',
      }),
    );
    expect(reading).toMatchObject({
      ok: true,
      input: {
        pricePence: 7_499_950,
        consortiumMembers: [
          { name: 'Hinckley Youth Trust', organisationId: null, role: 'Apprenticeships' },
          { name: 'Melton CIC', organisationId: null, role: 'Transport' },
        ],
      },
    });
  });

  it('ignores member rows when the bid is not a consortium', () => {
    const reading = readDetailsForm(detailsValues({ price: '1000', consortium: 'no', 'member-1-name': 'Left over' }));
    expect(reading).toMatchObject({ ok: true, input: { consortiumMembers: [] } });
  });

  it('names each problem', () => {
    expect(readDetailsForm(detailsValues({}))).toMatchObject({
      ok: false,
      problems: [
        ['price', 'Enter your bid price'],
        ['consortium', 'Select yes if this is a consortium bid'],
      ],
    });
    expect(readDetailsForm(detailsValues({ price: '12.345', consortium: 'no' }))).toMatchObject({
      problems: [['price', 'Enter the bid price in pounds, like 75000 or 74,999.50']],
    });
    expect(readDetailsForm(detailsValues({ price: '-5', consortium: 'no' }))).toMatchObject({ problems: [['price', 'Enter a bid price of more than £0']] });
    expect(readDetailsForm(detailsValues({ price: '5', consortium: 'yes' }))).toMatchObject({
      problems: [['member-1-name', 'Enter the name of at least one member of the consortium']],
    });
    expect(readDetailsForm(detailsValues({ price: '5', consortium: 'yes', 'member-2-role': 'Training' }))).toMatchObject({
      problems: [['member-2-name', 'Enter the name of member 2']],
    });
    expect(readDetailsForm(detailsValues({ price: '5', consortium: 'yes', 'member-4-name': 'x'.repeat(201), 'member-4-role': 'r' }))).toMatchObject({
      problems: [['member-4-name', 'Enter a name for member 4 of 200 characters or fewer']],
    });
  });

  it('shows the consortium question unanswered until the price is saved with it', () => {
    expect(detailsValuesOf(null)).toMatchObject({ price: '', consortium: '' });
    expect(detailsValuesOf({ pricePence: null, consortiumMembers: [] })).toMatchObject({ consortium: '' });
    const saved = detailsValuesOf({ pricePence: 100_050, consortiumMembers: [{ name: 'A', organisationId: null, role: 'B' }] });
    expect(saved.price).toBe('1000.50');
    expect(saved.consortium).toBe('yes');
    expect(saved.members).toHaveLength(5);
    expect(saved.members[0]).toEqual({ name: 'A', role: 'B' });
  });
});
