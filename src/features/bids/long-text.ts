/**
 * Long text as typed in a textarea, ready to keep: a line break as a browser sends it (\r\n) becomes one character,
 * as GOV.UK's character count counts it, and blank space at either end goes.
 */
export const normaliseText = (text: string): string => text.replace(/\r\n?/g, '\n').trim();
