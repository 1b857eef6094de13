/**
 * The tasks of a social value opportunity assessment, and the status of each: worked out from the tasks the officer
 * has said are complete (opportunity_assessments.completed_tasks) and from what is saved, so that a task whose answer
 * no longer holds (its measures all removed, say) is not shown as complete.
 */

export const taskKeys = ['shaping', 'outcomes', 'measures', 'targets', 'cost'] as const;
export type TaskKey = (typeof taskKeys)[number];

export const taskTitles: Record<TaskKey | 'check', string> = {
  shaping: 'How the requirement could be shaped',
  outcomes: 'Strategic outcomes it can serve',
  measures: 'Measures to ask bidders for',
  targets: 'Targets',
  cost: 'Cost to suppliers',
  check: 'Check and complete',
};

export type TaskStatus = 'cannot_start' | 'not_started' | 'in_progress' | 'completed';

export const statusLabels: Record<TaskStatus, string> = {
  cannot_start: 'Cannot start yet',
  not_started: 'Not started',
  in_progress: 'In progress',
  completed: 'Completed',
};

/** What the statuses depend on: the saved assessment (null before it starts) and its measures. */
export interface AssessmentState {
  shaping: string | null;
  outcomeCodes: string[] | null;
  targetsNotes: string | null;
  supplierCost: string | null;
  completedTasks: string[];
  completedAt: Date | null;
  measures: readonly { targetHundredths: number | null }[];
}

interface TaskFacts {
  /** false when it needs another task's answer first */
  available: boolean;
  /** something has been saved for it */
  started: boolean;
  /** what is saved is a complete answer */
  answered: boolean;
}

function factsOf(state: AssessmentState): Record<TaskKey, TaskFacts> {
  const measureCount = state.measures.length;
  return {
    shaping: { available: true, started: state.shaping !== null, answered: !!state.shaping?.trim() },
    outcomes: { available: true, started: state.outcomeCodes !== null, answered: (state.outcomeCodes?.length ?? 0) > 0 },
    measures: { available: true, started: measureCount > 0, answered: measureCount > 0 },
    targets: {
      available: measureCount > 0,
      started: state.targetsNotes !== null || state.measures.some((m) => m.targetHundredths !== null),
      answered: measureCount > 0,
    },
    cost: { available: true, started: state.supplierCost !== null, answered: state.supplierCost !== null },
  };
}

export type TaskStatuses = Record<TaskKey | 'check', TaskStatus>;

export function taskStatuses(state: AssessmentState | null): TaskStatuses {
  if (!state) {
    return { shaping: 'not_started', outcomes: 'not_started', measures: 'not_started', targets: 'cannot_start', cost: 'not_started', check: 'cannot_start' };
  }
  const facts = factsOf(state);
  const statuses = {} as TaskStatuses;
  for (const key of taskKeys) {
    const f = facts[key];
    if (!f.available) statuses[key] = 'cannot_start';
    else if (f.answered && state.completedTasks.includes(key)) statuses[key] = 'completed';
    else statuses[key] = f.started || state.completedTasks.includes(key) ? 'in_progress' : 'not_started';
  }
  const allDone = taskKeys.every((key) => statuses[key] === 'completed');
  statuses.check = !allDone ? 'cannot_start' : state.completedAt ? 'completed' : 'not_started';
  return statuses;
}

/** The tasks still to complete before the assessment can be, in task order. */
export function unfinishedTasks(statuses: TaskStatuses): TaskKey[] {
  return taskKeys.filter((key) => statuses[key] !== 'completed');
}
