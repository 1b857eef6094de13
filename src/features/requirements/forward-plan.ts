import type { Db } from '../../db/client.js';
import { applicabilityLevels, requirementStages, type RequirementStage } from '../../db/schema/index.js';
import { applicabilityLabels, type ApplicabilityLevel } from '../../domain/applicability.js';
import { pageFrom, paginationLinks, shownRange } from '../../domain/pagination.js';
import { field } from '../../platform/forms.js';
import { directorates } from './directorates.js';
import { openStages, stageLabels, whatItLacks } from './progress.js';
import { countByStage, listRequirements, type RequirementFilters } from './repository.js';

const PAGE_SIZE = 50;

/** The forward plan's filters as chosen in its GET form: anything unknown is ignored. */
function readFilters(query: unknown): { filters: RequirementFilters; params: Record<string, string> } {
  const directorate = field(query, 'directorate');
  const stage = field(query, 'stage');
  const applicability = field(query, 'applicability');
  const knownDirectorate = directorates.includes(directorate) ? directorate : null;
  const knownStage = (requirementStages as readonly string[]).includes(stage) ? (stage as RequirementStage) : null;
  const knownApplicability =
    applicability === 'in_scope' || (applicabilityLevels as readonly string[]).includes(applicability)
      ? (applicability as ApplicabilityLevel | 'in_scope')
      : null;
  return {
    filters: {
      directorate: knownDirectorate,
      stages: knownStage ? [knownStage] : stage === 'all' ? null : openStages,
      applicability: knownApplicability,
    },
    params: {
      ...(knownDirectorate ? { directorate: knownDirectorate } : {}),
      ...(knownStage || stage === 'all' ? { stage } : {}),
      ...(knownApplicability ? { applicability: knownApplicability } : {}),
    },
  };
}

function hrefWith(params: Record<string, string>): string {
  const query = new URLSearchParams(params).toString();
  return query ? `/requirements?${query}` : '/requirements';
}

/** Everything the forward plan page shows for a query string: the filters, the counts and one page of requirements. */
export async function loadForwardPlan(db: Db, query: unknown) {
  const { filters, params } = readFilters(query);
  const page = pageFrom(field(query, 'page'), PAGE_SIZE);
  const [rows, counts] = await Promise.all([listRequirements(db, filters, page), countByStage(db, filters)]);
  const total = (filters.stages ?? requirementStages).reduce((sum, stage) => sum + counts[stage], 0);
  const groups = requirementStages
    .map((stage) => ({
      stage,
      label: stageLabels[stage],
      rows: rows
        .filter((row) => row.stage === stage)
        .map((row) => ({ ...row, applicabilityLabel: applicabilityLabels[row.applicability], lacks: whatItLacks(row.applicability, row.stage, row.work) })),
    }))
    .filter((group) => group.rows.length > 0);
  const { stage: _stage, ...otherParams } = params;
  return {
    groups,
    ...shownRange(page, rows.length, total),
    filtered: Object.keys(params).length > 0,
    stageCounts: requirementStages.map((stage) => ({ stage, label: stageLabels[stage], count: counts[stage], href: hrefWith({ ...otherParams, stage }) })),
    directorateItems: [{ value: '', text: 'All directorates' }, ...directorates.map((d) => ({ value: d, text: d, selected: d === filters.directorate }))],
    stageItems: [
      { value: '', text: 'All open stages' },
      ...requirementStages.map((s) => ({ value: s, text: stageLabels[s], selected: params.stage === s })),
      { value: 'all', text: 'All stages', selected: params.stage === 'all' },
    ],
    applicabilityItems: [
      { value: '', text: 'Any' },
      { value: 'in_scope', text: 'In scope (required by policy or statutory duty)', selected: filters.applicability === 'in_scope' },
      ...applicabilityLevels.map((level) => ({ value: level, text: applicabilityLabels[level], selected: filters.applicability === level })),
    ],
    pagination: paginationLinks(page, total, (n) => hrefWith({ ...params, page: String(n) })),
  };
}
