import { describe, expect, it } from 'vitest';
import { tenderPhase } from './phase.js';

const closingAt = new Date('2026-06-30T11:00:00Z');

describe('tenderPhase', () => {
  it('is open while a published tender has not reached its closing time', () => {
    expect(tenderPhase({ status: 'published', closingAt }, new Date('2026-06-30T10:59:59.999Z'))).toBe('open');
  });

  it('is closed from the closing time itself', () => {
    expect(tenderPhase({ status: 'published', closingAt }, closingAt)).toBe('closed');
    expect(tenderPhase({ status: 'published', closingAt }, new Date('2026-07-01T00:00:00Z'))).toBe('closed');
  });

  it('follows the status for drafts, early closes, awards and cancellations whatever the time', () => {
    const before = new Date('2026-01-01T00:00:00Z');
    expect(tenderPhase({ status: 'draft', closingAt }, before)).toBe('draft');
    expect(tenderPhase({ status: 'closed', closingAt }, before)).toBe('closed');
    expect(tenderPhase({ status: 'awarded', closingAt }, before)).toBe('awarded');
    expect(tenderPhase({ status: 'cancelled', closingAt: null }, before)).toBe('cancelled');
  });
});
