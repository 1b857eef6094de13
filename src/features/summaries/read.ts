/**
 * The summaries' read API: every figure of the dashboard, the reports, the public site, open data and the API comes
 * from here (never from a scan of lines). Stable: other features build on these names and shapes.
 */
export {
  deliveryToDate,
  figuresByDirectorate,
  figuresByDistrict,
  figuresByMeasure,
  figuresByOutcome,
  figuresByQuarter,
  outcomeTitles,
  summaryChoices,
  totalFigures,
  type Figures,
  type SummaryFilter,
} from './figures.js';
export {
  commitmentFigures,
  commitmentFiguresOfContracts,
  contractFigures,
  contractsMostBehind,
  contractsMostDelivered,
  contractTotals,
  type BehindContract,
  type CommitmentFigures,
  type ContractFigures,
  type ContractTotals,
  type ContractTotalsFilter,
  type DeliveringContract,
} from './contract-figures.js';
export { recountSummaries } from './recount.js';
export { policyCompliance, type ComplianceFilter, type PolicyCompliance, type RequirementWithoutCriteria } from './compliance.js';
