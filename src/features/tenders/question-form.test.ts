import { describe, expect, it } from 'vitest';
import { questionValues, readQuestion } from './question-form.js';

describe('readQuestion', () => {
  it('reads the wording, guidance and weight', () => {
    expect(readQuestion({ title: ' How will you recruit locally? ', guidance: '', weight: '40%' }, 6000).result).toEqual({
      title: 'How will you recruit locally?',
      guidance: '',
      weightBps: 4000,
    });
  });

  it('says how much weight is left when the questions would pass 100%', () => {
    const reading = readQuestion({ title: 'Q', guidance: '', weight: '50' }, 6000);
    expect(reading.result).toBeNull();
    expect(reading.problems).toEqual([
      ['weight', 'The question weights would add up to 110%. Enter a weight of 40% or less, or lower another question’s weight first'],
    ]);
  });

  it('needs wording and a weight above 0', () => {
    expect(readQuestion({ title: '', guidance: '', weight: '0' }, 0).problems.map(([f]) => f)).toEqual(['title', 'weight']);
  });

  it('shows a saved question as typed', () => {
    expect(questionValues({ title: 'Q', guidance: 'G', weightBps: 3333 })).toEqual({ title: 'Q', guidance: 'G', weight: '33.33' });
  });
});
