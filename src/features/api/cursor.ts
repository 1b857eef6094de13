import { isUuid } from '../../platform/forms.js';

/**
 * Opaque page cursors: the id of the last item of the page before, in base64url. Pages are read in id order after
 * it (keyset), so a cursor keeps its place while items are added or changed.
 */
export function encodeCursor(lastId: string): string {
  return Buffer.from(`v1:${lastId}`).toString('base64url');
}

/** The id a cursor carries; undefined when the cursor is not one this API made. */
export function decodeCursor(cursor: string): string | undefined {
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  const id = text.startsWith('v1:') ? text.slice(3) : '';
  return isUuid(id) ? id : undefined;
}
