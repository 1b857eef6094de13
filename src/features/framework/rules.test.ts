import { describe, expect, it } from 'vitest';
import { parsePercent } from '../../domain/money.js';
import { leicestershireMeasures, leicestershireOutcomes } from './leicestershire-framework.js';
import { percentText } from '../../domain/money.js';
import { normaliseText } from '../../domain/text.js';
import { contentProblems, measureProblems, outcomeProblems } from './rules.js';
import { COMMON_UNITS } from './units.js';

describe('framework rules', () => {
  it('accept the seeded Leicestershire framework as it is', () => {
    expect(leicestershireOutcomes.flatMap(outcomeProblems)).toEqual([]);
    expect(leicestershireMeasures.flatMap(measureProblems)).toEqual([]);
    expect(contentProblems({ outcomes: leicestershireOutcomes, measures: leicestershireMeasures }, () => '')).toEqual([]);
    for (const m of leicestershireMeasures) expect(COMMON_UNITS).toContain(m.unit);
  });

  it('writes every whole number of basis points as a percentage that reads back exactly', () => {
    for (let bps = 0; bps <= 10000; bps++) expect(parsePercent(percentText(bps))).toBe(bps);
    expect(percentText(1250)).toBe('12.5');
    expect(percentText(0)).toBe('0');
  });

  it('stores text with one kind of line ending and no surrounding space', () => {
    expect(normaliseText('  a\r\nb\rc\n ')).toBe('a\nb\nc');
  });

  it('finds measures naming an outcome that is not in the framework', () => {
    const measure = { ...leicestershireMeasures[0]!, outcomeCode: 'NOPE' };
    expect(contentProblems({ outcomes: leicestershireOutcomes, measures: [measure] }, (kind, i) => `${kind} ${i + 1}`)).toEqual([
      { kind: 'measure', index: 0, field: 'outcomeCode', message: 'Use the code of an outcome in the file: there is no outcome NOPE' },
    ]);
  });
});
