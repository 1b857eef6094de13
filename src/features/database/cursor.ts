import { isUuid } from '../../platform/forms.js';

/**
 * Keyset pagination: a page starts after the last row of the one before, named by its sort key, so that a page
 * deep in two million rows costs what the first page costs. A key is written as its parts joined by "~".
 */
export type Key = (string | number)[];

export function writeKey(key: Key): string {
  return key.join('~');
}

/** The key in an "after" link, checked part by part (number, ISO date or uuid), or null when it is not one. */
export function readKey(text: string, shape: readonly ('number' | 'date' | 'uuid')[]): Key | null {
  const parts = text.split('~');
  if (parts.length !== shape.length) return null;
  const key: Key = [];
  for (const [i, kind] of shape.entries()) {
    const part = parts[i]!;
    if (kind === 'number' && /^[0-9]{1,12}$/.test(part)) key.push(Number(part));
    else if (kind === 'date' && /^\d{4}-\d{2}-\d{2}$/.test(part)) key.push(part);
    else if (kind === 'uuid' && isUuid(part)) key.push(part.toLowerCase());
    else return null;
  }
  return key;
}
