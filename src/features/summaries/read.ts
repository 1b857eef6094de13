/**
 * The summaries' read API: every figure of the dashboard, the reports, the public site, open data and the API comes
 * from here (never from a scan of lines). Stable: other features build on these names and shapes. Each read is also
 * a part (`...Part`): a page needing many figures reads its parts together in one query with readParts().
 */
export {
  byDirectoratePart,
  byDistrictPart,
  byMeasurePart,
  byOutcomePart,
  byQuarterPart,
  choicesPart,
  deliveryPart,
  deliveryToDate,
  figuresByDirectorate,
  figuresByDistrict,
  figuresByMeasure,
  figuresByOutcome,
  figuresByQuarter,
  outcomeTitles,
  summaryChoices,
  totalFigures,
  totalPart,
  type DeliveryToDate,
  type Figures,
  type MeasureFigures,
  type SummaryChoices,
  type SummaryFilter,
} from './figures.js';
export {
  commitmentFigures,
  commitmentFiguresOfContracts,
  contractFigures,
  contractsMostBehind,
  contractsMostDelivered,
  contractTotals,
  contractTotalsPart,
  mostBehindPart,
  type BehindContract,
  type CommitmentFigures,
  type ContractFigures,
  type ContractTotals,
  type ContractTotalsFilter,
  type DeliveringContract,
} from './contract-figures.js';
export { readPart, readParts, type SummaryPart } from './parts.js';
export { recountSummaries } from './recount.js';
export { compliancePart, policyCompliance, type ComplianceFilter, type PolicyCompliance, type RequirementWithoutCriteria } from './compliance.js';
