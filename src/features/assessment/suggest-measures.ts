import type { ApplicabilityLevel } from '../../domain/applicability.js';
import { categoryOf, districtMeasureCodes, statutoryMeasureCodes } from './category-measures.js';
import { listInWords } from '../../domain/text.js';

/**
 * Ranks a framework version's measures for a requirement. Each measure scores for every reason that applies:
 *
 * - the requirement's CPV category lists it (category-measures.ts): 4
 * - the requirement is a statutory duty and the measure suits that scale (apprenticeships): 3
 * - the requirement is delivered in named districts and the measure is about local jobs or volunteering: 2
 * - the measure belongs to an outcome the officer chose: 1
 *
 * Measures that score are suggested, best first (ties keep the framework's order), at most MAX_SUGGESTIONS of them,
 * each with its reasons in words.
 */

export const MAX_SUGGESTIONS = 8;

const WEIGHTS = { category: 4, statutory: 3, districts: 2, outcome: 1 } as const;

export interface SuggestableMeasure {
  code: string;
  outcomeCode: string;
}

export interface SuggestionInput<M extends SuggestableMeasure> {
  /** the framework version's measures, in the framework's order */
  measures: readonly M[];
  /** the version's outcomes, to name the chosen ones */
  outcomes: readonly { code: string; title: string }[];
  chosenOutcomeCodes: readonly string[];
  requirement: {
    cpvCode: string;
    applicability: ApplicabilityLevel;
    /** where it is delivered, in words ("Charnwood and Melton"), or "" when no districts are given */
    deliveredIn: string;
  };
}

export interface Suggestion<M> {
  measure: M;
  score: number;
  /** "Suggested because the requirement is in health and social work services and you chose Wellbeing and opportunity" */
  reason: string;
}

export function suggestMeasures<M extends SuggestableMeasure>(input: SuggestionInput<M>): Suggestion<M>[] {
  const { requirement } = input;
  const category = categoryOf(requirement.cpvCode);
  const outcomeTitles = new Map(input.outcomes.map((o) => [o.code, o.title]));
  const chosen = new Set(input.chosenOutcomeCodes.filter((code) => outcomeTitles.has(code)));

  const scored = input.measures.map((measure, position) => {
    let score = 0;
    const clauses: string[] = [];
    if (category?.measureCodes.includes(measure.code)) {
      score += WEIGHTS.category;
      clauses.push(`the requirement ${category.phrase}`);
    }
    if (requirement.applicability === 'statutory' && statutoryMeasureCodes.includes(measure.code)) {
      score += WEIGHTS.statutory;
      clauses.push('its value is above the statutory threshold, large enough to offer apprenticeships');
    }
    if (requirement.deliveredIn && districtMeasureCodes.includes(measure.code)) {
      score += WEIGHTS.districts;
      clauses.push(`the work is delivered in ${requirement.deliveredIn}`);
    }
    if (chosen.has(measure.outcomeCode)) {
      score += WEIGHTS.outcome;
      clauses.push(`you chose ${outcomeTitles.get(measure.outcomeCode)}`);
    }
    return { measure, score, position, reason: clauses.length ? `Suggested because ${listInWords(clauses)}` : '' };
  });

  return scored
    .filter((s) => s.score > 0)
    .sort((a, b) => b.score - a.score || a.position - b.position)
    .slice(0, MAX_SUGGESTIONS)
    .map(({ measure, score, reason }) => ({ measure, score, reason }));
}
