import type { DbOrTx } from '../../db/client.js';
import type { RequirementStage } from '../../db/schema/index.js';
import type { ApplicabilityLevel } from '../../domain/applicability.js';
import { tenderGate, type TenderGate } from '../settings/tender-gate.js';
import { isInScope, type SocialValueWork } from './progress.js';
import { findRequirement } from './repository.js';

export { tenderGate };

export interface Readiness {
  /** true when a tender may be set up for the requirement now */
  ready: boolean;
  /** what stands in the way, each a short sentence for a list ("Complete the opportunity assessment") */
  missing: string[];
  /** the same in one sentence, to show beside a disabled button; null when ready */
  message: string | null;
}

const closedStages: Partial<Record<RequirementStage, string>> = {
  cancelled: 'This requirement has been cancelled',
  awarded: 'This requirement has already been awarded',
};

/**
 * Whether a tender may be set up for a requirement. An in-scope requirement needs its opportunity assessment and its
 * health impact screening complete, unless an admin has relaxed the tender gate; an out-of-scope one needs neither.
 * A cancelled or awarded requirement cannot go to tender.
 */
export function tenderReadiness(
  requirement: { stage: RequirementStage; applicability: ApplicabilityLevel; work: Pick<SocialValueWork, 'assessment' | 'screening'> },
  gate: TenderGate,
): Readiness {
  const closed = closedStages[requirement.stage];
  if (closed) return { ready: false, missing: [closed], message: `${closed}, so it cannot go to tender` };
  if (!isInScope(requirement.applicability) || !gate.requireAssessment) return { ready: true, missing: [], message: null };
  const tasks = [
    ...(requirement.work.assessment === 'completed' ? [] : ['the opportunity assessment']),
    ...(requirement.work.screening === 'completed' ? [] : ['the health impact screening']),
  ];
  if (tasks.length === 0) return { ready: true, missing: [], message: null };
  return {
    ready: false,
    missing: tasks.map((task) => `Complete ${task}`),
    message: `Complete ${tasks.join(' and ')} before you set up a tender`,
  };
}

/** tenderReadiness() for a requirement in the database, with the tender gate in force. */
export async function isReadyForTender(db: DbOrTx, requirementId: string): Promise<Readiness> {
  const [requirement, gate] = await Promise.all([findRequirement(db, requirementId), tenderGate(db)]);
  if (!requirement) return { ready: false, missing: ['There is no such requirement'], message: 'There is no such requirement' };
  return tenderReadiness(requirement, gate);
}
