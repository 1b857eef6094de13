import { describe, expect, it } from 'vitest';
import { determinants, type Impact } from './determinants.js';
import { proposeResult } from './propose-result.js';

/** Every determinant "no effect", except those given. */
function answers(overrides: Record<string, Impact> = {}): Record<string, Impact> {
  return Object.fromEntries(determinants.map((d) => [d.key, overrides[d.key] ?? 'none']));
}

describe('the proposed result of a health impact screening', () => {
  it('proposes no further assessment when nothing is likely to be negative and little is unknown', () => {
    expect(proposeResult(answers())).toEqual({ result: 'no_further_assessment', reason: 'No determinant is likely to be affected negatively.' });
    expect(proposeResult(answers({ housing: 'positive', healthy_food: 'not_known', safety_crime: 'not_known' }))).toEqual({
      result: 'no_further_assessment',
      reason: 'No determinant is likely to be affected negatively, and the effect on only two determinants is not known.',
    });
  });

  it('proposes a full assessment for a likely negative effect on vulnerable groups, even alone', () => {
    expect(proposeResult(answers({ vulnerable_groups: 'negative' }))).toEqual({
      result: 'full',
      reason: 'The effect on vulnerable groups and health inequalities is likely to be negative, which always needs a full assessment.',
    });
  });

  it('proposes a full assessment for two or more likely negative effects', () => {
    expect(proposeResult(answers({ housing: 'negative', air_quality_environment: 'negative' }))).toEqual({
      result: 'full',
      reason: '2 determinants are likely to be affected negatively: housing and air quality and the environment.',
    });
  });

  it('proposes a rapid assessment for one likely negative effect', () => {
    expect(proposeResult(answers({ housing: 'negative', mental_wellbeing: 'not_known' }))).toEqual({
      result: 'rapid',
      reason: 'One determinant is likely to be affected negatively: housing.',
    });
  });

  it('proposes a rapid assessment when three or more effects are not known', () => {
    expect(proposeResult(answers({ housing: 'not_known', healthy_food: 'not_known', older_people_carers: 'not_known' }))).toEqual({
      result: 'rapid',
      reason: 'The effect on 3 determinants is not known: housing, healthy food and older people and carers.',
    });
  });

  it('puts a negative effect before unknown ones: two negatives and many unknowns is still full', () => {
    const many = Object.fromEntries(determinants.map((d) => [d.key, 'not_known' as Impact]));
    expect(proposeResult({ ...many, housing: 'negative', safety_crime: 'negative' }).result).toBe('full');
    expect(proposeResult({ ...many, housing: 'negative' }).result).toBe('rapid');
  });
});
