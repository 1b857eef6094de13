import { parseFrameworkCsv } from './csv-format.js';
import { fileProblem, type ImportProblem, type ParsedImport } from './import-problems.js';
import { parseFrameworkJson } from './json-format.js';
import { LIMITS } from './rules.js';

/** At most this many problems are listed; a file with more is usually the wrong file altogether. */
export const MAX_PROBLEMS_SHOWN = 500;

/** The name of a draft imported from a CSV file: the file's name, in words ("sv-framework_v2.csv" -> "Sv framework v2"). */
export function nameFromFileName(fileName: string): string {
  const base = fileName.replace(/^.*[\\/]/, '').replace(/\.[^.]*$/, '');
  const words = base
    .replace(/[-_\s]+/g, ' ')
    .trim()
    .slice(0, LIMITS.versionName)
    .trim();
  return words ? words.charAt(0).toUpperCase() + words.slice(1) : 'Imported framework';
}

function limited(problems: ImportProblem[]): ImportProblem[] {
  if (problems.length <= MAX_PROBLEMS_SHOWN) return problems;
  const more = problems.length - MAX_PROBLEMS_SHOWN;
  return [
    ...problems.slice(0, MAX_PROBLEMS_SHOWN),
    fileProblem(
      `There ${more === 1 ? 'is 1 more problem' : `are ${more.toLocaleString('en-GB')} more problems`}. Correct these and upload the file again to see the rest`,
    ),
  ];
}

/** Reads an uploaded CSV or JSON framework file: checks its type and encoding, then its every row or item. */
export function readImportFile(fileName: string, data: Buffer): ParsedImport {
  const type = /\.csv$/i.test(fileName) ? 'csv' : /\.json$/i.test(fileName) ? 'json' : null;
  if (!type) return { ok: false, problems: [fileProblem('The selected file must be a CSV or JSON file')] };
  let text: string;
  try {
    // The decoder removes a UTF-8 byte-order mark.
    text = new TextDecoder('utf-8', { fatal: true }).decode(data);
  } catch {
    return { ok: false, problems: [fileProblem('The selected file must be saved as UTF-8 text: in a spreadsheet program, save it as "CSV UTF-8"')] };
  }
  if (text.includes('\u0000')) return { ok: false, problems: [fileProblem(`The selected file is not a ${type.toUpperCase()} file: it holds binary data`)] };
  if (text.trim() === '') return { ok: false, problems: [fileProblem('The selected file is empty')] };
  const parsed = type === 'csv' ? parseFrameworkCsv(text, nameFromFileName(fileName)) : parseFrameworkJson(text);
  return parsed.ok ? parsed : { ok: false, problems: limited(parsed.problems) };
}
