import { describe, expect, it } from 'vitest';
import { quantityInUnit, riskFlags, type RiskBid, type RiskCommitment, type RiskSettings } from './risk-flags.js';

const commitment = (over: Partial<RiskCommitment> = {}): RiskCommitment => ({
  measureId: 'hours',
  measureTitle: 'Volunteering hours',
  unit: 'hours',
  quantityHundredths: 10_000,
  svPence: null,
  narrative: 'Staff volunteer at Melton Community Larder one day a month.',
  profile: [],
  ...over,
});

const bid = (bidId: string, commitments: RiskCommitment[], pricePence: number | null = 10_000_000): RiskBid => ({ bidId, pricePence, commitments });
const settings: RiskSettings = { riskShareBps: 2000, contractEnd: '2029-03-31' };
const texts = (bids: RiskBid[], id: string, s = settings) => (riskFlags(bids, s).get(id) ?? []).map((f) => f.text);

describe('commitments worth more than the risk share of the bid price', () => {
  it('flags £30,000 of commitments on a £100,000 bid, with the figures', () => {
    expect(texts([bid('a', [commitment({ svPence: 3_000_000 })])], 'a')).toEqual([
      'The commitments are worth £30,000, which is 30% of the bid price of £100,000; more than 20% may not be deliverable',
    ]);
  });

  it('does not flag exactly the risk share, and uses the tender’s own share', () => {
    expect(texts([bid('a', [commitment({ svPence: 2_000_000 })])], 'a')).toEqual([]);
    expect(texts([bid('a', [commitment({ svPence: 2_000_000 })])], 'a', { ...settings, riskShareBps: 1500 })[0]).toContain(
      'more than 15% may not be deliverable',
    );
  });

  it('rounds the share up, so a share just over the limit never reads as the limit', () => {
    // £20,001 of £100,000 = 20.001% -> "20.01%"
    expect(texts([bid('a', [commitment({ svPence: 2_000_100 })])], 'a')[0]).toContain('which is 20.01% of the bid price');
  });

  it('adds up only valued commitments, and explains a bid price of £0', () => {
    expect(texts([bid('a', [commitment({ svPence: 500_000 }), commitment({ measureId: 'x', svPence: null })], 0)], 'a')[0]).toBe(
      'The commitments are worth £5,000 but the bid price is £0, so they cannot be paid for from the contract; more than 20% of the bid price may not be deliverable',
    );
    expect(texts([bid('a', [commitment({ svPence: 500_000 })], null)], 'a')).toEqual([]);
  });
});

describe('a quantity far above the other bids’ for the same measure', () => {
  it('flags more than 3 times the median of the others, naming the numbers', () => {
    const bids = [
      bid('a', [commitment({ quantityHundredths: 50_000 })]),
      bid('b', [commitment({ quantityHundredths: 10_000 })]),
      bid('c', [commitment({ quantityHundredths: 12_000 })]),
      bid('d', [commitment({ quantityHundredths: 14_000 })]),
    ];
    expect(texts(bids, 'a')).toEqual([
      'The offer of 500 hours for “Volunteering hours” is 4.2 times the median of the 3 other bids that offered it (120 hours); more than 3 times may not be deliverable',
    ]);
    expect(texts(bids, 'b')).toEqual([]);
  });

  it('takes the middle of two values as the median of an even number of offers, and does not flag exactly 3 times', () => {
    // others 100 and 200 -> median 150; 450 is exactly 3 times, 451 is more
    const others = [bid('b', [commitment({ quantityHundredths: 10_000 })]), bid('c', [commitment({ quantityHundredths: 20_000 })])];
    expect(texts([bid('a', [commitment({ quantityHundredths: 45_000 })]), ...others], 'a')).toEqual([]);
    expect(texts([bid('a', [commitment({ quantityHundredths: 45_100 })]), ...others], 'a')[0]).toContain('(150 hours)');
  });

  it('compares only with bids that offered the measure, and needs at least one of them', () => {
    const zero = bid('b', [commitment({ quantityHundredths: 0 })]);
    const other = bid('c', [commitment({ measureId: 'other', quantityHundredths: 1 })]);
    expect(texts([bid('a', [commitment({ quantityHundredths: 1_000_000 })]), zero, other], 'a')).toEqual([]);
    expect(texts([bid('a', [commitment({ quantityHundredths: 40_000 })]), bid('b', [commitment()])], 'a')[0]).toContain(
      'the other bid that offered it (100 hours)',
    );
  });
});

describe('a commitment with no delivery narrative', () => {
  it('flags an empty or blank narrative', () => {
    expect(texts([bid('a', [commitment({ narrative: '  \n ' })])], 'a')).toEqual([
      'The commitment of 100 hours for “Volunteering hours” has no delivery narrative: the bid does not say how it will be delivered',
    ]);
  });
});

describe('a profile that delivers after the contract ends', () => {
  const period = (periodStart: string, periodEnd: string, quantityHundredths: number) => ({ periodStart, periodEnd, quantityHundredths });

  it('flags a period ending after the last day of the contract', () => {
    const profile = [period('2028-04-01', '2029-03-31', 6000), period('2029-04-01', '2030-03-31', 4000)];
    expect(texts([bid('a', [commitment({ profile })])], 'a')).toEqual([
      'The delivery profile for “Volunteering hours” puts 40 hours in the period ending 31 March 2030, after the contract ends on 31 March 2029',
    ]);
  });

  it('adds up several late periods, and ignores late periods with nothing in them', () => {
    const profile = [period('2029-04-01', '2029-06-30', 1000), period('2029-07-01', '2029-09-30', 2500), period('2029-10-01', '2029-12-31', 0)];
    expect(texts([bid('a', [commitment({ profile })])], 'a')[0]).toBe(
      'The delivery profile for “Volunteering hours” puts 35 hours in 2 periods, the last ending 30 September 2029, after the contract ends on 31 March 2029',
    );
    expect(texts([bid('a', [commitment({ profile: [period('2029-04-01', '2029-06-30', 0)] })])], 'a')).toEqual([]);
  });

  it('says nothing when the contract end is not known', () => {
    expect(texts([bid('a', [commitment({ profile: [period('2040-01-01', '2040-12-31', 100)] })])], 'a', { ...settings, contractEnd: null })).toEqual([]);
  });
});

describe('helpers', () => {
  it('writes a quantity in its unit, with pounds before the number', () => {
    expect(quantityInUnit(150, 'FTE years')).toBe('1.5 FTE years');
    expect(quantityInUnit(200_000, '£')).toBe('£2,000');
  });

  it('gives a bid with nothing wrong no flags, and lists a bid’s own flags before its commitments’', () => {
    expect(riskFlags([bid('a', [commitment()])], settings).get('a')).toEqual([]);
    const flags = riskFlags([bid('a', [commitment({ svPence: 9_000_000, narrative: '' })])], settings).get('a')!;
    expect(flags.map((f) => [f.kind, f.measureId])).toEqual([
      ['high_share_of_price', undefined],
      ['no_delivery_narrative', 'hours'],
    ]);
  });
});
