import { describe, expect, it } from 'vitest';
import { parseFrameworkJson } from './json-format.js';

const measure = {
  code: 'SE01',
  outcomeCode: 'SE',
  title: 'Local people employed',
  unit: 'people',
  countingGuidance: 'Count each person once.',
  evidenceExpected: 'A list of staff.',
  proxyPencePerUnit: 1271,
  proxySource: 'GOV.UK wage rates',
  proxySourceUrl: 'https://www.gov.uk/national-minimum-wage-rates',
  proxyYear: 2026,
  proxyLicence: 'Open Government Licence v3.0',
  deadweightBps: 1250,
  attributionBps: 0,
};

function file(changes: { measures?: unknown[]; outcomes?: unknown[]; [key: string]: unknown } = {}): string {
  return JSON.stringify({
    format: 'sv-framework',
    formatVersion: 1,
    version: { name: 'Test framework', notes: null },
    outcomes: [{ code: 'SE', title: 'A strong economy', description: '' }],
    measures: [measure],
    ...changes,
  });
}

function problemsOf(text: string): string[] {
  const parsed = parseFrameworkJson(text);
  if (parsed.ok) throw new Error('expected problems');
  return parsed.problems.map((p) => p.text);
}

describe('reading a framework JSON file', () => {
  it('reads the version name and notes, outcomes and measures', () => {
    expect(parseFrameworkJson(file())).toEqual({
      ok: true,
      name: 'Test framework',
      notes: null,
      content: { outcomes: [{ code: 'SE', title: 'A strong economy', description: '' }], measures: [measure] },
    });
  });

  it('reports each bad field by measure number and code', () => {
    const bad = { ...measure, code: 'SE02', unit: '', proxyPencePerUnit: 12.71, deadweightBps: 10001, colour: 'red' };
    expect(problemsOf(file({ measures: [measure, bad] }))).toEqual([
      'Measure 2 (SE02), field colour: remove this field: it is not part of the framework format',
      'Measure 2 (SE02), field proxyPencePerUnit: enter a whole number of pence, like 1271, or null if the measure is counted, not valued',
      'Measure 2 (SE02), field deadweightBps: enter a whole number of basis points from 0 to 10000, like 1250 for 12.5%',
      'Measure 2 (SE02), field unit: enter the unit the measure is counted in, like hours',
    ]);
  });

  it('reports missing fields, wrong types and measures that name an unknown outcome', () => {
    const { title: _title, ...untitled } = measure;
    expect(problemsOf(file({ measures: [{ ...untitled, outcomeCode: 'XX', proxyYear: '2026' }] }))).toEqual([
      'Measure 1 (SE01), field title: add this field: it is missing',
      'Measure 1 (SE01), field proxyYear: enter the price year as a number from 1900 to 2100, like 2026, or null',
      'Measure 1 (SE01), field outcomeCode: use the code of an outcome in the file: there is no outcome XX',
    ]);
  });

  it('reports duplicate codes', () => {
    expect(problemsOf(file({ measures: [measure, { ...measure, code: 'se01' }] }))).toEqual([
      'Measure 2 (se01), field code: use a different code: measure 1 already uses SE01',
    ]);
  });

  it('rejects malformed JSON, other formats and files with no outcomes', () => {
    expect(problemsOf('{"format": "sv-framework",')[0]).toMatch(/^The file is not valid JSON: /);
    expect(problemsOf('[1, 2]')).toEqual(['The file is not a framework file: it must hold one JSON object in curly brackets']);
    expect(problemsOf(file({ format: 'other' }))).toEqual([
      'File, field format: use a framework file exported from this service: its format is "sv-framework"',
    ]);
    expect(problemsOf(file({ formatVersion: 2 }))).toEqual(['File, field formatVersion: use a file in format version 1, the version this service reads']);
    expect(problemsOf(file({ outcomes: [], measures: [] }))).toEqual(['The file has no outcomes']);
    expect(problemsOf(file({ version: { name: '', notes: null } }))).toEqual(['Version, field name: enter a name for the framework']);
  });
});
