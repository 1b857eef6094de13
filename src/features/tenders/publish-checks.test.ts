import { describe, expect, it } from 'vitest';
import { publishProblems, type PublishInput } from './publish-checks.js';

const now = new Date('2026-06-01T09:00:00Z');
const ready: PublishInput = {
  svWeightBps: 1000,
  lowWeightReason: null,
  quantitativeShareBps: 5000,
  closingAt: new Date('2026-06-30T11:00:00Z'),
  measureCount: 2,
  questionWeightsBps: [6000, 4000],
  supplierCount: 3,
  evaluatorCount: 2,
};

const texts = (input: Partial<PublishInput>) => publishProblems({ ...ready, ...input }, now).map((p) => p.text);

describe('publishProblems', () => {
  it('finds nothing wrong with a complete set-up', () => {
    expect(publishProblems(ready, now)).toEqual([]);
  });

  it('needs a reason for a social value weight below 10%, and only then', () => {
    expect(texts({ svWeightBps: 999 })).toEqual(['Enter why social value is weighted below 10%']);
    expect(texts({ svWeightBps: 500, lowWeightReason: '  ' })).toEqual(['Enter why social value is weighted below 10%']);
    expect(texts({ svWeightBps: 500, lowWeightReason: 'A framework call-off with a fixed model' })).toEqual([]);
    expect(texts({ svWeightBps: 1000, lowWeightReason: null })).toEqual([]);
  });

  it('needs at least one measure', () => {
    expect(texts({ measureCount: 0 })).toEqual(['Choose at least one measure that bidders may commit to']);
  });

  it('needs question weights that add up to exactly 100%', () => {
    expect(texts({ questionWeightsBps: [6000, 3000] })).toEqual(['The question weights add up to 90%. Change them so that they add up to 100%']);
    expect(texts({ questionWeightsBps: [6000, 4050] })).toEqual(['The question weights add up to 100.5%. Change them so that they add up to 100%']);
  });

  it('needs a question unless the whole social value weight is quantitative', () => {
    expect(texts({ questionWeightsBps: [] })).toHaveLength(1);
    expect(texts({ questionWeightsBps: [], quantitativeShareBps: 10000 })).toEqual([]);
    expect(texts({ questionWeightsBps: [5000], quantitativeShareBps: 10000 })).toHaveLength(1);
  });

  it('needs a closing time after now', () => {
    expect(texts({ closingAt: null })).toEqual(['Enter the closing date and time for bids']);
    expect(texts({ closingAt: now })).toEqual(['The closing date and time must be in the future. Enter a later date or time']);
    expect(texts({ closingAt: new Date(now.getTime() + 60_000) })).toEqual([]);
  });

  it('needs a supplier and an evaluator', () => {
    expect(texts({ supplierCount: 0, evaluatorCount: 0 })).toEqual(['Invite at least one supplier', 'Choose at least one evaluator']);
  });

  it('lists every problem in the order of the set-up pages', () => {
    const all = publishProblems(
      {
        svWeightBps: 0,
        lowWeightReason: null,
        quantitativeShareBps: 5000,
        closingAt: null,
        measureCount: 0,
        questionWeightsBps: [],
        supplierCount: 0,
        evaluatorCount: 0,
      },
      now,
    );
    expect(all.map((p) => p.section)).toEqual(['weighting', 'measures', 'questions', 'closing', 'suppliers', 'evaluators']);
  });
});
