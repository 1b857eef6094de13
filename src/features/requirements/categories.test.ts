import { describe, expect, it } from 'vitest';
import { commonCategories, cpvLabel, isCommonCategory, readCpvCode } from './categories.js';

describe('CPV codes', () => {
  it.each([
    ['85000000', '85000000'],
    ['85000000-9', '85000000-9'],
    [' 8531 2000 - 9 ', '85312000-9'],
  ])('reads %j as %s', (typed, code) => {
    expect(readCpvCode(typed)).toEqual({ ok: true, code });
  });

  it.each(['8500000', '850000000', '85000000-', '85000000-12', 'abcdefgh', '85.000.000', ''])('refuses %j as not in the format', (typed) => {
    expect(readCpvCode(typed)).toEqual({ ok: false, problem: 'format' });
  });

  it('refuses a code whose first two digits are not a CPV division', () => {
    expect(readCpvCode('12345678')).toEqual({ ok: false, problem: 'division' });
    expect(readCpvCode('00000000-0')).toEqual({ ok: false, problem: 'division' });
  });

  it('labels a listed code by its category, and any other by its division', () => {
    expect(cpvLabel('85000000')).toBe('Health and social work services');
    expect(cpvLabel('30192700-8')).toBe('Stationery');
    expect(cpvLabel('90500000')).toBe('Refuse and waste related services');
    expect(cpvLabel('85320000-8')).toBe('Health and social work services');
    expect(cpvLabel('45111000')).toBe('Construction work');
  });

  it('offers only valid codes, each once, and knows them as listed', () => {
    const codes = commonCategories.map((c) => c.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const code of codes) {
      expect(readCpvCode(code)).toEqual({ ok: true, code });
      expect(isCommonCategory(code)).toBe(true);
    }
    expect(isCommonCategory('85320000')).toBe(false);
  });
});
