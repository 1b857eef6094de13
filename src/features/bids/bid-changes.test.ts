import { describe, expect, it } from 'vitest';
import { commitmentChange, detailsChange } from './bid-changes.js';
import type { BidRecord, TenderMeasure } from './repository.js';

const measure = { measureId: 'm1', code: 'GC01' } as TenderMeasure;
const profile = [{ periodStart: '2027-04-01', periodEnd: '2028-03-31', quantityHundredths: 500 }];

// As PostgreSQL gives jsonb back: keys in its own order, not the order they were written in.
const saved = {
  pricePence: 1000,
  consortiumMembers: [{ role: 'Training', name: 'Hinckley Youth Trust', organisationId: null }],
  commitments: [
    {
      measureId: 'm1',
      quantityHundredths: 500,
      profile: [{ periodEnd: '2028-03-31', periodStart: '2027-04-01', quantityHundredths: 500 }],
      districts: ['Blaby'],
      narrative: 'How',
    },
  ],
  answers: new Map(),
} as unknown as BidRecord;

describe('bid changes', () => {
  it('see no change in values saved before, whatever the order of their keys', () => {
    expect(
      detailsChange(1, { pricePence: 1000, consortiumMembers: [{ name: 'Hinckley Youth Trust', organisationId: null, role: 'Training' }] }).changes(saved),
    ).toBe(false);
    expect(commitmentChange(1, measure, { quantityHundredths: 500, profile, districts: ['Blaby'], narrative: 'How' }).changes(saved)).toBe(false);
  });

  it('see a change in any part', () => {
    expect(detailsChange(1, { pricePence: 1001, consortiumMembers: saved.consortiumMembers }).changes(saved)).toBe(true);
    expect(detailsChange(1, { pricePence: 1000, consortiumMembers: [] }).changes(saved)).toBe(true);
    expect(commitmentChange(1, measure, { quantityHundredths: 500, profile, districts: ['Blaby', 'Melton'], narrative: 'How' }).changes(saved)).toBe(true);
    expect(
      commitmentChange(1, measure, {
        quantityHundredths: 500,
        profile: [{ ...profile[0]!, periodEnd: '2028-03-30' }],
        districts: ['Blaby'],
        narrative: 'How',
      }).changes(saved),
    ).toBe(true);
    expect(detailsChange(1, { pricePence: 1000, consortiumMembers: [] }).changes(null)).toBe(true);
  });
});
