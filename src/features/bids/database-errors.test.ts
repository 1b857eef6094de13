import { describe, expect, it } from 'vitest';
import { isClosedRefusal } from './database-errors.js';

describe('database refusals', () => {
  it('recognises the database’s refusal of a change after closing, through drizzle’s wrapping', () => {
    expect(isClosedRefusal({ message: 'Failed query', cause: { code: 'P0001', hint: 'sv_closed' } })).toBe(true);
    expect(isClosedRefusal({ message: 'Failed query', cause: { code: 'P0001', hint: 'sv_frozen' } })).toBe(false);
    expect(isClosedRefusal(new Error('connection lost'))).toBe(false);
  });
});
