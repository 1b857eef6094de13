import { describe, expect, it } from 'vitest';
import type { FrameworkContent, MeasureContent } from './content.js';
import { frameworkToCsv, guardFormula, unguardFormula } from './csv-format.js';
import { frameworkToJson } from './json-format.js';
import { leicestershireMeasures, leicestershireOutcomes } from './leicestershire-framework.js';
import { readImportFile } from './read-import-file.js';

const awkwardMeasure: MeasureContent = {
  code: 'ZZ01',
  outcomeCode: 'ZZ',
  title: 'Things with "quotes", commas, and a £ sign',
  unit: 'hours',
  countingGuidance: 'First line, with a comma.\nSecond line with "quotes".\n\nA blank line above; and a tab\there.',
  evidenceExpected: '=SUM(A1:A2) looks like a formula',
  proxyPencePerUnit: 0,
  proxySource: "'+ starts with an apostrophe and a plus",
  proxySourceUrl: 'https://www.gov.uk/example?a=1&b="2"',
  proxyYear: 1900,
  proxyLicence: '@licence',
  deadweightBps: 1,
  attributionBps: 10000,
};

/** The seeded framework plus the awkward cases a round trip must keep. */
const content: FrameworkContent = {
  outcomes: [
    ...leicestershireOutcomes,
    { code: 'ZZ', title: 'Awkward, "quoted" outcome', description: '-starts with a minus\nand runs over two lines' },
    { code: 'EMPTY', title: 'An outcome with no measures', description: '' },
  ],
  measures: [...leicestershireMeasures, awkwardMeasure],
};

const byCode = (a: MeasureContent, b: MeasureContent) => a.code.localeCompare(b.code);

function expectSameContent(actual: FrameworkContent, expected: FrameworkContent) {
  expect(actual.outcomes).toEqual(expected.outcomes);
  expect([...actual.measures].sort(byCode)).toEqual([...expected.measures].sort(byCode));
}

describe('framework files', () => {
  it('reads back exactly what it wrote, as CSV', () => {
    const csv = frameworkToCsv(content);
    expect(csv.startsWith('\uFEFFoutcome_code,outcome_title,')).toBe(true);
    const parsed = readImportFile('my_framework-file.csv', Buffer.from(csv, 'utf8'));
    if (!parsed.ok) throw new Error(parsed.problems.map((p) => p.text).join('\n'));
    expectSameContent(parsed.content, content);
    expect(parsed.name).toBe('My framework file');
    expect(parsed.notes).toBeNull();
  });

  it('reads back exactly what it wrote, as JSON, with the name and notes', () => {
    const json = frameworkToJson({ name: 'Framework "two"', notes: 'Line one\nline two' }, content);
    const parsed = readImportFile('anything.JSON', Buffer.from(`\uFEFF${json}`, 'utf8'));
    if (!parsed.ok) throw new Error(parsed.problems.map((p) => p.text).join('\n'));
    expectSameContent(parsed.content, content);
    expect(parsed.name).toBe('Framework "two"');
    expect(parsed.notes).toBe('Line one\nline two');
  });

  it('writes one CSV row per measure, and one for an outcome with no measures', () => {
    const csv = frameworkToCsv(content);
    const rows = csv.split('\r\n').filter((row) => /^[A-Z]+,/.test(row));
    expect(rows.filter((row) => row.startsWith('SE,'))).toHaveLength(leicestershireMeasures.filter((m) => m.outcomeCode === 'SE').length);
    expect(csv).toContain('\r\nEMPTY,An outcome with no measures,,,,,,,,,,,,,\r\n');
    expect(csv).toContain(",'=SUM(A1:A2) looks like a formula,0,''+ starts with an apostrophe and a plus,");
  });

  it('keeps measures with no proxy value as counted, not valued', () => {
    const unvalued = leicestershireMeasures.find((m) => m.proxyPencePerUnit === null)!;
    const parsed = readImportFile('x.csv', Buffer.from(frameworkToCsv(content)));
    if (!parsed.ok) throw new Error('expected the file to be read');
    expect(parsed.content.measures.find((m) => m.code === unvalued.code)).toEqual(unvalued);
  });

  it('guards text that a spreadsheet would run as a formula, reversibly', () => {
    for (const text of ['=1+1', '+44', '-5', '@me', "'=already", "''+two", "'plain", 'plain', '', "'"]) {
      expect(unguardFormula(guardFormula(text))).toBe(text);
    }
    expect(guardFormula('=1+1')).toBe("'=1+1");
    expect(guardFormula("'plain")).toBe("'plain");
  });
});
