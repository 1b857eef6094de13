import { describe, expect, it } from 'vitest';
import { taskStatuses, unfinishedTasks, type AssessmentState } from './tasks.js';

const empty: AssessmentState = {
  shaping: null,
  outcomeCodes: null,
  targetsNotes: null,
  supplierCost: null,
  completedTasks: [],
  completedAt: null,
  measures: [],
};

const finished: AssessmentState = {
  shaping: 'Jobs for care leavers',
  outcomeCodes: ['WO'],
  targetsNotes: '',
  supplierCost: '',
  completedTasks: ['shaping', 'outcomes', 'measures', 'targets', 'cost'],
  completedAt: null,
  measures: [{ targetHundredths: 200 }],
};

describe('assessment task statuses', () => {
  it('has nothing started before the assessment exists; targets wait for measures and the check for every task', () => {
    const expected = {
      shaping: 'not_started',
      outcomes: 'not_started',
      measures: 'not_started',
      targets: 'cannot_start',
      cost: 'not_started',
      check: 'cannot_start',
    };
    expect(taskStatuses(null)).toEqual(expected);
    expect(taskStatuses(empty)).toEqual(expected);
  });

  it('shows a task with an answer that is not marked complete as in progress', () => {
    const statuses = taskStatuses({ ...empty, shaping: 'A start', outcomeCodes: [], supplierCost: '', measures: [{ targetHundredths: null }] });
    expect(statuses).toMatchObject({ shaping: 'in_progress', outcomes: 'in_progress', measures: 'in_progress', targets: 'not_started', cost: 'in_progress' });
  });

  it('does not count a task as complete when its answer no longer holds', () => {
    const statuses = taskStatuses({ ...finished, shaping: '  ', outcomeCodes: [], measures: [] });
    expect(statuses).toMatchObject({ shaping: 'in_progress', outcomes: 'in_progress', measures: 'in_progress', targets: 'cannot_start' });
    expect(statuses.check).toBe('cannot_start');
  });

  it('lets the assessment be completed once every task is complete, and shows when it is', () => {
    expect(taskStatuses(finished)).toEqual({
      shaping: 'completed',
      outcomes: 'completed',
      measures: 'completed',
      targets: 'completed',
      cost: 'completed',
      check: 'not_started',
    });
    expect(taskStatuses({ ...finished, completedAt: new Date() }).check).toBe('completed');
  });

  it('counts targets as started by a target or notes, and complete without any target', () => {
    expect(taskStatuses({ ...empty, measures: [{ targetHundredths: 100 }] }).targets).toBe('in_progress');
    expect(taskStatuses({ ...empty, targetsNotes: 'Ask the market', measures: [{ targetHundredths: null }] }).targets).toBe('in_progress');
    expect(taskStatuses({ ...finished, measures: [{ targetHundredths: null }] }).targets).toBe('completed');
  });

  it('lists the tasks still to complete, in order', () => {
    expect(unfinishedTasks(taskStatuses({ ...finished, completedTasks: ['outcomes', 'targets'] }))).toEqual(['shaping', 'measures', 'cost']);
    expect(unfinishedTasks(taskStatuses(finished))).toEqual([]);
  });
});
