import { describe, expect, it } from 'vitest';
import { readTenderGate } from './tender-gate.js';

describe('the stored tender gate', () => {
  it('is relaxed only by an explicit false', () => {
    expect(readTenderGate({ requireAssessment: false })).toEqual({ requireAssessment: false });
  });

  it.each([undefined, null, {}, { requireAssessment: true }, { requireAssessment: 'false' }, { requireAssessment: 0 }, 'false', false, []])(
    'keeps the policy default for %j',
    (value) => {
      expect(readTenderGate(value)).toEqual({ requireAssessment: true });
    },
  );
});
