import { describe, expect, it } from 'vitest';
import { partWeights, qualitativeScoreBps, quantitativeFormula, quantitativeScores, rank } from './scoring.js';

describe('partWeights', () => {
  it('splits a 20% social value weight 60:40 into 12% quantitative and 8% qualitative', () => {
    expect(partWeights({ svWeightBps: 2000, quantitativeShareBps: 6000 })).toEqual({ quantitativeBps: 1200, qualitativeBps: 800 });
  });
});

describe('quantitative scores relative to the highest offer', () => {
  it('scores three bids against the best: £50,000, £25,000, £10,000 for a 12% weight', () => {
    // 50,000/50,000 x 12% = 12%; 25,000/50,000 x 12% = 6%; 10,000/50,000 x 12% = 2.4%
    const scores = quantitativeScores(
      'highest_offer',
      [
        { bidId: 'a', svPence: 5_000_000, pricePence: 100_000_00 },
        { bidId: 'b', svPence: 2_500_000, pricePence: 80_000_00 },
        { bidId: 'c', svPence: 1_000_000, pricePence: 60_000_00 },
      ],
      1200,
    );
    expect(scores.map((s) => s.scoreBps)).toEqual([1200, 600, 240]);
    expect(scores[1]?.working).toBe('£25,000 ÷ £50,000 × 12% = 6%');
  });

  it('gives tied bids the same score', () => {
    const scores = quantitativeScores(
      'highest_offer',
      [
        { bidId: 'a', svPence: 700, pricePence: 1 },
        { bidId: 'b', svPence: 700, pricePence: 1 },
      ],
      1000,
    );
    expect(scores.map((s) => s.scoreBps)).toEqual([1000, 1000]);
  });

  it('scores everyone 0 when nobody offers anything', () => {
    const scores = quantitativeScores(
      'highest_offer',
      [
        { bidId: 'a', svPence: 0, pricePence: 100 },
        { bidId: 'b', svPence: 0, pricePence: 100 },
      ],
      1000,
    );
    expect(scores.map((s) => s.scoreBps)).toEqual([0, 0]);
    expect(scores[0]?.working).toContain('every bid scores 0');
  });

  it('rounds a third to the nearest basis point', () => {
    // 1/3 x 10% = 3.333...% -> 333 bps
    expect(
      quantitativeScores(
        'highest_offer',
        [
          { bidId: 'a', svPence: 1, pricePence: 1 },
          { bidId: 'b', svPence: 3, pricePence: 1 },
        ],
        1000,
      )[0]?.scoreBps,
    ).toBe(333);
  });
});

describe('quantitative scores relative to the highest social value per pound', () => {
  it('rewards value for money: £20,000 on £100,000 beats £30,000 on £200,000', () => {
    // ratios 0.2 and 0.15; best 0.2 -> scores 10% and 0.15/0.2 x 10% = 7.5%
    const scores = quantitativeScores(
      'value_per_pound',
      [
        { bidId: 'a', svPence: 2_000_000, pricePence: 10_000_000 },
        { bidId: 'b', svPence: 3_000_000, pricePence: 20_000_000 },
      ],
      1000,
    );
    expect(scores.map((s) => s.scoreBps)).toEqual([1000, 750]);
    expect(scores[1]?.working).toContain('£30,000 ÷ £200,000');
  });

  it('scores a bid with a zero or missing price 0 and explains why, without upsetting the others', () => {
    const scores = quantitativeScores(
      'value_per_pound',
      [
        { bidId: 'a', svPence: 2_000_000, pricePence: 0 },
        { bidId: 'b', svPence: 1_000_000, pricePence: null },
        { bidId: 'c', svPence: 1_000_000, pricePence: 5_000_000 },
      ],
      1000,
    );
    expect(scores.map((s) => s.scoreBps)).toEqual([0, 0, 1000]);
    expect(scores[0]?.working).toContain('No bid price above £0');
  });

  it('scores everyone 0 when no priced bid offers anything', () => {
    expect(quantitativeScores('value_per_pound', [{ bidId: 'a', svPence: 0, pricePence: 100 }], 1000)[0]?.scoreBps).toBe(0);
  });

  it('shows its formula', () => {
    expect(quantitativeFormula('value_per_pound', 1200)).toContain('× 12%');
    expect(quantitativeFormula('highest_offer', 1200)).toBe("Score = bid's social value ÷ highest social value offered × 12%");
  });
});

describe('qualitative score', () => {
  it('weights agreed scores by question: 75 on a 60% question and 50 on a 40% question, of an 8% part', () => {
    // (0.75 x 0.6 + 0.5 x 0.4) x 8% = 0.65 x 8% = 5.2%
    expect(
      qualitativeScoreBps(
        [
          { agreedScore: 75, weightBps: 6000 },
          { agreedScore: 50, weightBps: 4000 },
        ],
        800,
      ),
    ).toBe(520);
  });

  it('gives 0 when every answer scored 0, and the full weight when every answer scored 100', () => {
    expect(qualitativeScoreBps([{ agreedScore: 0, weightBps: 10000 }], 800)).toBe(0);
    expect(
      qualitativeScoreBps(
        [
          { agreedScore: 100, weightBps: 5000 },
          { agreedScore: 100, weightBps: 5000 },
        ],
        800,
      ),
    ).toBe(800);
  });
});

describe('rank', () => {
  it('ranks highest first and lets ties share a rank', () => {
    expect(
      rank([
        { bidId: 'a', totalBps: 500 },
        { bidId: 'b', totalBps: 900 },
        { bidId: 'c', totalBps: 900 },
      ]).map((b) => [b.bidId, b.rank]),
    ).toEqual([
      ['b', 1],
      ['c', 1],
      ['a', 3],
    ]);
  });
});
