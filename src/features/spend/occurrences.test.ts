import { describe, expect, it } from 'vitest';
import { OccurrenceCounter } from './occurrences.js';

describe('counting occurrences of values', () => {
  it('counts as a Map would, through many growths, for values that repeat and values that share their low bits', () => {
    const counter = new OccurrenceCounter();
    const map = new Map<number, number>();
    let seed = 7;
    const random = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) & 0xfffffff;
    for (let i = 0; i < 200_000; i++) {
      const value = i % 5 === 0 ? i % 97 : i % 7 === 0 ? (i << 12) & 0xfffffff : random();
      const before = map.get(value) ?? 0;
      map.set(value, before + 1);
      expect(counter.next(value)).toBe(before);
    }
    expect(counter.next(0)).toBe(map.get(0));
    expect(counter.next(0xfffffff)).toBe(map.get(0xfffffff) ?? 0);
  });
});
