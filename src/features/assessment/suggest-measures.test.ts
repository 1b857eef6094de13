import { describe, expect, it } from 'vitest';
import { leicestershireMeasures, leicestershireOutcomes } from '../framework/leicestershire-framework.js';
import { deliveredInWords } from './assessment-context.js';
import { categories, categoryOf, districtMeasureCodes, statutoryMeasureCodes } from './category-measures.js';
import { MAX_SUGGESTIONS, suggestMeasures, type SuggestionInput } from './suggest-measures.js';

type Measure = { code: string; outcomeCode: string };

function suggest(requirement: Partial<SuggestionInput<Measure>['requirement']>, chosenOutcomeCodes: string[] = []) {
  return suggestMeasures({
    measures: leicestershireMeasures,
    outcomes: leicestershireOutcomes,
    chosenOutcomeCodes,
    requirement: { cpvCode: '66000000', applicability: 'policy', deliveredIn: '', ...requirement },
  });
}

const codes = (list: { measure: Measure }[]) => list.map((s) => s.measure.code);

describe('measure suggestions', () => {
  it('ranks care measures first for care services, with the chosen outcome, then district measures', () => {
    const list = suggest({ cpvCode: '85312000', deliveredIn: 'Charnwood' }, ['WO']);
    expect(codes(list)).toEqual(['WO03', 'WO14', 'WO15', 'KS01', 'KS03', 'WO09', 'SE01', 'GC01']);
    expect(list[0]!.reason).toBe('Suggested because the requirement is in health and social work services and you chose Wellbeing and opportunity');
    expect(list[3]!.reason).toBe('Suggested because the requirement is in health and social work services');
    expect(list[5]!.reason).toBe('Suggested because the work is delivered in Charnwood and you chose Wellbeing and opportunity');
    expect(list[6]!.reason).toBe('Suggested because the work is delivered in Charnwood');
  });

  it('suggests apprenticeships first for statutory-scale construction, giving every reason', () => {
    const list = suggest({ cpvCode: '45233000-9', applicability: 'statutory' });
    expect(codes(list)).toEqual(['SE02', 'SE05', 'GC08', 'GC10']);
    expect(list[0]!.reason).toBe(
      'Suggested because the requirement is construction work and its value is above the statutory threshold, large enough to offer apprenticeships',
    );
  });

  it('suggests apprenticeships for any statutory-scale requirement, but not below the statutory threshold', () => {
    expect(codes(suggest({ applicability: 'statutory' }))).toEqual(['SE02']);
    expect(codes(suggest({ applicability: 'policy' }))).toEqual([]);
  });

  it('suggests local spend and waste for goods', () => {
    const list = suggest({ cpvCode: '30192700' });
    expect(codes(list)).toEqual(['SE05', 'GC10']);
    expect(list[0]!.reason).toBe('Suggested because the requirement is for goods (supplies)');
  });

  it('joins three or more reasons with commas and "and"', () => {
    const [first] = suggest({ cpvCode: '98000000', deliveredIn: 'Melton and Blaby' }, ['GC']);
    expect(first!.measure.code).toBe('GC01');
    expect(first!.reason).toBe(
      'Suggested because the requirement is in community, social and personal services, the work is delivered in Melton and Blaby and you chose Great communities',
    );
  });

  it('suggests by the chosen outcomes alone when nothing else applies, at most the limit, in the framework’s order', () => {
    const list = suggest({}, ['SE']);
    expect(list).toHaveLength(MAX_SUGGESTIONS);
    expect(codes(list)).toEqual(['SE01', 'SE02', 'SE03', 'SE04', 'SE05', 'SE06', 'SE07', 'SE08']);
    expect(list.every((s) => s.reason === 'Suggested because you chose A strong economy')).toBe(true);
  });

  it('suggests nothing when nothing is known, and ignores outcomes that are not in the framework', () => {
    expect(suggest({}, ['XX'])).toEqual([]);
  });

  it('ranks by score, so a measure with more reasons comes first whatever its place in the framework', () => {
    const list = suggest({ cpvCode: '85000000', deliveredIn: 'Blaby' }, ['GC']);
    const scores = list.map((s) => s.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    expect(codes(list).indexOf('GC01')).toBeLessThan(codes(list).indexOf('SE01'));
  });
});

describe('CPV categories', () => {
  const seeded = new Set(leicestershireMeasures.map((m) => m.code));

  it('names only measures of the seeded framework', () => {
    const named = [...categories.flatMap((c) => c.measureCodes), ...districtMeasureCodes, ...statutoryMeasureCodes, ...categoryOf('30000000')!.measureCodes];
    expect(named.filter((code) => !seeded.has(code))).toEqual([]);
  });

  it('lists each division once', () => {
    const divisions = categories.flatMap((c) => c.divisions);
    expect(new Set(divisions).size).toBe(divisions.length);
  });

  it.each([
    ['85312000', 'is in health and social work services'],
    ['85312000-3', 'is in health and social work services'],
    ['45000000', 'is construction work'],
    ['03000000', 'is for goods (supplies)'],
    ['44000000', 'is for goods (supplies)'],
    ['09300000', 'is in energy or public utilities'],
  ])('reads the division of %s', (code, phrase) => {
    expect(categoryOf(code)?.phrase).toBe(phrase);
  });

  it.each(['66000000', '85', 'not a code', ''])('has no category for %j', (code) => {
    expect(categoryOf(code)).toBeNull();
  });
});

describe('where a requirement is delivered, in words', () => {
  it('lists districts in the county’s order, by name or ONS code', () => {
    expect(deliveredInWords(['Melton', 'E07000130'])).toBe('Charnwood and Melton');
    expect(deliveredInWords(['Oadby and Wigston'])).toBe('Oadby and Wigston');
  });

  it('says every district when it is all seven, and nothing when none are known', () => {
    const all = ['Blaby', 'Charnwood', 'Harborough', 'Hinckley and Bosworth', 'Melton', 'North West Leicestershire', 'Oadby and Wigston'];
    expect(deliveredInWords(all)).toBe('every district of Leicestershire');
    expect(deliveredInWords([])).toBe('');
    expect(deliveredInWords(['Leicester'])).toBe('');
  });
});
