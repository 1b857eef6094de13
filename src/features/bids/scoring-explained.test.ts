import { describe, expect, it } from 'vitest';
import { explainScoring } from './scoring-explained.js';

describe('scoring explained to bidders', () => {
  it('explains the scoring with the tender’s weights and method', () => {
    const highest = explainScoring({ svWeightBps: 2000, quantitativeShareBps: 6000, quantitativeMethod: 'highest_offer' });
    expect(highest.weighting).toBe('Social value is 20% of the total score: 12% for what you commit to deliver and 8% for your answers to the questions.');
    expect(highest.quantitative?.formula).toBe("Score = bid's social value ÷ highest social value offered × 12%");
    expect(highest.qualitative).toContain('share of the 8%');
    const perPound = explainScoring({ svWeightBps: 1000, quantitativeShareBps: 10000, quantitativeMethod: 'value_per_pound' });
    expect(perPound.quantitative?.paragraphs[1]).toContain('divided by your bid price');
    expect(perPound.qualitative).toBeNull();
  });
});
