import { describe, expect, it } from 'vitest';
import { commitmentValues, commitmentValuesOf, modeIsChosen, readCommitmentForm, type PeriodsByMode } from './commitment-form.js';
import { deliveryPeriods } from '../../domain/delivery-periods.js';

const start = '2027-04-01';
const twoYears: PeriodsByMode = { year: deliveryPeriods(start, 24, 'year'), quarter: deliveryPeriods(start, 24, 'quarter') };
const hours = { code: 'GC01', unit: 'hours' };

const form = (fields: Record<string, string | string[]>, periods = twoYears) => commitmentValues({ districts: ['Blaby'], narrative: '', ...fields }, periods);

describe('commitment form', () => {
  it('reads a quantity, a yearly profile that adds up, the districts in their usual order and the narrative', () => {
    const reading = readCommitmentForm(
      form({
        quantity: '1,200.5',
        profileBy: 'year',
        'profile-year-1': '1200',
        'profile-year-2': '0.5',
        districts: ['Melton', 'Blaby'],
        narrative: ' Line one\r\nLine two ',
      }),
      hours,
      twoYears,
    );
    expect(reading).toEqual({
      ok: true,
      input: {
        quantityHundredths: 120_050,
        profile: [
          { periodStart: '2027-04-01', periodEnd: '2028-03-31', quantityHundredths: 120_000 },
          { periodStart: '2028-04-01', periodEnd: '2029-03-31', quantityHundredths: 50 },
        ],
        districts: ['Blaby', 'Melton'],
        narrative: 'Line one\nLine two',
      },
    });
  });

  it('counts an empty period as none', () => {
    const reading = readCommitmentForm(form({ quantity: '8', profileBy: 'quarter', 'profile-quarter-3': '8' }), hours, twoYears);
    expect(reading.ok && reading.input.profile.map((p) => p.quantityHundredths)).toEqual([0, 0, 800, 0, 0, 0, 0, 0]);
  });

  it('asks for the quantity as a number in the measure’s unit', () => {
    for (const quantity of ['-5', 'ten', '1.234', '1e3']) {
      expect(readCommitmentForm(form({ quantity, profileBy: 'year' }), hours, twoYears)).toMatchObject({
        ok: false,
        problems: expect.arrayContaining([['quantity', 'Enter the number of hours as a number, like 120']]),
      });
    }
    const pounds = readCommitmentForm(form({ quantity: '', profileBy: 'year' }), { code: 'SE05', unit: '£' }, twoYears);
    expect(pounds).toMatchObject({ ok: false, problems: expect.arrayContaining([['quantity', 'Enter the number of pounds you will deliver']]) });
    const zero = readCommitmentForm(form({ quantity: '0', profileBy: 'year' }), hours, twoYears);
    expect(zero).toMatchObject({
      ok: false,
      problems: expect.arrayContaining([['quantity', 'Enter a number of hours greater than 0, or remove this commitment']]),
    });
  });

  it('says when the profile does not add up to the total', () => {
    const reading = readCommitmentForm(
      form({ quantity: '100', profileBy: 'year', 'profile-year-1': '50', 'profile-year-2': '30' }),
      { code: 'SE02', unit: 'weeks' },
      twoYears,
    );
    expect(reading).toEqual({ ok: false, problems: [['profile-year-1', 'The delivery profile for SE02 adds up to 80 but the total is 100']] });
  });

  it('names a period that is not a number, and asks for a profile when none is given', () => {
    const bad = readCommitmentForm(form({ quantity: '100', profileBy: 'year', 'profile-year-1': '100', 'profile-year-2': 'some' }), hours, twoYears);
    expect(bad).toMatchObject({
      ok: false,
      problems: [['profile-year-2', 'Enter the number of hours for year 2 as a number, like 40, or leave it empty for none']],
    });
    const none = readCommitmentForm(form({ quantity: '100', profileBy: 'quarter' }), hours, twoYears);
    expect(none).toMatchObject({ ok: false, problems: [['profile-quarter-1', 'Enter how many hours you will deliver in each quarter']] });
    const unchosen = readCommitmentForm(form({ quantity: '100' }), hours, twoYears);
    expect(unchosen).toMatchObject({ ok: false, problems: [['profileBy', 'Select whether you will give the delivery profile by year or by quarter']] });
  });

  it('puts everything in the only period of a short contract without asking', () => {
    const short: PeriodsByMode = { year: deliveryPeriods(start, 3, 'year'), quarter: deliveryPeriods(start, 3, 'quarter') };
    expect(modeIsChosen(short)).toBe(false);
    const reading = readCommitmentForm(form({ quantity: '12' }, short), hours, short);
    expect(reading.ok && reading.input.profile).toEqual([{ periodStart: '2027-04-01', periodEnd: '2027-06-30', quantityHundredths: 1200 }]);
    // A contract of a year or less: by year is its only period, by quarter asks for figures.
    const oneYear: PeriodsByMode = { year: deliveryPeriods(start, 12, 'year'), quarter: deliveryPeriods(start, 12, 'quarter') };
    expect(modeIsChosen(oneYear)).toBe(true);
    const yearly = readCommitmentForm(form({ quantity: '12', profileBy: 'year' }, oneYear), hours, oneYear);
    expect(yearly.ok && yearly.input.profile).toHaveLength(1);
  });

  it('takes a long contract’s profile by year without asking how', () => {
    const long: PeriodsByMode = { year: deliveryPeriods(start, 180, 'year') };
    expect(modeIsChosen(long)).toBe(false);
    const fields = Object.fromEntries(long.year!.map((_, i) => [`profile-year-${i + 1}`, '1']));
    const reading = readCommitmentForm(form({ quantity: '15', ...fields }, long), hours, long);
    expect(reading.ok && reading.input.profile).toHaveLength(15);
  });

  it('asks for the districts, and for Countywide or districts but not both', () => {
    const none = readCommitmentForm(form({ quantity: '2', profileBy: 'year', 'profile-year-1': '2', districts: [] }), hours, twoYears);
    expect(none).toMatchObject({ ok: false, problems: [['districts', 'Select the districts where it will be delivered, or Countywide']] });
    const unknown = readCommitmentForm(form({ quantity: '2', profileBy: 'year', 'profile-year-1': '2', districts: ['Rutland'] }), hours, twoYears);
    expect(unknown).toMatchObject({ ok: false, problems: [['districts', 'Select the districts where it will be delivered, or Countywide']] });
    const both = readCommitmentForm(form({ quantity: '2', profileBy: 'year', 'profile-year-1': '2', districts: ['Countywide', 'Blaby'] }), hours, twoYears);
    expect(both).toMatchObject({ ok: false, problems: [['districts', 'Select Countywide or the districts where it will be delivered, not both']] });
  });

  it('limits the narrative’s length', () => {
    const reading = readCommitmentForm(form({ quantity: '2', profileBy: 'year', 'profile-year-1': '2', narrative: 'x'.repeat(4001) }), hours, twoYears);
    expect(reading).toMatchObject({ ok: false, problems: [['narrative', 'Describe how you will deliver it in 4,000 characters or fewer']] });
  });

  it('shows a saved commitment in the way its profile was given', () => {
    const saved = {
      measureId: 'm',
      quantityHundredths: 250,
      profile: deliveryPeriods(start, 24, 'quarter').map((p, i) => ({ ...p, quantityHundredths: i === 0 ? 250 : 0 })),
      districts: ['Melton'],
      narrative: 'How',
    };
    const values = commitmentValuesOf(saved, twoYears, start, 24);
    expect(values).toMatchObject({ quantity: '2.5', profileBy: 'quarter', districts: ['Melton'], narrative: 'How' });
    expect(values.profile.quarter).toEqual(['2.5', '0', '0', '0', '0', '0', '0', '0']);
    expect(values.profile.year).toEqual(['', '']);
  });
});
