import { describe, expect, it } from 'vitest';
import { determinants } from './determinants.js';
import { readAnswers, resultProblems } from './forms.js';

describe('health impact screening forms', () => {
  it('needs a likely effect for every determinant, keeping what was chosen and noted', () => {
    const reading = readAnswers({ 'impact-housing': 'negative', 'note-housing': ' Fewer beds \r\n nearby ', 'impact-healthy_food': 'maybe' });
    expect(reading.answers).toBeNull();
    expect(reading.problems).toHaveLength(determinants.length - 1);
    expect(reading.problems).toContainEqual(['impact-healthy_food', 'Select the likely effect on healthy food']);
    expect(reading.problems).toContainEqual(['impact-vulnerable_groups', 'Select the likely effect on vulnerable groups and health inequalities']);
    expect(reading.values.housing).toEqual({ impact: 'negative', note: 'Fewer beds \n nearby' });
  });

  it('reads a complete screening, and limits each note', () => {
    const body = Object.fromEntries(determinants.map((d) => [`impact-${d.key}`, 'positive']));
    expect(readAnswers(body).answers?.housing).toEqual({ impact: 'positive', note: '' });
    const long = readAnswers({ ...body, 'note-housing': 'x'.repeat(1001) });
    expect(long.problems).toEqual([['note-housing', 'Note about housing must be 1,000 characters or fewer']]);
  });

  it('needs a result, and a reason when it is not the one proposed', () => {
    const proposal = { result: 'rapid' as const, reason: '' };
    expect(resultProblems('rapid', '', proposal)).toEqual([]);
    expect(resultProblems('', '', proposal)).toEqual([['result', 'Select the result of the screening']]);
    expect(resultProblems('somewhere', 'x', proposal)).toEqual([['result', 'Select the result of the screening']]);
    expect(resultProblems('full', '', proposal)).toEqual([['notes', 'Enter why the result is not the one proposed (rapid health impact assessment)']]);
    expect(resultProblems('full', 'The service moves a day centre', proposal)).toEqual([]);
    expect(resultProblems('rapid', 'x'.repeat(5001), proposal)).toEqual([['notes', 'Notes must be 5,000 characters or fewer']]);
  });
});
