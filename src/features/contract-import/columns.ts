import { createHash } from 'node:crypto';

/** A byte-order mark, and the same three bytes read as Windows-1252 ("ï»¿"), which some exports put in front of the first header. */
export const LEADING_BOM = /^(?:\uFEFF|\u00EF\u00BB\u00BF)+/;

/** A header cell as people mean it: no byte-order mark, single spaces, no spaces at either end. */
export function normaliseHeader(cell: string): string {
  return cell
    .replace(LEADING_BOM, '')
    .replace(/[\s\u00A0]+/g, ' ')
    .trim();
}

/** "A" for the first column, "AA" for the 27th: the letters a spreadsheet shows above a column. */
export function columnLetter(index: number): string {
  let letters = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

/**
 * The names the import uses for a file's columns: the header as written, "Column F" when the header cell is empty,
 * and "Value (2)" for the second column with the same header, so that every column can be chosen by its name.
 */
export function columnNames(header: readonly string[], width: number): string[] {
  const names: string[] = [];
  const taken = new Set<string>();
  for (let i = 0; i < width; i++) {
    const base = normaliseHeader(header[i] ?? '') || `Column ${columnLetter(i)}`;
    let name = base;
    for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${base} (${n})`;
    taken.add(name.toLowerCase());
    names.push(name);
  }
  return names;
}

/**
 * Identifies a layout of header row, so that the columns chosen for one file can be offered for the next file laid
 * out the same way: a hash of the headers, ignoring case, spacing and empty columns at the end.
 */
export function headerSignature(header: readonly string[]): string {
  const cells = header.map((cell) => normaliseHeader(cell).toLowerCase());
  while (cells.length && cells[cells.length - 1] === '') cells.pop();
  return createHash('sha256').update(cells.join('\u001f')).digest('hex');
}
