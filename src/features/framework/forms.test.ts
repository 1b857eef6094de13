import { describe, expect, it } from 'vitest';
import { readMeasureForm, readOutcomeForm, readVersionDetailsForm } from './forms.js';
import { unitOptions } from './units.js';

const outcomes = [{ id: '6f1c2b4e-0000-4000-8000-000000000001', code: 'SE' }];
const units = unitOptions([]);
const form = {
  code: ' SE10 ',
  outcomeId: outcomes[0]!.id,
  title: 'Volunteering hours',
  unit: 'hours',
  countingGuidance: 'Line one\r\nline two',
  evidenceExpected: 'Timesheets',
  proxyPounds: '£12.71',
  proxySource: 'GOV.UK',
  proxySourceUrl: 'https://www.gov.uk/national-minimum-wage-rates',
  proxyYear: '2026',
  proxyLicence: 'Open Government Licence v3.0',
  deadweight: '12.5',
  attribution: '0',
};

describe('the measure form', () => {
  it('keeps pounds as pence and percentages as basis points', () => {
    const { measure, problems } = readMeasureForm(form, outcomes, units);
    expect(problems).toEqual([]);
    expect(measure).toEqual({
      code: 'SE10',
      outcomeId: outcomes[0]!.id,
      title: 'Volunteering hours',
      unit: 'hours',
      countingGuidance: 'Line one\nline two',
      evidenceExpected: 'Timesheets',
      proxyPencePerUnit: 1271,
      proxySource: 'GOV.UK',
      proxySourceUrl: 'https://www.gov.uk/national-minimum-wage-rates',
      proxyYear: 2026,
      proxyLicence: 'Open Government Licence v3.0',
      deadweightBps: 1250,
      attributionBps: 0,
    });
  });

  it('clears the proxy details when there is no proxy value', () => {
    const { measure } = readMeasureForm({ ...form, proxyPounds: '' }, outcomes, units);
    expect(measure).toMatchObject({ proxyPencePerUnit: null, proxySource: null, proxySourceUrl: null, proxyYear: null, proxyLicence: null });
  });

  it('names every problem in the order of the form, and keeps what was typed', () => {
    const { measure, values, problems } = readMeasureForm(
      { ...form, code: '', outcomeId: 'elsewhere', unit: 'furlongs', proxyPounds: '12.715', proxySource: '', deadweight: '', attribution: '150' },
      outcomes,
      units,
    );
    expect(measure).toBeNull();
    expect(values.proxyPounds).toBe('12.715');
    expect(problems).toEqual([
      ['code', 'Enter a code'],
      ['outcomeId', 'Select the outcome this measure belongs to'],
      ['unit', 'Select a unit from the list'],
      ['proxyPounds', 'Enter the proxy value in pounds and pence, like 12.71'],
      ['proxySource', 'Enter the source of the proxy value'],
      ['deadweight', 'Enter the deadweight as a percentage, like 12.5, or 0 if there is none'],
      ['attribution', 'Enter the attribution as a percentage from 0 to 100, like 12.5'],
    ]);
  });

  it('refuses a negative proxy value, a bad year and a bad web address', () => {
    const { problems } = readMeasureForm({ ...form, proxyPounds: '-1', proxyYear: '26', proxySourceUrl: 'gov.uk' }, outcomes, units);
    expect(problems).toEqual([
      ['proxyPounds', 'Enter a proxy value of £0 or more'],
      ['proxySourceUrl', 'Enter the web address of the source in full, like https://www.gov.uk/national-minimum-wage-rates'],
      ['proxyYear', 'Enter the price year as 4 digits, like 2026'],
    ]);
  });

  it('offers units already used in the version as well as the common ones', () => {
    expect(unitOptions(['furlongs', 'hours'])).toEqual([...units, 'furlongs']);
    expect(readMeasureForm({ ...form, unit: 'furlongs' }, outcomes, unitOptions(['furlongs'])).problems).toEqual([]);
  });
});

describe('the outcome and version forms', () => {
  it('checks the outcome code and title', () => {
    expect(readOutcomeForm({ code: 'S E', title: '' }).problems).toEqual([
      ['code', 'Enter a code using only letters, numbers, full stops, hyphens and underscores, like SE01'],
      ['title', 'Enter a title'],
    ]);
    expect(readOutcomeForm({ code: 'SE', title: 'Economy', description: '' }).outcome).toEqual({ code: 'SE', title: 'Economy', description: '' });
  });

  it('needs a name, and stores empty notes as none', () => {
    expect(readVersionDetailsForm({ name: ' ', notes: '' }).problems).toEqual([['name', 'Enter a name for the framework']]);
    expect(readVersionDetailsForm({ name: 'Framework', notes: '  ' }).details).toEqual({ name: 'Framework', notes: null });
  });
});
