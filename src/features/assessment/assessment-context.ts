import type { DbOrTx } from '../../db/client.js';
import { districts } from '../organisations/postcode-districts.js';
import {
  activeVersionId,
  findAssessment,
  listChosenMeasures,
  loadFramework,
  type AssessmentRow,
  type ChosenMeasure,
  type Framework,
  type FrameworkMeasure,
} from './repository.js';
import type { RequirementRow } from './requirement-pages.js';
import { listInWords } from '../../domain/text.js';
import { suggestMeasures, type Suggestion } from './suggest-measures.js';
import { taskStatuses, type TaskStatuses } from './tasks.js';

/** Everything the assessment's pages show about one requirement. */
export interface AssessmentContext {
  requirement: RequirementRow;
  /** null until the first task is saved */
  assessment: AssessmentRow | null;
  chosen: ChosenMeasure[];
  /** the framework version the assessment uses (the active one until it starts), or null when none is active */
  framework: Framework | null;
  /** the active version's id, which differs from the framework's once a newer version has been activated */
  activeVersionId: string | null;
  statuses: TaskStatuses;
}

export async function loadContext(db: DbOrTx, requirement: RequirementRow): Promise<AssessmentContext> {
  const assessment = await findAssessment(db, requirement.id);
  const chosen = assessment ? await listChosenMeasures(db, requirement.id) : [];
  const active = await activeVersionId(db);
  const versionId = assessment?.frameworkVersionId ?? active;
  const framework = versionId ? await loadFramework(db, versionId) : null;
  return { requirement, assessment, chosen, framework, activeVersionId: active, statuses: taskStatuses(assessment && { ...assessment, measures: chosen }) };
}

/** The measures suggested for the requirement, given the outcomes chosen so far. */
export function suggestionsFor(context: AssessmentContext): Suggestion<FrameworkMeasure>[] {
  if (!context.framework) return [];
  const { requirement } = context;
  return suggestMeasures({
    measures: context.framework.measures,
    outcomes: context.framework.outcomes,
    chosenOutcomeCodes: context.assessment?.outcomeCodes ?? [],
    requirement: { cpvCode: requirement.cpvCode, applicability: requirement.applicability, deliveredIn: deliveredInWords(requirement.districts) },
  });
}

/**
 * Where a requirement is delivered, in words: its districts in the county's order ("Charnwood and Melton"), "every
 * district of Leicestershire" when it is all of them, or "" when none are given. Districts may be stored by name or
 * by ONS code.
 */
export function deliveredInWords(values: readonly string[]): string {
  const named = districts.filter((d) => values.includes(d.name) || values.includes(d.code));
  if (named.length > 1 && named.length === districts.length) return 'every district of Leicestershire';
  return listInWords(named.map((d) => d.name));
}
