import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { opportunityAssessments } from '../../db/schema/index.js';
import { withAudit, type Actor } from '../../platform/audit.js';
import { refreshRequirementStage } from '../requirements/refresh-stage.js';
import { listChosenMeasures, lockAssessment } from './repository.js';
import { lockChangeable, type RequirementRow } from './requirement-pages.js';
import { taskStatuses, unfinishedTasks, type TaskKey } from './tasks.js';

export type CompleteResult = { status: 'completed' | 'already-complete' | 'settled' } | { status: 'unfinished'; tasks: TaskKey[] };

/** Completes the assessment once every task is complete, checked again inside the transaction. */
export async function completeAssessment(db: Db, actor: Actor, requirement: RequirementRow): Promise<CompleteResult> {
  return withAudit(db, actor, `Completed the social value assessment of ${requirement.title}`, async (tx): Promise<CompleteResult> => {
    if (!(await lockChangeable(tx, requirement.id))) return { status: 'settled' };
    const assessment = await lockAssessment(tx, requirement.id);
    const statuses = taskStatuses(assessment && { ...assessment, measures: await listChosenMeasures(tx, requirement.id) });
    const tasks = unfinishedTasks(statuses);
    if (tasks.length) return { status: 'unfinished', tasks };
    if (assessment!.completedAt) return { status: 'already-complete' };
    await tx
      .update(opportunityAssessments)
      .set({ completedAt: sql`now()`, updatedAt: sql`now()` })
      .where(eq(opportunityAssessments.requirementId, requirement.id));
    await refreshRequirementStage(tx, requirement.id);
    return { status: 'completed' };
  });
}
