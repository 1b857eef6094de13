import { describe, expect, it } from 'vitest';
import { CSV_COLUMNS } from './csv-format.js';
import { MAX_PROBLEMS_SHOWN, nameFromFileName, readImportFile } from './read-import-file.js';

const texts = (result: ReturnType<typeof readImportFile>) => (result.ok ? [] : result.problems.map((p) => p.text));

describe('reading an uploaded framework file', () => {
  it('accepts only CSV and JSON files', () => {
    expect(texts(readImportFile('framework.xlsx', Buffer.from('x')))).toEqual(['The selected file must be a CSV or JSON file']);
  });

  it('rejects empty files, files that are not UTF-8 and binary files', () => {
    expect(texts(readImportFile('a.csv', Buffer.alloc(0)))).toEqual(['The selected file is empty']);
    expect(texts(readImportFile('a.json', Buffer.from('\uFEFF  \n', 'utf8')))).toEqual(['The selected file is empty']);
    expect(texts(readImportFile('a.csv', Buffer.from([0x6f, 0xa3, 0x31])))).toEqual([
      'The selected file must be saved as UTF-8 text: in a spreadsheet program, save it as "CSV UTF-8"',
    ]);
    expect(texts(readImportFile('a.csv', Buffer.from('PK\u0003\u0004\u0000\u0000')))).toEqual(['The selected file is not a CSV file: it holds binary data']);
  });

  it('lists at most a limited number of problems, and says how many more there are', () => {
    const row = `SE,Economy,,SE01,Title,hours,Guide,Evidence,bad,Source,,,,0,0`;
    const rows = Array.from({ length: MAX_PROBLEMS_SHOWN + 5 }, (_, i) => row.replace('SE01', `SE${i}`));
    const problems = texts(readImportFile('a.csv', Buffer.from([CSV_COLUMNS.join(','), ...rows].join('\n'))));
    expect(problems).toHaveLength(MAX_PROBLEMS_SHOWN + 1);
    expect(problems.at(-1)).toBe('There are 5 more problems. Correct these and upload the file again to see the rest');
  });

  it('names a draft after the file it came from', () => {
    expect(nameFromFileName('C:\\Users\\me\\leicestershire-framework_v2.csv')).toBe('Leicestershire framework v2');
    expect(nameFromFileName('.csv')).toBe('Imported framework');
  });
});
