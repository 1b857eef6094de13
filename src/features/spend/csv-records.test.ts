import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { CsvRecords } from './csv-records.js';

const FIXTURES = path.resolve(import.meta.dirname, '../../../test/fixtures/spend');

/** The records as the spend import's options make csv-parse read them. */
const csvParse = (text: string, separator = ',') =>
  parse(text, { delimiter: separator, relax_column_count: true, relax_quotes: true, skip_empty_lines: true }) as string[][];

/** The records CsvRecords reads from the text given in pieces of `size` characters. */
function records(text: string, size: number, separator = ','): string[][] {
  const out: string[][] = [];
  const reader = new CsvRecords(separator);
  for (let i = 0; i < text.length; i += size) reader.push(text.slice(i, i + size), (r) => out.push(r));
  reader.end((r) => out.push(r));
  return out;
}

const SIZES = [1, 2, 3, 7, 64, 65_536, Infinity];

describe('reading CSV records in pieces, as csv-parse reads them', () => {
  it.each(readdirSync(FIXTURES).filter((f) => f.endsWith('.csv')))('reads %s as csv-parse does, however the text is cut', (file) => {
    const bytes = readFileSync(path.join(FIXTURES, file));
    const text = file.includes('leeds') ? new TextDecoder('windows-1252').decode(bytes) : bytes.toString('utf8');
    const expected = csvParse(text);
    expect(expected.length).toBeGreaterThan(100);
    for (const size of [997, 65_536, Infinity]) expect(records(text, size)).toEqual(expected);
  });

  it.each([
    ['quoted separators, line breaks and doubled quotes', 'a,b\n"x, y","line\none"\n"say ""hi""",z\n'],
    ['Windows line ends, and a lone \\n inside a value after them', 'a,b\r\n1,2\nstill\r\n3,4\r\n'],
    ['old Mac line ends', 'a,b\r1,2\r3,4'],
    ['empty lines and lines of separators', '\n\na,b\n\n,\n1,2\n\n'],
    ['a quote inside an unquoted value', 'a,b\nO"Brien,5" pipe\n'],
    ['a closing quote followed by more text', 'a,b\n"abc"def,2\n"x"y"z,3\n'],
    ['an empty quoted value, and quotes at the end of the text', 'a,b,c\n"",x,""\n1,"2","3"'],
    ['no line break at the end', 'a,b\n1,2'],
    ['a trailing separator', 'a,b,\n1,2,\n'],
    ['semicolons', 'a;b\n"1;5";2\n'],
  ])('reads %s as csv-parse does', (_name, text) => {
    const separator = text.includes(';') ? ';' : ',';
    const expected = csvParse(text, separator);
    for (const size of SIZES) expect(records(text, size, separator), `in pieces of ${size}`).toEqual(expected);
  });

  it('refuses a quoted value still open at the end', () => {
    expect(() => csvParse('a,b\n"open,2\n')).toThrow();
    expect(() => records('a,b\n"open,2\n', 3)).toThrow(/Quote Not Closed/);
  });
});
