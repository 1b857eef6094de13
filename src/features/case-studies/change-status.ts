import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { caseStudies } from '../../db/schema/index.js';
import { withAudit, type Actor } from '../../platform/audit.js';
import type { CaseStudyRecord } from './repository.js';
import { steps, type StepName } from './workflow.js';

/** Who and when, for the step that leads to each status. */
function stamps(step: StepName, actorId: string | null) {
  const now = sql`now()`;
  switch (step) {
    case 'submit':
      return { submittedAt: now, submittedBy: actorId };
    case 'publish':
      return { publishedAt: now, publishedBy: actorId, withdrawnAt: null, withdrawnBy: null };
    case 'withdraw':
      return { withdrawnAt: now, withdrawnBy: actorId };
    default:
      return {};
  }
}

/**
 * Moves a case study one step along its workflow, in the audit trail with the step's words. The step happens only
 * from the status it starts from (someone else may have moved it meanwhile): false when it did not.
 */
export async function takeStep(db: Db, actor: Actor, caseStudy: CaseStudyRecord, name: StepName): Promise<boolean> {
  const step = steps[name];
  return withAudit(db, actor, `${step.action} “${caseStudy.title}”`, async (tx) => {
    const rows = await tx
      .update(caseStudies)
      .set({ status: step.to, updatedAt: sql`now()`, ...stamps(name, actor.id) })
      .where(and(eq(caseStudies.id, caseStudy.id), eq(caseStudies.status, step.from)))
      .returning({ id: caseStudies.id });
    return rows.length > 0;
  });
}
