import { describe, expect, it } from 'vitest';
import { earlyCloseRefusal } from './close-tender.js';

describe('earlyCloseRefusal', () => {
  const bid = (name: string, submitted: boolean) => ({ name, submitted });

  it('allows closing an open tender once every invited supplier has submitted', () => {
    expect(earlyCloseRefusal('open', [bid('A', true), bid('B', true)])).toBeNull();
  });

  it('names the suppliers still to submit', () => {
    expect(earlyCloseRefusal('open', [bid('A', true), bid('B', false)])).toEqual({ status: 'waiting', suppliers: ['B'] });
  });

  it('refuses a tender with nobody invited, and one that is not open', () => {
    expect(earlyCloseRefusal('open', [])).toEqual({ status: 'waiting', suppliers: [] });
    expect(earlyCloseRefusal('draft', [bid('A', true)])).toEqual({ status: 'not-open', phase: 'draft' });
    expect(earlyCloseRefusal('closed', [bid('A', true)])).toEqual({ status: 'not-open', phase: 'closed' });
  });
});
