import { describe, expect, it } from 'vitest';
import { defaultScale } from './defaults.js';
import { readChoices, readMeasureChoices, readMethod, readRiskShare, readScale, readTitle, readWeighting, scaleValues, weightingValues } from './forms.js';

const messages = (reading: { problems: [string, string][] }) => reading.problems.map(([, m]) => m);

describe('readWeighting', () => {
  const form = (svWeight: string, quantitativeShare: string, qualitativeShare: string, lowWeightReason = '') => ({
    svWeight,
    quantitativeShare,
    qualitativeShare,
    lowWeightReason,
  });

  it('reads percentages as basis points', () => {
    expect(readWeighting(form('12.5', '60', '40')).result).toEqual({ svWeightBps: 1250, lowWeightReason: null, quantitativeShareBps: 6000 });
    expect(readWeighting(form('10%', '100', '0')).result).toEqual({ svWeightBps: 1000, lowWeightReason: null, quantitativeShareBps: 10000 });
  });

  it('needs the shares to add up to 100%', () => {
    const reading = readWeighting(form('10', '60', '30'));
    expect(reading.result).toBeNull();
    expect(reading.problems).toEqual([['quantitativeShare', 'The quantitative and qualitative shares must add up to 100%']]);
    expect(reading.values).toEqual(form('10', '60', '30'));
  });

  it('needs a reason below 10%, and keeps it only then', () => {
    expect(messages(readWeighting(form('9.99', '50', '50')))).toEqual(['Enter why social value is weighted below 10%']);
    expect(readWeighting(form('5', '50', '50', ' Fixed by the framework \r\n')).result?.lowWeightReason).toBe('Fixed by the framework');
    expect(readWeighting(form('10', '50', '50', 'Not needed')).result?.lowWeightReason).toBeNull();
  });

  it('names each field that is missing or not a percentage', () => {
    expect(readWeighting(form('', '', '')).problems.map(([f]) => f)).toEqual(['svWeight', 'quantitativeShare', 'qualitativeShare']);
    expect(messages(readWeighting(form('101', '-5', 'half')))).toEqual([
      'Enter the social value weighting as a percentage from 0 to 100, like 10',
      'Enter the quantitative share as a percentage from 0 to 100, like 50',
      'Enter the qualitative share as a percentage from 0 to 100, like 50',
    ]);
  });

  it('shows a saved weighting as typed', () => {
    expect(weightingValues({ svWeightBps: 1250, lowWeightReason: null, quantitativeShareBps: 6000 })).toEqual({
      svWeight: '12.5',
      lowWeightReason: '',
      quantitativeShare: '60',
      qualitativeShare: '40',
    });
  });
});

describe('readMeasureChoices', () => {
  const offered = [
    { id: 'a', code: 'SE01' },
    { id: 'b', code: 'WO01' },
  ];

  it('reads the chosen measures with their minimums in hundredths, ignoring the minimum of one not chosen', () => {
    const reading = readMeasureChoices({ measures: ['b', 'a'], 'minimum-a': '1,250.5', 'minimum-b': '' }, offered);
    expect(reading.result).toEqual([
      { measureId: 'a', minimumHundredths: 125050 },
      { measureId: 'b', minimumHundredths: null },
    ]);
    expect(readMeasureChoices({ measures: 'a', 'minimum-b': 'nonsense' }, offered).result).toEqual([{ measureId: 'a', minimumHundredths: null }]);
  });

  it('refuses no measures, an unknown measure and an unreadable minimum', () => {
    expect(messages(readMeasureChoices({}, offered))).toEqual(['Select at least one measure that bidders may commit to']);
    expect(readMeasureChoices({ measures: ['a', 'z'] }, offered).problems[0]![0]).toBe('measures');
    const bad = readMeasureChoices({ measures: ['a'], 'minimum-a': '-1' }, offered);
    expect(bad.problems).toEqual([['minimum-a', 'Enter the minimum for SE01 as a number of 0 or more, like 12.5, or leave it empty']]);
    expect(bad.values.minimums).toEqual({ a: '-1', b: '' });
  });
});

describe('readChoices', () => {
  const text = { none: 'Select at least one', unknown: 'Select from the list' };
  it('needs at least one, from the list, and drops repeats', () => {
    expect(readChoices({ people: ['x', 'x'] }, 'people', [{ id: 'x' }], text).result).toEqual(['x']);
    expect(messages(readChoices({}, 'people', [{ id: 'x' }], text))).toEqual(['Select at least one']);
    expect(messages(readChoices({ people: ['x', 'y'] }, 'people', [{ id: 'x' }], text))).toEqual(['Select from the list']);
  });
});

describe('the smaller set-up forms', () => {
  it('title: needed, on one line', () => {
    expect(readTitle({ title: '  Home care\n in Melton ' }).result).toBe('Home care in Melton');
    expect(messages(readTitle({ title: ' ' }))).toEqual(['Enter a title for the tender']);
  });

  it('method: one of the two', () => {
    expect(readMethod({ method: 'value_per_pound' }).result).toBe('value_per_pound');
    expect(messages(readMethod({ method: 'cheapest' }))).toEqual(['Select how the quantitative score is worked out']);
  });

  it('risk share: more than 0 and up to 100%', () => {
    expect(readRiskShare({ riskShare: '20' }).result).toBe(2000);
    expect(readRiskShare({ riskShare: '0' }).result).toBeNull();
    expect(readRiskShare({ riskShare: '100.5' }).result).toBeNull();
  });

  it('scale: a descriptor for each of the fixed scores', () => {
    const values = scaleValues(defaultScale);
    expect(readScale(values).result).toEqual(defaultScale);
    const missing = readScale({ ...values, descriptor75: '' });
    expect(missing.problems).toEqual([['descriptor75', 'Enter what a score of 75 means']]);
    expect(readScale({ ...values, descriptor0: 'x'.repeat(1001) }).problems[0]![0]).toBe('descriptor0');
  });
});
