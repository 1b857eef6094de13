import { describe, expect, it } from 'vitest';
import { parsePostcode } from './postcodes.js';

describe('parsePostcode', () => {
  it.each([
    ['le11 3ab', 'LE11 3AB', 'LE11', 'LE11 3'],
    ['LE113AB', 'LE11 3AB', 'LE11', 'LE11 3'],
    ['  le3   8ra ', 'LE3 8RA', 'LE3', 'LE3 8'],
    ['b1 1aa', 'B1 1AA', 'B1', 'B1 1'],
    ['sw1a 2aa', 'SW1A 2AA', 'SW1A', 'SW1A 2'],
    ['w1d 3qu', 'W1D 3QU', 'W1D', 'W1D 3'],
  ])('reads %j as %s', (input, postcode, outward, sector) => {
    expect(parsePostcode(input)).toEqual({ postcode, outward, sector });
  });

  it.each(['', 'LE11', 'LE11 3A', '11 3AB', 'LE11 AAB', 'LEE11 3AB', 'LE11 3AB1', 'LE1-1 3AB', 'LE11 3ÅB'])('rejects %j', (input) => {
    expect(parsePostcode(input)).toBeNull();
  });
});
