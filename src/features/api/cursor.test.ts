import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor } from './cursor.js';

describe('API page cursors', () => {
  it('carry the last id opaquely and back', () => {
    const id = '0b7c6f3e-55a1-4c1e-9a55-9f0f5d1b2c3d';
    const cursor = encodeCursor(id);
    expect(cursor).not.toContain(id);
    expect(decodeCursor(cursor)).toBe(id);
  });
  it('reject what this API did not make', () => {
    expect(decodeCursor('nonsense')).toBeUndefined();
    expect(decodeCursor(Buffer.from('v1:not-a-uuid').toString('base64url'))).toBeUndefined();
    expect(decodeCursor('')).toBeUndefined();
  });
});
