import { describe, expect, it } from 'vitest';
import { bidStatus } from './bid-status.js';

describe('bid status', () => {
  it('tells a draft, a submitted bid, and a bid changed after it was submitted apart', () => {
    expect(bidStatus(null).tag.text).toBe('Not started');
    expect(bidStatus({ status: 'draft', submittedAt: null })).toEqual({ tag: { text: 'Draft saved', classes: 'govuk-tag--blue' }, detail: null });
    const at = new Date('2026-11-20T10:05:00Z');
    expect(bidStatus({ status: 'submitted', submittedAt: at }).detail).toBe('Submitted on 20 November 2026 at 10:05am');
    expect(bidStatus({ status: 'draft', submittedAt: at }).detail).toBe(
      'Changed since it was submitted on 20 November 2026 at 10:05am: it must be submitted again',
    );
  });
});
