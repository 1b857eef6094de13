import type { RequirementStage, TenderStatus } from '../../db/schema/index.js';
import type { ApplicabilityLevel } from '../../domain/applicability.js';

/** Where a requirement is in commissioning and procurement. */
export const stageLabels: Record<RequirementStage, string> = {
  pipeline: 'Pipeline',
  assessment: 'Assessment',
  ready_to_tender: 'Ready to tender',
  tendering: 'Tendering',
  awarded: 'Awarded',
  cancelled: 'Cancelled',
};

/** The stages of requirements still in progress: what the forward plan shows unless asked for another stage. */
export const openStages: readonly RequirementStage[] = ['pipeline', 'assessment', 'ready_to_tender', 'tendering'];

/** Stages that only the procurement parts (publication, award) or a cancellation move a requirement into, and never out of. */
const finalStages: readonly RequirementStage[] = ['tendering', 'awarded', 'cancelled'];

/** True while the requirement's details can still be changed: before its tender is published, and unless it is cancelled. */
export function isChangeable(stage: RequirementStage): boolean {
  return !finalStages.includes(stage);
}

export type Progress = 'not_started' | 'in_progress' | 'completed';

export const progressLabels: Record<Progress, string> = {
  not_started: 'Not started',
  in_progress: 'In progress',
  completed: 'Completed',
};

/** The progress of an opportunity assessment or a health impact screening, from its row (if any) and its completion time. */
export function progressOf(started: boolean, completedAt: Date | null): Progress {
  if (completedAt) return 'completed';
  return started ? 'in_progress' : 'not_started';
}

export interface SocialValueWork {
  assessment: Progress;
  screening: Progress;
  /** the status of the requirement's latest tender that is not cancelled, or null when it has none */
  tenderStatus: TenderStatus | null;
}

export function isInScope(level: ApplicabilityLevel): boolean {
  return level !== 'out_of_scope';
}

/**
 * What an in-scope requirement still lacks, in words for the forward plan. Out-of-scope and cancelled requirements
 * lack nothing: social value is not required of them.
 */
export function whatItLacks(applicability: ApplicabilityLevel, stage: RequirementStage, work: SocialValueWork): string[] {
  if (!isInScope(applicability) || stage === 'cancelled') return [];
  const lacks: string[] = [];
  if (work.assessment !== 'completed') {
    lacks.push(`Opportunity assessment ${work.assessment === 'not_started' ? 'not started' : 'not complete'}`);
  }
  if (work.screening !== 'completed') {
    lacks.push(`Health impact screening ${work.screening === 'not_started' ? 'not started' : 'not complete'}`);
  }
  if (work.tenderStatus === null) lacks.push('No tender yet');
  else if (work.tenderStatus === 'draft') lacks.push('Tender not published yet');
  return lacks;
}

/**
 * The stage the social value work puts a requirement in: ready to tender once its assessment and screening are both
 * complete, in assessment once either has started, otherwise in the pipeline. A requirement that is tendering,
 * awarded or cancelled stays where it is.
 */
export function derivedStage(current: RequirementStage, work: Pick<SocialValueWork, 'assessment' | 'screening'>): RequirementStage {
  if (finalStages.includes(current)) return current;
  if (work.assessment === 'completed' && work.screening === 'completed') return 'ready_to_tender';
  if (work.assessment !== 'not_started' || work.screening !== 'not_started') return 'assessment';
  return 'pipeline';
}
