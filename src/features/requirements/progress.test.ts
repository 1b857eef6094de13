import { describe, expect, it } from 'vitest';
import type { RequirementStage } from '../../db/schema/index.js';
import { derivedStage, isChangeable, progressOf, whatItLacks, type Progress, type SocialValueWork } from './progress.js';

const nothingDone: SocialValueWork = { assessment: 'not_started', screening: 'not_started', tenderStatus: null };

describe('progress of an assessment or screening', () => {
  it('is not started without a row, in progress with one, and completed once it has a completion time', () => {
    expect(progressOf(false, null)).toBe('not_started');
    expect(progressOf(true, null)).toBe('in_progress');
    expect(progressOf(true, new Date())).toBe('completed');
  });
});

describe('what an in-scope requirement still lacks', () => {
  it('lists the assessment, the screening and the tender while none has been started', () => {
    expect(whatItLacks('policy', 'pipeline', nothingDone)).toEqual([
      'Opportunity assessment not started',
      'Health impact screening not started',
      'No tender yet',
    ]);
  });

  it('says what is under way but not finished', () => {
    expect(whatItLacks('statutory', 'assessment', { assessment: 'in_progress', screening: 'completed', tenderStatus: 'draft' })).toEqual([
      'Opportunity assessment not complete',
      'Tender not published yet',
    ]);
  });

  it('lacks nothing once both are complete and the tender is published', () => {
    expect(whatItLacks('policy', 'tendering', { assessment: 'completed', screening: 'completed', tenderStatus: 'published' })).toEqual([]);
  });

  it('lacks nothing when out of scope or cancelled', () => {
    expect(whatItLacks('out_of_scope', 'pipeline', nothingDone)).toEqual([]);
    expect(whatItLacks('policy', 'cancelled', nothingDone)).toEqual([]);
  });
});

describe('the stage the social value work calls for', () => {
  const cases: [Progress, Progress, RequirementStage][] = [
    ['not_started', 'not_started', 'pipeline'],
    ['in_progress', 'not_started', 'assessment'],
    ['not_started', 'in_progress', 'assessment'],
    ['completed', 'in_progress', 'assessment'],
    ['completed', 'completed', 'ready_to_tender'],
  ];
  it.each(cases)('assessment %s and screening %s: %s', (assessment, screening, stage) => {
    for (const from of ['pipeline', 'assessment', 'ready_to_tender'] as const) expect(derivedStage(from, { assessment, screening })).toBe(stage);
  });

  it('never moves a requirement back from tendering, awarded or cancelled', () => {
    for (const from of ['tendering', 'awarded', 'cancelled'] as const) {
      expect(derivedStage(from, { assessment: 'not_started', screening: 'not_started' })).toBe(from);
      expect(derivedStage(from, { assessment: 'completed', screening: 'completed' })).toBe(from);
      expect(isChangeable(from)).toBe(false);
    }
    expect(isChangeable('ready_to_tender')).toBe(true);
  });
});
