import { describe, expect, it } from 'vitest';
import { earlyCloseRefusal } from './close-tender.js';
import { readCloseReason } from './closing-reason.js';

describe('earlyCloseRefusal', () => {
  const bid = (submitted: boolean) => ({ submitted });

  it('allows closing an open tender once at least one bid has been submitted', () => {
    expect(earlyCloseRefusal('open', [bid(true), bid(false)])).toBeNull();
    expect(earlyCloseRefusal('open', [bid(true), bid(true)])).toBeNull();
  });

  it('refuses while no bid has been submitted, and a tender that is not open', () => {
    expect(earlyCloseRefusal('open', [])).toEqual({ status: 'no-bids' });
    expect(earlyCloseRefusal('open', [bid(false)])).toEqual({ status: 'no-bids' });
    expect(earlyCloseRefusal('draft', [bid(true)])).toEqual({ status: 'not-open', phase: 'draft' });
    expect(earlyCloseRefusal('closed', [bid(true)])).toEqual({ status: 'not-open', phase: 'closed' });
  });
});

describe('readCloseReason', () => {
  it('needs a reason of at most 1,000 characters, trimmed', () => {
    expect(readCloseReason('  Everyone has bid  ')).toEqual({ ok: true, reason: 'Everyone has bid' });
    expect(readCloseReason(' ')).toEqual({ ok: false, message: 'Enter why you are closing bidding early' });
    expect(readCloseReason('x'.repeat(1001))).toEqual({ ok: false, message: 'The reason must be 1,000 characters or fewer' });
  });
});
