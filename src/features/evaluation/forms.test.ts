import { describe, expect, it } from 'vitest';
import { evaluatorWords, moderationWords, readDeclaration, readPriceAndQuality, readScores } from './forms.js';

const scale = [0, 25, 50, 75, 100].map((score) => ({ score, descriptor: `Descriptor ${score}` }));
const questions = [
  { id: 'q1', position: 1 },
  { id: 'q2', position: 2 },
];

describe('conflict of interest declaration', () => {
  it('needs an answer, and details with a conflict', () => {
    expect(readDeclaration({})).toMatchObject({ ok: false, problems: [['conflict', 'Select whether you have a conflict of interest']] });
    expect(readDeclaration({ conflict: 'yes', details: '  ' })).toMatchObject({ ok: false, problems: [['details', 'Describe your conflict of interest']] });
    expect(readDeclaration({ conflict: 'yes', details: 'x'.repeat(5001) })).toMatchObject({ ok: false });
  });

  it('keeps details only with a conflict', () => {
    expect(readDeclaration({ conflict: 'no', details: 'ignored' })).toEqual({ ok: true, value: { hasConflict: false, details: null } });
    expect(readDeclaration({ conflict: 'yes', details: ' My sister runs a bidder. ' })).toEqual({
      ok: true,
      value: { hasConflict: true, details: 'My sister runs a bidder.' },
    });
  });
});

describe('scores with comments or reasons', () => {
  it('reads a score on the scale and its comment, and leaves a blank question alone', () => {
    expect(readScores({ 'score-q1': '75', 'comment-q1': ' Clear plan ' }, questions, scale, evaluatorWords)).toEqual({
      ok: true,
      value: [{ questionId: 'q1', score: 75, text: 'Clear plan' }],
    });
  });

  it('refuses a score that is not on the scale, and a score without a comment, naming the question', () => {
    const reading = readScores({ 'score-q1': '60', 'comment-q1': 'Fine', 'score-q2': '50' }, questions, scale, evaluatorWords);
    expect(reading).toMatchObject({
      ok: false,
      problems: [
        ['score-q1', 'Select a score for question 1'],
        ['comment-q2', 'Enter a comment explaining your score for question 2'],
      ],
      values: { 'score-q1': '60', 'comment-q1': 'Fine', 'score-q2': '50', 'comment-q2': '' },
    });
  });

  it('asks for at least one score when the form is empty', () => {
    expect(readScores({}, questions, scale, moderationWords)).toMatchObject({
      ok: false,
      problems: [['score-q1', 'Select the agreed score for at least one question']],
    });
  });

  it('asks moderators for the reason', () => {
    expect(readScores({ 'score-q2': '100' }, questions, scale, moderationWords)).toMatchObject({
      ok: false,
      problems: [['reason-q2', 'Enter the reason for the agreed score for question 2']],
    });
  });

  it('limits the length of a comment', () => {
    expect(readScores({ 'score-q1': '0', 'comment-q1': 'x'.repeat(5001) }, questions, scale, evaluatorWords)).toMatchObject({ ok: false });
  });
});

describe('price and quality scores', () => {
  const bids = [
    { id: 'a', supplierName: 'Alpha Ltd' },
    { id: 'b', supplierName: 'Beta CIC' },
  ];

  it('reads percentages as basis points, and both empty as cleared', () => {
    expect(readPriceAndQuality({ 'price-a': '45.5', 'quality-a': '30%' }, bids, 8000)).toEqual({
      ok: true,
      value: [
        { bidId: 'a', priceScoreBps: 4550, qualityScoreBps: 3000 },
        { bidId: 'b', priceScoreBps: null, qualityScoreBps: null },
      ],
    });
  });

  it('needs both scores, numbers, and no more than the weight left after social value', () => {
    const reading = readPriceAndQuality({ 'price-a': '50', 'quality-a': '', 'price-b': 'lots', 'quality-b': '81' }, bids, 8000);
    expect(reading).toMatchObject({
      ok: false,
      problems: [
        ['quality-a', 'Enter a quality score for Alpha Ltd, or leave both of its scores empty'],
        ['price-b', 'Enter the price score for Beta CIC as a percentage, like 32.5'],
        ['quality-b', 'The quality score for Beta CIC must be 80% or less'],
      ],
    });
  });

  it('refuses scores that together are more than the weight left', () => {
    expect(readPriceAndQuality({ 'price-a': '50', 'quality-a': '30.01' }, bids, 8000)).toMatchObject({
      ok: false,
      problems: [['quality-a', 'The price and quality scores for Alpha Ltd add up to 80.01%: together they must be 80% or less']],
    });
    expect(readPriceAndQuality({ 'price-a': '50', 'quality-a': '30' }, bids, 8000)).toMatchObject({ ok: true });
  });
});
