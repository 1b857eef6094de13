import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { requirements, type RequirementStage } from '../../db/schema/index.js';
import { derivedStage } from './progress.js';
import { lockRequirement } from './repository.js';

/**
 * Puts a requirement in the stage its opportunity assessment and health impact screening call for: pipeline,
 * assessment, or ready to tender (see derivedStage). A requirement that is tendering, awarded or cancelled is left
 * where it is. Call it inside the transaction that changes the assessment, the screening or the tender, so that the
 * change and the stage are saved, and audited, together. Returns the stage, or null when there is no such requirement.
 */
export async function refreshRequirementStage(tx: DbOrTx, requirementId: string): Promise<RequirementStage | null> {
  const requirement = await lockRequirement(tx, requirementId);
  if (!requirement) return null;
  const stage = derivedStage(requirement.stage, requirement.work);
  if (stage !== requirement.stage) await tx.update(requirements).set({ stage }).where(eq(requirements.id, requirementId));
  return stage;
}
