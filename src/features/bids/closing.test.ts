import { describe, expect, it } from 'vitest';
import { biddingEndedText, closingTimeText } from './closing.js';

describe('closing time', () => {
  it('says the closing time as the refusal after it does, in UK time', () => {
    expect(closingTimeText(new Date('2026-11-22T15:00:00Z'))).toBe('3:00pm on 22 November 2026');
    expect(closingTimeText(new Date('2026-07-01T11:30:00Z'))).toBe('12:30pm on 1 July 2026'); // British Summer Time
    expect(biddingEndedText('closed', new Date('2026-11-22T15:00:00Z'))).toBe(
      'The closing time for this tender was 3:00pm on 22 November 2026. You can no longer submit or change your bid',
    );
    expect(biddingEndedText('cancelled', null)).toBe('This tender has been cancelled. You can no longer submit or change your bid');
  });
});
