import { asc, eq } from 'drizzle-orm';
import type { DbOrTx, Tx } from '../../db/client.js';
import { assessmentMeasures, frameworkVersions, measures, opportunityAssessments, outcomes } from '../../db/schema/index.js';

/** The assessment's queries. */

export type AssessmentRow = typeof opportunityAssessments.$inferSelect;

export interface FrameworkOutcome {
  code: string;
  title: string;
  description: string;
}

export interface FrameworkMeasure {
  id: string;
  code: string;
  title: string;
  unit: string;
  outcomeCode: string;
}

export interface Framework {
  versionId: string;
  versionNumber: number;
  outcomes: FrameworkOutcome[];
  /** in the framework's order: by outcome, then code */
  measures: FrameworkMeasure[];
}

export interface ChosenMeasure extends FrameworkMeasure {
  targetHundredths: number | null;
  reason: string;
}

export async function findAssessment(db: DbOrTx, requirementId: string): Promise<AssessmentRow | null> {
  const [row] = await db.select().from(opportunityAssessments).where(eq(opportunityAssessments.requirementId, requirementId)).limit(1);
  return row ?? null;
}

/** The measures an assessment asks for, in the framework's order, with their targets. */
export async function listChosenMeasures(db: DbOrTx, requirementId: string): Promise<ChosenMeasure[]> {
  return db
    .select({
      id: measures.id,
      code: measures.code,
      title: measures.title,
      unit: measures.unit,
      outcomeCode: outcomes.code,
      targetHundredths: assessmentMeasures.targetHundredths,
      reason: assessmentMeasures.reason,
    })
    .from(assessmentMeasures)
    .innerJoin(measures, eq(measures.id, assessmentMeasures.measureId))
    .innerJoin(outcomes, eq(outcomes.id, measures.outcomeId))
    .where(eq(assessmentMeasures.requirementId, requirementId))
    .orderBy(asc(outcomes.position), asc(outcomes.code), asc(measures.code));
}

export async function activeVersionId(db: DbOrTx): Promise<string | null> {
  const [row] = await db.select({ id: frameworkVersions.id }).from(frameworkVersions).where(eq(frameworkVersions.status, 'active')).limit(1);
  return row?.id ?? null;
}

/** A framework version's outcomes and measures, or null when there is no such version. */
export async function loadFramework(db: DbOrTx, versionId: string): Promise<Framework | null> {
  const [version] = await db.select({ number: frameworkVersions.number }).from(frameworkVersions).where(eq(frameworkVersions.id, versionId)).limit(1);
  if (!version) return null;
  const outcomeRows = await db
    .select({ code: outcomes.code, title: outcomes.title, description: outcomes.description })
    .from(outcomes)
    .where(eq(outcomes.versionId, versionId))
    .orderBy(asc(outcomes.position), asc(outcomes.code));
  const measureRows = await db
    .select({ id: measures.id, code: measures.code, title: measures.title, unit: measures.unit, outcomeCode: outcomes.code })
    .from(measures)
    .innerJoin(outcomes, eq(outcomes.id, measures.outcomeId))
    .where(eq(measures.versionId, versionId))
    .orderBy(asc(outcomes.position), asc(outcomes.code), asc(measures.code));
  return { versionId, versionNumber: version.number, outcomes: outcomeRows, measures: measureRows };
}

/**
 * The requirement's assessment, locked for this transaction; created (with the active framework version) when it has
 * not started yet. An assessment keeps the version it started with; one that started when no version was active takes
 * the active version as soon as there is one.
 */
export async function startAssessment(tx: Tx, requirementId: string): Promise<AssessmentRow> {
  const versionId = await activeVersionId(tx);
  await tx.insert(opportunityAssessments).values({ requirementId, frameworkVersionId: versionId }).onConflictDoNothing();
  const [row] = await tx.select().from(opportunityAssessments).where(eq(opportunityAssessments.requirementId, requirementId)).for('update');
  if (!row!.frameworkVersionId && versionId) {
    await tx.update(opportunityAssessments).set({ frameworkVersionId: versionId }).where(eq(opportunityAssessments.requirementId, requirementId));
    return { ...row!, frameworkVersionId: versionId };
  }
  return row!;
}

export async function lockAssessment(tx: Tx, requirementId: string): Promise<AssessmentRow | null> {
  const [row] = await tx.select().from(opportunityAssessments).where(eq(opportunityAssessments.requirementId, requirementId)).for('update');
  return row ?? null;
}
