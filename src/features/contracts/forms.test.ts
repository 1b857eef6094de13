import { describe, expect, it } from 'vitest';
import { readDetails, readRating } from './forms.js';

describe('readDetails', () => {
  it('accepts a listed manager or none, and a known frequency', () => {
    expect(readDetails({ manager: 'm1', frequency: 'monthly' }, ['m1'])).toMatchObject({ ok: true, managerId: 'm1', frequency: 'monthly' });
    expect(readDetails({ manager: '', frequency: 'annual' }, ['m1'])).toMatchObject({ ok: true, managerId: null });
  });

  it('refuses a manager not offered and an unknown frequency, keeping the input', () => {
    const reading = readDetails({ manager: 'someone', frequency: 'weekly' }, ['m1']);
    expect(reading).toMatchObject({
      ok: false,
      values: { manager: 'someone', frequency: 'weekly' },
      errors: { manager: 'Choose a contract manager from the list', frequency: 'Choose how often the supplier reports' },
    });
  });
});

describe('readRating', () => {
  it('needs a reason for a rating set by hand', () => {
    expect(readRating({ rating: 'good', reason: ' ' })).toMatchObject({ ok: false, errors: { reason: 'Enter the reason for setting the rating by hand' } });
    expect(readRating({ rating: 'good', reason: 'Recovery plan agreed' })).toMatchObject({
      ok: true,
      override: { rating: 'good', reason: 'Recovery plan agreed' },
    });
  });

  it('removes the override for the computed rating, with no reason needed', () => {
    expect(readRating({ rating: 'computed' })).toMatchObject({ ok: true, override: null });
  });

  it('refuses an unknown rating and an overlong reason', () => {
    expect(readRating({ rating: 'excellent', reason: 'x'.repeat(2001) })).toMatchObject({
      ok: false,
      errors: { rating: expect.any(String), reason: 'Reason must be 2000 characters or fewer' },
    });
  });
});
