/**
 * Long text as typed in a textarea, ready to keep: a line break as a browser sends it (\r\n) becomes one character,
 * as GOV.UK's character count counts it, and blank space at either end goes.
 */
export const normaliseText = (text: string): string => text.replace(/\r\n?/g, '\n').trim();

/** "a", "a and b", "a, b and c"; "" for none. */
export function listInWords(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
