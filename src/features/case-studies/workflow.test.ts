import { describe, expect, it } from 'vitest';
import { stepsFrom } from './workflow.js';

describe('case study workflow', () => {
  it('lets authors send a draft for review and officers publish and withdraw', () => {
    const author = { author: true, officer: false };
    const officer = { author: true, officer: true };
    expect(stepsFrom('draft', author)).toEqual(['submit']);
    expect(stepsFrom('in_review', author)).toEqual(['return']);
    expect(stepsFrom('in_review', officer)).toEqual(['publish', 'return']);
    expect(stepsFrom('published', author)).toEqual([]);
    expect(stepsFrom('published', officer)).toEqual(['withdraw']);
    expect(stepsFrom('withdrawn', author)).toEqual(['reopen']);
    expect(stepsFrom('draft', { author: false, officer: false })).toEqual([]);
  });
});
