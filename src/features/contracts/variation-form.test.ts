import { describe, expect, it } from 'vitest';
import { readDecision, readVariation } from './variation-form.js';

const periods = [
  { periodStart: '2025-04-01', periodEnd: '2025-06-30', quantityHundredths: 500 },
  { periodStart: '2025-07-01', periodEnd: '2025-09-30', quantityHundredths: 500 },
];

describe('readVariation', () => {
  it('reads a measure, a quantity and a profile that adds up to it', () => {
    const reading = readVariation({ measure: 'm1', quantity: '12.5', 'period-0': '5', 'period-1': '7.5', reason: 'Fewer placements' }, ['m1'], periods);
    expect(reading).toMatchObject({
      ok: true,
      variation: {
        measureId: 'm1',
        quantityHundredths: 1250,
        reason: 'Fewer placements',
        profile: [
          { periodStart: '2025-04-01', quantityHundredths: 500 },
          { periodEnd: '2025-09-30', quantityHundredths: 750 },
        ],
      },
    });
  });

  it('says clearly when the periods do not add up to the quantity', () => {
    const reading = readVariation({ measure: 'm1', quantity: '10', 'period-0': '5', 'period-1': '4', reason: 'x' }, ['m1'], periods);
    expect(reading).toMatchObject({ ok: false, errors: { 'period-0': 'The quantities in the periods add up to 9; make them add up to the quantity, 10' } });
  });

  it('names every missing or wrong field and keeps the input', () => {
    const reading = readVariation({ measure: 'other', quantity: '-3', 'period-1': 'lots' }, ['m1'], periods);
    expect(reading).toMatchObject({
      ok: false,
      values: { quantity: '-3', periods: ['', 'lots'] },
      errors: {
        measure: 'Choose a measure from the list',
        quantity: 'Enter the quantity as a number of 0 or more, like 12 or 12.5',
        'period-0': 'Enter the quantity for period 1',
        'period-1': 'Enter the quantity for period 2 as a number of 0 or more',
        reason: 'Enter the reason for the variation',
      },
    });
  });
});

describe('readDecision', () => {
  it('approves without a note, and rejects only with one', () => {
    expect(readDecision({ decision: 'approve' })).toMatchObject({ ok: true, approve: true, note: null });
    expect(readDecision({ decision: 'reject', note: '' })).toMatchObject({ ok: false, errors: { note: 'Enter why you are rejecting the variation' } });
    expect(readDecision({ decision: 'reject', note: 'Not agreed' })).toMatchObject({ ok: true, approve: false, note: 'Not agreed' });
    expect(readDecision({})).toMatchObject({ ok: false, errors: { decision: 'Choose whether to approve or reject the variation' } });
  });
});
