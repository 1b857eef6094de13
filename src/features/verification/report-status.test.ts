import { describe, expect, it } from 'vitest';
import { reportStatusFrom } from './report-status.js';

describe('reportStatusFrom', () => {
  it('waits for the supplier while any line is queried, even with others pending', () => {
    expect(reportStatusFrom(['pending', 'queried', 'verified'])).toBe('queried');
  });

  it('waits for the council while any line is pending', () => {
    expect(reportStatusFrom(['pending', 'pending'])).toBe('submitted');
    expect(reportStatusFrom(['verified', 'pending', 'rejected'])).toBe('submitted');
  });

  it('is verified once every line is decided and at least one was verified', () => {
    expect(reportStatusFrom(['verified'])).toBe('verified');
    expect(reportStatusFrom(['rejected', 'verified'])).toBe('verified');
  });

  it('is rejected only when every line was rejected', () => {
    expect(reportStatusFrom(['rejected', 'rejected'])).toBe('rejected');
  });

  it('leaves a report without lines submitted', () => {
    expect(reportStatusFrom([])).toBe('submitted');
  });
});
