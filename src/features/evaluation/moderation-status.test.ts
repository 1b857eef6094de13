import { describe, expect, it } from 'vitest';
import { describeUnagreed, unagreedAnswers } from './moderation-status.js';

const bids = [
  { id: 'a', supplierName: 'Alpha Ltd' },
  { id: 'b', supplierName: 'Beta CIC' },
];
const questions = [
  { id: 'q1', position: 1 },
  { id: 'q2', position: 2 },
  { id: 'q3', position: 3 },
];

describe('answers still to agree', () => {
  it('lists every answer of every bid without an agreed score, and names them by bid', () => {
    const missing = unagreedAnswers(bids, questions, [
      { bidId: 'a', questionId: 'q2' },
      { bidId: 'b', questionId: 'q1' },
      { bidId: 'b', questionId: 'q3' },
    ]);
    expect(missing.map((m) => [m.bidId, m.questionPosition])).toEqual([
      ['a', 1],
      ['a', 3],
      ['b', 2],
    ]);
    expect(describeUnagreed(missing)).toEqual(['Alpha Ltd: questions 1 and 3', 'Beta CIC: question 2']);
  });

  it('finds nothing to agree when every answer has a score', () => {
    const all = bids.flatMap((b) => questions.map((q) => ({ bidId: b.id, questionId: q.id })));
    expect(unagreedAnswers(bids, questions, all)).toEqual([]);
  });

  it('joins three or more questions with commas and "and"', () => {
    expect(describeUnagreed(unagreedAnswers([bids[0]!], questions, []))).toEqual(['Alpha Ltd: questions 1, 2 and 3']);
  });
});
