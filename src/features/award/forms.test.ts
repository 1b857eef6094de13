import { describe, expect, it } from 'vitest';
import { awardValuesFrom, awardValuesQuery, defaultAwardValues, readAward, type AwardChoices } from './forms.js';

const choices: AwardChoices = {
  bids: [
    { id: 'bid-1', rank: 1, pricePence: 7_450_000 },
    { id: 'bid-2', rank: 2, pricePence: 7_100_000 },
    { id: 'bid-3', rank: 3, pricePence: null },
  ],
  contractManagerIds: ['manager-1'],
};

const good = {
  bidId: 'bid-1',
  reason: '',
  contractManagerId: 'manager-1',
  reference: 'LCC-12',
  'startDate-day': '1',
  'startDate-month': '4',
  'startDate-year': '2026',
  'endDate-day': '31',
  'endDate-month': '3',
  'endDate-year': '2027',
  value: '74,500.50',
  vat: 'no',
  frequency: 'quarterly',
};

describe('readAward', () => {
  it('reads a complete decision', () => {
    const reading = readAward(good, choices);
    expect(reading).toMatchObject({
      ok: true,
      decision: {
        bidId: 'bid-1',
        reason: null,
        contractManagerId: 'manager-1',
        reference: 'LCC-12',
        startDate: '2026-04-01',
        endDate: '2027-03-31',
        valuePence: 7450050,
        valueIncludesVat: false,
        reportingFrequency: 'quarterly',
      },
    });
  });

  it('needs a reason for a bid that is not ranked first, and keeps one given for the first', () => {
    const second = readAward({ ...good, bidId: 'bid-2' }, choices);
    expect(second.ok).toBe(false);
    if (!second.ok) expect(second.errors.errors.reason).toBe('Enter why you are awarding the contract to a bid that is not ranked first');
    const withReason = readAward({ ...good, bidId: 'bid-2', reason: '  The first-ranked bidder withdrew. ' }, choices);
    expect(withReason.ok && withReason.decision.reason).toBe('The first-ranked bidder withdrew.');
  });

  it('names every missing field, in form order, keeping what was typed', () => {
    const reading = readAward({ reference: '', value: 'lots' }, choices);
    expect(reading.ok).toBe(false);
    if (reading.ok) return;
    expect(reading.values.value).toBe('lots');
    expect(reading.errors.errorList).toEqual([
      { text: 'Select the winning bid', href: '#bidId' },
      { text: 'Select the contract manager', href: '#contractManagerId' },
      { text: 'Enter a contract reference', href: '#reference' },
      { text: 'Enter the date the contract starts', href: '#startDate-day' },
      { text: 'Enter the date the contract ends', href: '#endDate-day' },
      { text: 'Enter the contract value as an amount in pounds, like 75,000 or 74,999.50', href: '#value' },
      { text: 'Select whether the contract value includes VAT', href: '#vat' },
      { text: 'Select how often the supplier reports on its commitments', href: '#frequency' },
    ]);
  });

  it('takes the winning bid’s price when the value is left blank', () => {
    const second = readAward({ ...good, bidId: 'bid-2', reason: 'Better local offer', value: '' }, choices);
    expect(second.ok && second.decision.valuePence).toBe(7_100_000);
    const unpriced = readAward({ ...good, bidId: 'bid-3', reason: 'Only bid left', value: '' }, choices);
    expect(!unpriced.ok && unpriced.errors.errors.value).toBe('Enter the contract value in pounds, like 75,000, as the winning bid has no price');
  });

  it('refuses a bid or a manager that is not on offer', () => {
    const reading = readAward({ ...good, bidId: 'someone-else', contractManagerId: 'not-a-manager' }, choices);
    expect(reading.ok).toBe(false);
    if (!reading.ok) expect(Object.keys(reading.errors.errors)).toEqual(['bidId', 'contractManagerId']);
  });

  it('checks the dates: parts missing, not real, and the end before the start', () => {
    const partial = readAward({ ...good, 'startDate-month': '', 'endDate-day': '31', 'endDate-month': '2' }, choices);
    expect(partial.ok).toBe(false);
    if (partial.ok) return;
    expect(partial.errors.errors.startDate).toBe('Start date must include a month');
    expect(partial.errors.errorList[0]?.href).toBe('#startDate-month');
    expect(partial.errors.errors.endDate).toBe('End date must be a real date');
    const backwards = readAward({ ...good, 'endDate-year': '2025' }, choices);
    expect(!backwards.ok && backwards.errors.errors.endDate).toBe('End date must be the same as or after the start date');
  });

  it('checks the value, the reference and the frequency', () => {
    const reading = readAward({ ...good, value: '0', reference: '<script>', frequency: 'weekly' }, choices);
    expect(reading.ok).toBe(false);
    if (reading.ok) return;
    expect(reading.errors.errors.value).toBe('Contract value must be more than £0');
    expect(reading.errors.errors.reference).toMatch(/^Contract reference must start with a letter or number/);
    expect(reading.errors.errors.frequency).toBeDefined();
    const long = readAward({ ...good, reference: 'A'.repeat(51), reason: 'x'.repeat(2001) }, choices);
    expect(!long.ok && long.errors.errors.reference).toBe('Contract reference must be 50 characters or fewer');
    expect(!long.ok && long.errors.errors.reason).toBe('Reason must be 2,000 characters or fewer');
  });
});

describe('defaultAwardValues', () => {
  it('starts from the requirement, leaving the value to the winning bid’s price', () => {
    const values = defaultAwardValues({ expectedStart: '2026-09-01', durationMonths: 24, valueIncludesVat: true }, 7);
    expect(values).toMatchObject({
      reference: 'LCC-7',
      'startDate-day': '1',
      'startDate-month': '9',
      'startDate-year': '2026',
      'endDate-day': '31',
      'endDate-month': '8',
      'endDate-year': '2028',
      value: '',
      vat: 'yes',
      frequency: 'quarterly',
    });
  });
});

describe('awardValuesQuery', () => {
  it('carries every value through a query string', () => {
    const query = awardValuesQuery({ ...awardValuesFrom(good), reason: 'Best local offer & price' });
    expect(awardValuesFrom(Object.fromEntries(new URLSearchParams(query)))).toEqual({ ...good, reason: 'Best local offer & price' });
  });
});
