import { describe, expect, it } from 'vitest';
import { CSV_COLUMNS, parseFrameworkCsv } from './csv-format.js';

const header = CSV_COLUMNS.join(',');
const good =
  'SE,A strong economy,Jobs and skills,SE01,Local people employed,people,Count each person once.,A list of staff.,1271,GOV.UK wage rates,https://www.gov.uk/national-minimum-wage-rates,2026,Open Government Licence v3.0,12.5,0';

function problemsOf(...rows: string[]): string[] {
  const parsed = parseFrameworkCsv([header, ...rows].join('\n'), 'Test');
  if (parsed.ok) throw new Error('expected problems');
  return parsed.problems.map((p) => p.text);
}

function withCell(row: string, column: (typeof CSV_COLUMNS)[number], value: string): string {
  const cells = row.split(',');
  cells[CSV_COLUMNS.indexOf(column)] = value;
  return cells.join(',');
}

describe('reading a framework CSV file', () => {
  it('reads a measure with its proxy value in pence and percentages as basis points', () => {
    const parsed = parseFrameworkCsv(`${header}\r\n${good}\r\n`, 'Test');
    expect(parsed).toEqual({
      ok: true,
      name: 'Test',
      notes: null,
      content: {
        outcomes: [{ code: 'SE', title: 'A strong economy', description: 'Jobs and skills' }],
        measures: [
          {
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
          },
        ],
      },
    });
  });

  it('accepts header names in any order and case, and skips blank rows', () => {
    const columns = [...CSV_COLUMNS].reverse();
    const row = [...good.split(',')].reverse().join(',');
    const parsed = parseFrameworkCsv(`${columns.map((c) => c.toUpperCase()).join(',')}\n\n${row}\n,,,,,,,,,,,,,,\n`, 'Test');
    expect(parsed.ok && parsed.content.measures[0]?.proxyPencePerUnit).toBe(1271);
  });

  it('allows empty columns with no name, as spreadsheet programs sometimes save them', () => {
    expect(parseFrameworkCsv(`${header},,\n${good},,\n`, 'Test').ok).toBe(true);
    const parsed = parseFrameworkCsv(`${header},,\n${good},,x\n`, 'Test');
    expect(parsed.ok ? [] : parsed.problems.map((p) => p.text)).toEqual([
      'Row 2: this row has a value in a column with no name in the header row: name the column or remove the value',
    ]);
  });

  it('names every missing and unknown column', () => {
    const parsed = parseFrameworkCsv('outcome_code,outcome_title,colour\nSE,Economy,red', 'Test');
    expect(parsed.ok).toBe(false);
    const texts = parsed.ok ? [] : parsed.problems.map((p) => p.text);
    expect(texts).toContain('Row 1, column colour: remove this column or correct its name: it is not one of the columns listed on the import page');
    expect(texts).toContain('Row 1, column proxy_pence_per_unit: add this column: it is missing from the header row');
    expect(texts).toHaveLength(1 + CSV_COLUMNS.length - 2);
  });

  it('reports bad numbers by row and column', () => {
    expect(problemsOf(good, withCell(good.replace('SE01', 'SE02'), 'proxy_pence_per_unit', '12.71'))).toEqual([
      'Row 3, column proxy_pence_per_unit: enter a whole number of pence, like 1271, or leave it empty if the measure is counted, not valued',
    ]);
    expect(problemsOf(withCell(good, 'proxy_year', '26'))).toEqual(['Row 2, column proxy_year: enter the price year as 4 digits from 1900 to 2100, like 2026']);
  });

  it('reports percentages out of range', () => {
    expect(problemsOf(withCell(withCell(good, 'deadweight_percent', '101'), 'attribution_percent', '-1'))).toEqual([
      'Row 2, column deadweight_percent: enter a percentage from 0 to 100, like 12.5, or 0 if there is none',
      'Row 2, column attribution_percent: enter a percentage from 0 to 100, like 12.5, or 0 if there is none',
    ]);
  });

  it('needs a source when there is a proxy value, and no proxy details when there is none', () => {
    expect(problemsOf(withCell(good, 'proxy_source', ''))).toEqual(['Row 2, column proxy_source: enter the source of the proxy value']);
    expect(problemsOf(withCell(good, 'proxy_pence_per_unit', ''))).toEqual([
      'Row 2, column proxy_source: leave this empty when there is no proxy value, or give a proxy value',
      'Row 2, column proxy_source_url: leave this empty when there is no proxy value, or give a proxy value',
      'Row 2, column proxy_year: leave this empty when there is no proxy value, or give a proxy value',
      'Row 2, column proxy_licence: leave this empty when there is no proxy value, or give a proxy value',
    ]);
  });

  it('reports duplicate codes, with the row that used the code first', () => {
    expect(problemsOf(good, good.replace('SE01', 'se01'))).toEqual(['Row 3, column measure_code: use a different code: row 2 already uses SE01']);
  });

  it('reports an outcome whose title differs between its rows', () => {
    expect(problemsOf(good, good.replace('SE01', 'SE02').replace('A strong economy', 'Economy'))).toEqual([
      'Row 3, column outcome_title: use the same title for outcome SE on every row: row 2 has a different one',
    ]);
  });

  it('reports missing required text and a row with the wrong number of cells, and lists every problem in row order', () => {
    expect(
      problemsOf(withCell(good, 'measure_title', ''), 'SE,A strong economy,Jobs and skills,SE03', withCell(good.replace('SE01', 'SE04'), 'outcome_code', '')),
    ).toEqual([
      'Row 2, column measure_title: enter a title',
      'Row 3: this row has 4 cells but the header row has 15: check for a missing comma or quote mark',
      'Row 4, column outcome_code: enter the code of the outcome this row belongs to',
    ]);
  });

  it('rejects malformed CSV, empty files and files with no outcomes', () => {
    expect(problemsOf(`${good}\nSE,"unclosed`)).toEqual(['The file is not a valid CSV file: a quoted value is not closed (near line 3)']);
    expect(parseFrameworkCsv(',,,\n\n', 'Test')).toEqual({ ok: false, problems: [expect.objectContaining({ text: 'The file is empty' })] });
    expect(parseFrameworkCsv(`${header}\n`, 'Test')).toEqual({
      ok: false,
      problems: [expect.objectContaining({ text: 'The file has no outcomes: add a row for each measure below the header row' })],
    });
  });
});
