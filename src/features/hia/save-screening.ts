import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { hiaScreenings } from '../../db/schema/index.js';
import { withAudit, type Actor } from '../../platform/audit.js';
import { lockChangeable, type RequirementRow } from '../assessment/requirement-pages.js';
import { refreshRequirementStage } from '../requirements/refresh-stage.js';
import { completeImpacts, determinants, type Answers } from './determinants.js';
import { resultProblems } from './forms.js';
import { proposeResult, type HiaResult } from './propose-result.js';
import { lockScreening } from './repository.js';

/**
 * Saves the answers, starting the screening if need be. Changed answers re-open a completed screening: its result
 * has to be confirmed again. The requirement's stage follows, in the same transaction.
 */
export type SavedAnswers =
  /** reopened: the screening was complete, and its result must be confirmed again */
  | { status: 'saved'; reopened: boolean }
  /** the requirement went out to tender (or was cancelled) meanwhile: nothing was saved */
  | { status: 'settled' };

export async function saveAnswers(db: Db, actor: Actor, requirement: RequirementRow, answers: Answers): Promise<SavedAnswers> {
  return withAudit(db, actor, `Saved the health impact screening answers of ${requirement.title}`, async (tx): Promise<SavedAnswers> => {
    if (!(await lockChangeable(tx, requirement.id))) return { status: 'settled' };
    await tx.insert(hiaScreenings).values({ requirementId: requirement.id }).onConflictDoNothing();
    const screening = (await lockScreening(tx, requirement.id))!;
    const changed = determinants.some(
      (d) => screening.answers[d.key]?.impact !== answers[d.key]?.impact || (screening.answers[d.key]?.note ?? '') !== answers[d.key]?.note,
    );
    const reopened = changed && screening.completedAt !== null;
    if (changed) {
      await tx
        .update(hiaScreenings)
        .set({ answers, updatedAt: sql`now()`, ...(reopened ? { result: null, completedAt: null, completedBy: null } : {}) })
        .where(eq(hiaScreenings.requirementId, requirement.id));
    }
    await refreshRequirementStage(tx, requirement.id);
    return { status: 'saved', reopened };
  });
}

export type SaveResult = { status: 'saved' | 'unanswered' | 'settled' } | { status: 'invalid'; problems: [string, string][] };

/**
 * Confirms the result (the proposed one, or another with a reason), which completes the screening. The answers are
 * read again inside the transaction, so a result is never saved against answers it was not checked with.
 */
export async function saveResult(db: Db, actor: Actor, requirement: RequirementRow, input: { result: string; notes: string }): Promise<SaveResult> {
  return withAudit(db, actor, `Completed the health impact screening of ${requirement.title}`, async (tx): Promise<SaveResult> => {
    if (!(await lockChangeable(tx, requirement.id))) return { status: 'settled' };
    const screening = await lockScreening(tx, requirement.id);
    const impacts = screening && completeImpacts(screening.answers);
    if (!impacts) return { status: 'unanswered' };
    const problems = resultProblems(input.result, input.notes, proposeResult(impacts));
    if (problems.length) return { status: 'invalid', problems };
    await tx
      .update(hiaScreenings)
      .set({ result: input.result as HiaResult, notes: input.notes, completedBy: actor.id, completedAt: sql`now()`, updatedAt: sql`now()` })
      .where(eq(hiaScreenings.requirementId, requirement.id));
    await refreshRequirementStage(tx, requirement.id);
    return { status: 'saved' };
  });
}
