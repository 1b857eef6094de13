import type { FrameworkContent } from './content.js';

/** One thing wrong with an import file, shown in the error summary (text) and in the table of problems (the parts). */
export interface ImportProblem {
  /** "Row 7", "Measure 3 (SE02)", or "File" */
  where: string;
  /** the CSV column or JSON field, or "" when the problem is with the whole row or file */
  column: string;
  message: string;
  text: string;
}

/** What a file held, ready to become a draft, or the problems that stop it. */
export type ParsedImport = { ok: true; name: string; notes: string | null; content: FrameworkContent } | { ok: false; problems: ImportProblem[] };

function lowerFirst(message: string): string {
  return message.charAt(0).toLowerCase() + message.slice(1);
}

/** "Row 7, column proxy_pence_per_unit: enter a whole number of pence, like 1271" */
export function cellProblem(where: string, word: 'column' | 'field', column: string, message: string): ImportProblem {
  return { where, column, message, text: `${where}, ${word} ${column}: ${lowerFirst(message)}` };
}

/** A problem with a whole row or item: "Row 7: ..." */
export function rowProblem(where: string, message: string): ImportProblem {
  return { where, column: '', message, text: `${where}: ${lowerFirst(message)}` };
}

/** A problem with the file as a whole: "The file is empty". */
export function fileProblem(message: string): ImportProblem {
  return { where: 'File', column: '', message, text: message };
}
