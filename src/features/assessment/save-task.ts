import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.js';
import { assessmentMeasures, opportunityAssessments } from '../../db/schema/index.js';
import { withAudit, type Actor } from '../../platform/audit.js';
import { refreshRequirementStage } from '../requirements/refresh-stage.js';
import type { SupplierCost, TargetsAnswer } from './forms.js';
import { startAssessment, type AssessmentRow } from './repository.js';
import { lockChangeable, type RequirementRow } from './requirement-pages.js';
import { taskTitles } from './tasks.js';

/** One task's answer, as it is saved. */
export type TaskAnswer =
  | { task: 'shaping'; shaping: string }
  | { task: 'outcomes'; outcomeCodes: string[] }
  | { task: 'measures'; measures: { measureId: string; reason: string }[] }
  | { task: 'targets'; targets: TargetsAnswer }
  | { task: 'cost'; supplierCost: SupplierCost };

export type SavedTask =
  /** reopened: the assessment was complete, and this change means it must be checked and completed again */
  | { status: 'saved'; reopened: boolean }
  /** the requirement went out to tender (or was cancelled) meanwhile: nothing was saved */
  | { status: 'settled' };

/**
 * Saves a task's answer and whether the officer says the task is complete, starting the assessment if need be.
 * Any change to a completed assessment re-opens it. The requirement's stage follows, in the same transaction.
 */
export async function saveTask(db: Db, actor: Actor, requirement: RequirementRow, answer: TaskAnswer, complete: boolean): Promise<SavedTask> {
  const action = `Saved “${taskTitles[answer.task]}” in the social value assessment of ${requirement.title}`;
  return withAudit(db, actor, action, async (tx): Promise<SavedTask> => {
    if (!(await lockChangeable(tx, requirement.id))) return { status: 'settled' };
    const assessment = await startAssessment(tx, requirement.id);
    const changed = await applyAnswer(tx, assessment, answer);
    const wasComplete = assessment.completedTasks.includes(answer.task);
    const completedTasks = complete
      ? [...new Set([...assessment.completedTasks, answer.task])]
      : assessment.completedTasks.filter((key) => key !== answer.task);
    const reopened = assessment.completedAt !== null && (changed || wasComplete !== complete);
    await tx
      .update(opportunityAssessments)
      .set({ completedTasks, ...(reopened ? { completedAt: null } : {}), ...(changed || wasComplete !== complete ? { updatedAt: sql`now()` } : {}) })
      .where(eq(opportunityAssessments.requirementId, requirement.id));
    await refreshRequirementStage(tx, requirement.id);
    return { status: 'saved', reopened };
  });
}

/** Writes the answer; true when it differs from what was saved before. */
async function applyAnswer(tx: Tx, assessment: AssessmentRow, answer: TaskAnswer): Promise<boolean> {
  const requirementId = assessment.requirementId;
  const update = (values: Partial<typeof opportunityAssessments.$inferInsert>) =>
    tx.update(opportunityAssessments).set(values).where(eq(opportunityAssessments.requirementId, requirementId));
  switch (answer.task) {
    case 'shaping':
      if (assessment.shaping === answer.shaping) return false;
      await update({ shaping: answer.shaping });
      return true;
    case 'outcomes':
      if (assessment.outcomeCodes !== null && sameItems(assessment.outcomeCodes, answer.outcomeCodes)) return false;
      await update({ outcomeCodes: answer.outcomeCodes });
      return true;
    case 'cost':
      if (assessment.supplierCost === answer.supplierCost) return false;
      await update({ supplierCost: answer.supplierCost });
      return true;
    case 'measures':
      return replaceMeasures(tx, requirementId, answer.measures);
    case 'targets':
      return saveTargets(tx, assessment, answer.targets);
  }
}

/** Keeps the measures still chosen (with their targets), removes the others and adds the new ones. */
async function replaceMeasures(tx: Tx, requirementId: string, chosen: { measureId: string; reason: string }[]): Promise<boolean> {
  const existing = await tx
    .select({ measureId: assessmentMeasures.measureId })
    .from(assessmentMeasures)
    .where(eq(assessmentMeasures.requirementId, requirementId));
  const before = new Set(existing.map((row) => row.measureId));
  const after = new Set(chosen.map((c) => c.measureId));
  const removed = [...before].filter((id) => !after.has(id));
  const added = chosen.filter((c) => !before.has(c.measureId));
  if (removed.length) {
    await tx.delete(assessmentMeasures).where(and(eq(assessmentMeasures.requirementId, requirementId), inArray(assessmentMeasures.measureId, removed)));
  }
  if (added.length) await tx.insert(assessmentMeasures).values(added.map((c) => ({ requirementId, measureId: c.measureId, reason: c.reason })));
  return removed.length > 0 || added.length > 0;
}

async function saveTargets(tx: Tx, assessment: AssessmentRow, answer: TargetsAnswer): Promise<boolean> {
  const requirementId = assessment.requirementId;
  const rows = await tx
    .select({ measureId: assessmentMeasures.measureId, targetHundredths: assessmentMeasures.targetHundredths })
    .from(assessmentMeasures)
    .where(eq(assessmentMeasures.requirementId, requirementId));
  let changed = false;
  for (const row of rows) {
    const target = answer.targets.get(row.measureId) ?? null;
    if (target === row.targetHundredths) continue;
    changed = true;
    await tx
      .update(assessmentMeasures)
      .set({ targetHundredths: target })
      .where(and(eq(assessmentMeasures.requirementId, requirementId), eq(assessmentMeasures.measureId, row.measureId)));
  }
  if (assessment.targetsNotes !== answer.notes) {
    changed ||= (assessment.targetsNotes ?? '') !== answer.notes;
    await tx.update(opportunityAssessments).set({ targetsNotes: answer.notes }).where(eq(opportunityAssessments.requirementId, requirementId));
  }
  return changed;
}

function sameItems(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((item) => b.includes(item));
}
