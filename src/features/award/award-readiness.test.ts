import { describe, expect, it } from 'vitest';
import { awardRefusal, type TenderState } from './award-readiness.js';

const now = new Date('2026-06-01T12:00:00Z');
const earlier = new Date('2026-05-01T12:00:00Z');
const later = new Date('2026-07-01T12:00:00Z');
const ready: TenderState = { id: 't1', status: 'published', closingAt: earlier, moderationLockedAt: earlier };

describe('awardRefusal', () => {
  it('allows the award of a closed tender whose moderation is locked', () => {
    expect(awardRefusal(ready, now, null, 3)).toBeNull();
    expect(awardRefusal({ ...ready, status: 'closed' }, now, null, 3)).toBeNull();
  });

  it('refuses a second award, naming the winner', () => {
    const refusal = awardRefusal({ ...ready, status: 'awarded' }, now, 'Charnwood Care Services Ltd', 3);
    expect(refusal?.heading).toBe('This tender has already been awarded to Charnwood Care Services Ltd');
    expect(refusal?.link.href).toBe('/tenders/t1/award/done');
  });

  it('refuses before the tender closes, saying when it does', () => {
    const refusal = awardRefusal({ ...ready, closingAt: later }, now, null, 3);
    expect(refusal?.heading).toBe('This tender has not closed yet');
    expect(refusal?.paragraphs[0]).toBe('It closes on 1 July 2026 at 1:00pm.');
    expect(awardRefusal({ ...ready, closingAt: now }, now, null, 3)).toBeNull();
  });

  it('refuses before moderation is locked, pointing to moderation', () => {
    const refusal = awardRefusal({ ...ready, moderationLockedAt: null }, now, null, 3);
    expect(refusal?.heading).toBe('The moderated scores are not locked yet');
    expect(refusal?.link.href).toBe('/tenders/t1/moderation');
  });

  it('refuses a tender without bids', () => {
    expect(awardRefusal(ready, now, null, 0)?.heading).toBe('No bids were submitted');
  });

  it('refuses drafts and cancelled tenders', () => {
    expect(awardRefusal({ ...ready, status: 'draft' }, now, null, 3)?.heading).toBe('This tender has not been published');
    expect(awardRefusal({ ...ready, status: 'cancelled' }, now, null, 3)?.heading).toBe('This tender was cancelled');
  });
});
