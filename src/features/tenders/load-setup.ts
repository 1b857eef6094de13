import type { DbOrTx } from '../../db/client.js';
import { partWeights, quantitativeFormula } from '../../domain/scoring.js';
import { findVersionByStatus } from '../framework/repository.js';
import { tenderPhase } from './phase.js';
import { publishProblems, type PublishInput } from './publish-checks.js';
import {
  findRequirementSummary,
  findVersionSummary,
  listAssignedEvaluators,
  listChosenMeasures,
  listInvitedSuppliers,
  listQuestions,
  type TenderRow,
} from './repository.js';

function publishInput(
  tender: TenderRow,
  lists: { measures: unknown[]; questions: { weightBps: number }[]; suppliers: unknown[]; evaluators: unknown[] },
): PublishInput {
  return {
    svWeightBps: tender.svWeightBps,
    lowWeightReason: tender.lowWeightReason,
    quantitativeShareBps: tender.quantitativeShareBps,
    closingAt: tender.closingAt,
    measureCount: lists.measures.length,
    questionWeightsBps: lists.questions.map((q) => q.weightBps),
    supplierCount: lists.suppliers.length,
    evaluatorCount: lists.evaluators.length,
  };
}

/** What publishing needs to know about a tender's set-up. */
export async function publishInputOf(db: DbOrTx, tender: TenderRow): Promise<PublishInput> {
  const [measures, questions, suppliers, evaluators] = await Promise.all([
    listChosenMeasures(db, tender.id),
    listQuestions(db, tender.id),
    listInvitedSuppliers(db, tender.id),
    listAssignedEvaluators(db, tender.id),
  ]);
  return publishInput(tender, { measures, questions, suppliers, evaluators });
}

/** Everything the tender page and the publish check show: the set-up, where the tender stands, and what is still missing. */
export async function loadTenderSetup(db: DbOrTx, tender: TenderRow, now: Date = new Date()) {
  const [requirement, version, activeVersion, measures, questions, suppliers, evaluators] = await Promise.all([
    findRequirementSummary(db, tender.requirementId),
    findVersionSummary(db, tender.frameworkVersionId),
    findVersionByStatus(db, 'active'),
    listChosenMeasures(db, tender.id),
    listQuestions(db, tender.id),
    listInvitedSuppliers(db, tender.id),
    listAssignedEvaluators(db, tender.id),
  ]);
  const parts = partWeights(tender);
  const phase = tenderPhase(tender, now);
  const problems = phase === 'draft' ? publishProblems(publishInput(tender, { measures, questions, suppliers, evaluators }), now) : [];
  return {
    tender,
    phase,
    requirement: requirement!,
    version: version!,
    /** the active framework version, when a draft was made with an older one: publishing moves it to this one */
    newerVersion: phase === 'draft' && activeVersion && activeVersion.id !== tender.frameworkVersionId ? activeVersion : null,
    measures,
    questions,
    questionTotalBps: questions.reduce((sum, q) => sum + q.weightBps, 0),
    suppliers,
    evaluators,
    parts,
    formula: quantitativeFormula(tender.quantitativeMethod, parts.quantitativeBps),
    problems,
  };
}

export type TenderSetup = Awaited<ReturnType<typeof loadTenderSetup>>;
