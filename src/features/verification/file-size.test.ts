import { describe, expect, it } from 'vitest';
import { fileSize } from './file-size.js';

describe('fileSize', () => {
  it('uses the largest unit that keeps the number at least 1', () => {
    expect(fileSize(0)).toBe('0 bytes');
    expect(fileSize(900)).toBe('900 bytes');
    expect(fileSize(15_360)).toBe('15 KB');
    expect(fileSize(2_621_440)).toBe('2.5 MB');
  });
});
