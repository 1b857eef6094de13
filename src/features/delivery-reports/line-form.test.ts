import { describe, expect, it } from 'vitest';
import { describeLine, lineValues, readLineForm, type LineValues } from './line-form.js';

const typed = (changes: Partial<LineValues> = {}): LineValues => ({
  quantity: '12.5',
  narrative: 'Two apprentices started',
  districts: ['Melton'],
  measure: '',
  revision: '3',
  ...changes,
});
const commitment = { unit: 'people' };
const additional = { unit: null, measures: new Map([['m1', 'hours']]) };
const problemsOf = (reading: ReturnType<typeof readLineForm>) => (reading.ok ? [] : reading.problems);

describe('lineValues', () => {
  it('reads every field as typed, whatever was sent', () => {
    expect(lineValues({ quantity: ' 4 ', narrative: 'x', districts: ['Melton', 'Blaby'], revision: '2' })).toEqual({
      quantity: '4',
      narrative: 'x',
      districts: ['Melton', 'Blaby'],
      measure: '',
      revision: '2',
    });
    expect(lineValues(undefined)).toEqual({ quantity: '', narrative: '', districts: [], measure: '', revision: '' });
  });
});

describe('readLineForm', () => {
  it('reads a commitment line in hundredths, with the revision the form was opened at', () => {
    const reading = readLineForm(typed(), commitment);
    expect(reading).toEqual({
      ok: true,
      revision: 3,
      input: { measureId: null, quantityHundredths: 1250, narrative: 'Two apprentices started', districts: ['Melton'] },
    });
  });

  it('refuses a negative, missing or unreadable quantity, naming the unit', () => {
    expect(problemsOf(readLineForm(typed({ quantity: '-3' }), commitment))).toEqual([['quantity', 'Enter a number of people of 0 or more']]);
    expect(problemsOf(readLineForm(typed({ quantity: '' }), commitment))).toEqual([
      ['quantity', 'Enter the number of people delivered in the period, like 12 or 12.5'],
    ]);
    expect(problemsOf(readLineForm(typed({ quantity: 'lots' }), commitment))).toEqual([
      ['quantity', 'Enter the number of people delivered as a number, like 12 or 12.5'],
    ]);
  });

  it('accepts 0 for a commitment only with a reason, and needs no districts then', () => {
    expect(problemsOf(readLineForm(typed({ quantity: '0', narrative: ' ', districts: [] }), commitment))).toEqual([
      ['narrative', 'Explain why nothing was delivered in this period'],
    ]);
    expect(readLineForm(typed({ quantity: '0', narrative: 'The course moved to May', districts: [] }), commitment).ok).toBe(true);
  });

  it('needs the districts once something was delivered, and Countywide alone', () => {
    expect(problemsOf(readLineForm(typed({ districts: [] }), commitment))).toEqual([
      ['districts', 'Select the districts where it was delivered, or Countywide'],
    ]);
    expect(problemsOf(readLineForm(typed({ districts: ['Countywide', 'Melton'] }), commitment))).toEqual([
      ['districts', 'Select Countywide or the districts where it was delivered, not both'],
    ]);
    expect(problemsOf(readLineForm(typed({ districts: ['Atlantis'] }), commitment))).toEqual([['districts', 'Select districts from the list']]);
  });

  it('needs a measure of the framework and more than 0 for additional social value', () => {
    expect(problemsOf(readLineForm(typed({ measure: 'other' }), additional))[0]).toEqual(['measure', 'Select the measure of the social value you delivered']);
    expect(problemsOf(readLineForm(typed({ measure: 'm1', quantity: '0' }), additional))).toEqual([
      ['quantity', 'Enter a number of hours greater than 0, or remove this line'],
    ]);
    expect(readLineForm(typed({ measure: 'm1' }), additional)).toMatchObject({ ok: true, input: { measureId: 'm1', quantityHundredths: 1250 } });
  });

  it('treats a form without a readable revision as out of date', () => {
    expect(readLineForm(typed({ revision: 'x' }), commitment)).toMatchObject({ ok: true, revision: 0 });
  });
});

describe('describeLine', () => {
  it('says what is saved in words', () => {
    expect(describeLine({ quantityHundredths: 300, districts: ['Melton'], narrative: 'Started' }, 'people')).toBe('3 people in Melton: "Started"');
    expect(describeLine({ quantityHundredths: 150, districts: [], narrative: '' }, '£')).toBe('1.5 pounds');
  });
});
