import { describe, expect, it } from 'vitest';
import { costValues, readCost, readMeasures, readOutcomes, readShaping, readTargets, targetField, targetText } from './forms.js';

describe('assessment task forms', () => {
  it('asks whether the task is complete', () => {
    const reading = readShaping({ shaping: 'Local jobs' });
    expect(reading.answer).toBeNull();
    expect(reading.problems).toEqual([['completed', 'Select whether you have completed this task']]);
    expect(reading.values.shaping).toBe('Local jobs');
  });

  it('needs an answer only when the task is marked complete', () => {
    expect(readShaping({ shaping: '', completed: 'no' }).answer).toEqual({ value: '', complete: false });
    expect(readShaping({ shaping: ' ', completed: 'yes' }).problems).toEqual([
      ['shaping', 'Enter how the requirement could be shaped to bring wider benefits for Leicestershire'],
    ]);
    expect(readShaping({ shaping: ' Local jobs\r\nfor care leavers ', completed: 'yes' }).answer).toEqual({
      value: 'Local jobs\nfor care leavers',
      complete: true,
    });
    expect(readShaping({ shaping: 'x'.repeat(5001), completed: 'no' }).problems[0]![1]).toBe(
      'How the requirement could be shaped must be 5,000 characters or fewer',
    );
  });

  it('reads outcomes in the framework’s order and refuses unknown ones', () => {
    expect(readOutcomes({ outcomeCodes: ['GC', 'SE', 'GC'], completed: 'yes' }, ['SE', 'WO', 'GC']).answer).toEqual({ value: ['SE', 'GC'], complete: true });
    expect(readOutcomes({ outcomeCodes: 'XX', completed: 'no' }, ['SE']).problems).toEqual([['outcomeCodes', 'Select strategic outcomes from the list']]);
    expect(readOutcomes({ completed: 'yes' }, ['SE']).problems).toEqual([['outcomeCodes', 'Select at least one strategic outcome the requirement can serve']]);
  });

  it('reads measures and refuses unknown ones', () => {
    expect(readMeasures({ measureIds: ['b', 'a'], completed: 'no' }, ['a', 'b', 'c']).answer).toEqual({ value: ['a', 'b'], complete: false });
    expect(readMeasures({ measureIds: ['z'], completed: 'yes' }, ['a']).problems).toEqual([['measureIds', 'Select measures from the list']]);
    expect(readMeasures({ completed: 'yes' }, ['a']).problems).toEqual([['measureIds', 'Select at least one measure to ask bidders for']]);
  });

  it('reads targets in hundredths of the unit, blank for none, and names the measure of a bad one', () => {
    const measures = [
      { id: 'm1', title: 'Jobs for care leavers', unit: 'FTE years' },
      { id: 'm2', title: 'Spend with local businesses', unit: '£' },
      { id: 'm3', title: 'Trees planted', unit: 'trees' },
    ];
    const good = readTargets(
      { [targetField('m1')]: '2.5', [targetField('m2')]: '1,200', [targetField('m3')]: '', notes: 'From the market day', completed: 'yes' },
      measures,
    );
    expect(good.answer?.value.targets).toEqual(
      new Map([
        ['m1', 250],
        ['m2', 120000],
        ['m3', null],
      ]),
    );
    expect(good.answer?.value.notes).toBe('From the market day');

    const bad = readTargets({ [targetField('m1')]: '-3', [targetField('m2')]: 'lots', [targetField('m3')]: '1.234', completed: 'yes' }, measures);
    expect(bad.answer).toBeNull();
    expect(bad.problems).toEqual([
      ['target-m1', 'Target for Jobs for care leavers must be 0 or more'],
      ['target-m2', 'Target for Spend with local businesses must be a number of pounds, like 12 or 2.5, with no more than 2 decimal places'],
      ['target-m3', 'Target for Trees planted must be a number of trees, like 12 or 2.5, with no more than 2 decimal places'],
    ]);
    expect(bad.values.targets).toEqual({ m1: '-3', m2: 'lots', m3: '1.234' });
  });

  it('shows a saved target as typed', () => {
    expect(targetText(250)).toBe('2.5');
    expect(targetText(null)).toBe('');
  });

  it('reads the cost to suppliers: none, or an explained added cost', () => {
    expect(readCost({ cost: 'none', explanation: 'ignored', completed: 'yes' }).answer).toEqual({ value: '', complete: true });
    expect(readCost({ cost: 'some', explanation: 'Training time', completed: 'yes' }).answer).toEqual({ value: 'Training time', complete: true });
    expect(readCost({ cost: 'some', explanation: ' ', completed: 'no' }).problems).toEqual([
      ['explanation', 'Explain what the added cost to suppliers would be and why it is needed'],
    ]);
    expect(readCost({ completed: 'yes' }).problems).toEqual([['cost', 'Select whether social value will be asked for at no added cost to suppliers']]);
    expect(readCost({ completed: 'no' }).answer).toEqual({ value: null, complete: false });
  });

  it('shows a saved cost as the form’s answers', () => {
    expect(costValues(null)).toEqual({ cost: '', explanation: '' });
    expect(costValues('')).toEqual({ cost: 'none', explanation: '' });
    expect(costValues('Training time')).toEqual({ cost: 'some', explanation: 'Training time' });
  });
});
