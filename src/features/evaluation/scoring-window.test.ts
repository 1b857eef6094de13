import { describe, expect, it } from 'vitest';
import { bidsOpenForEvaluation, whyBidsAreHidden, whyScoresCannotChange } from './scoring-window.js';

const now = new Date('2026-07-01T09:00:00Z');
const closed = { status: 'published' as const, closingAt: new Date('2026-06-30T11:00:00Z'), moderationLockedAt: null };

describe('when bids can be evaluated and scores saved', () => {
  it('opens the bids once the tender has closed, and keeps them open after the award', () => {
    expect(bidsOpenForEvaluation(closed, now)).toBe(true);
    expect(bidsOpenForEvaluation({ ...closed, status: 'awarded' }, now)).toBe(true);
    expect(bidsOpenForEvaluation({ ...closed, closingAt: new Date('2026-07-02T09:00:00Z') }, now)).toBe(false);
    expect(bidsOpenForEvaluation({ ...closed, status: 'draft' }, now)).toBe(false);
    expect(bidsOpenForEvaluation({ ...closed, status: 'cancelled' }, now)).toBe(false);
  });

  it('lets scores change only while the tender is closed and moderation is not locked', () => {
    expect(whyScoresCannotChange(closed, now)).toBeNull();
    expect(whyScoresCannotChange({ ...closed, moderationLockedAt: new Date('2026-07-01T08:30:00Z') }, now)).toBe(
      'Moderation was locked on 1 July 2026 at 9:30am, so no score can change',
    );
    expect(whyScoresCannotChange({ ...closed, status: 'awarded' }, now)).toBe('The contract has been awarded, so no score can change');
    expect(whyScoresCannotChange({ ...closed, status: 'cancelled' }, now)).toBe('The tender was cancelled, so its bids are not evaluated');
    expect(whyScoresCannotChange({ ...closed, closingAt: new Date('2026-07-02T11:00:00Z') }, now)).toBe(
      'Bids can be evaluated after the tender closes on 2 July 2026 at 12:00pm',
    );
  });

  it('says a draft must be published and closed first, and that a cancelled tender is not evaluated', () => {
    expect(whyBidsAreHidden({ ...closed, status: 'draft', closingAt: null })).toBe('Bids can be evaluated after the tender has been published and has closed');
    expect(whyBidsAreHidden({ ...closed, status: 'cancelled' })).toBe('The tender was cancelled, so its bids are not evaluated');
  });
});
