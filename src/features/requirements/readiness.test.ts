import { describe, expect, it } from 'vitest';
import { tenderReadiness } from './readiness.js';

const gateOn = { requireAssessment: true };
const gateOff = { requireAssessment: false };
const notStarted = { assessment: 'not_started', screening: 'not_started' } as const;

describe('whether a tender may be set up', () => {
  it('holds back an in-scope requirement until its assessment and screening are complete', () => {
    expect(tenderReadiness({ stage: 'pipeline', applicability: 'policy', work: notStarted }, gateOn)).toEqual({
      ready: false,
      missing: ['Complete the opportunity assessment', 'Complete the health impact screening'],
      message: 'Complete the opportunity assessment and the health impact screening before you set up a tender',
    });
    expect(tenderReadiness({ stage: 'assessment', applicability: 'statutory', work: { assessment: 'completed', screening: 'in_progress' } }, gateOn)).toEqual({
      ready: false,
      missing: ['Complete the health impact screening'],
      message: 'Complete the health impact screening before you set up a tender',
    });
    expect(
      tenderReadiness({ stage: 'ready_to_tender', applicability: 'policy', work: { assessment: 'completed', screening: 'completed' } }, gateOn).ready,
    ).toBe(true);
  });

  it('lets an out-of-scope requirement go to tender without them', () => {
    expect(tenderReadiness({ stage: 'pipeline', applicability: 'out_of_scope', work: notStarted }, gateOn)).toEqual({
      ready: true,
      missing: [],
      message: null,
    });
  });

  it('lets an in-scope requirement through when an admin has relaxed the gate', () => {
    expect(tenderReadiness({ stage: 'pipeline', applicability: 'statutory', work: notStarted }, gateOff)).toEqual({ ready: true, missing: [], message: null });
  });

  it('never lets a cancelled or awarded requirement go to tender', () => {
    const cancelled = tenderReadiness({ stage: 'cancelled', applicability: 'out_of_scope', work: notStarted }, gateOff);
    expect(cancelled).toEqual({
      ready: false,
      missing: ['This requirement has been cancelled'],
      message: 'This requirement has been cancelled, so it cannot go to tender',
    });
    expect(tenderReadiness({ stage: 'awarded', applicability: 'policy', work: notStarted }, gateOff).ready).toBe(false);
  });
});
