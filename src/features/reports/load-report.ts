import type { DbOrTx } from '../../db/client.js';
import { loadDashboard } from '../dashboard/load-dashboard.js';
import { contractsMostDelivered, figuresByQuarter } from '../summaries/read.js';
import { verifiedNarratives } from './narratives.js';
import { trendQuarters, type ReportPeriod } from './report-periods.js';
import { topCaseStudies } from './top-case-studies.js';

/** How many contracts the report lists as delivering most, and of how many it quotes their suppliers. */
const TOP_CONTRACTS = 10;
const QUOTED_CONTRACTS = 5;

export type ReportData = Awaited<ReturnType<typeof loadReport>>;

/**
 * Everything a report shows. Its figures are the dashboard's for the same period (the same read of the summaries,
 * filtered to the period's quarters), with the trend over the eight quarters to its end, the contracts that
 * delivered most in it, what their suppliers said about the delivery that was verified, and the public case studies
 * of the contracts that delivered most (top-case-studies.ts).
 */
export async function loadReport(db: DbOrTx, period: ReportPeriod, today: string) {
  const [dashboard, trend, top, caseStudies] = await Promise.all([
    loadDashboard(db, { outcomeCode: null, district: null, directorate: null, from: period.from, to: period.to }, today),
    figuresByQuarter(db, { scope: 'all', ...trendQuarters(period) }),
    contractsMostDelivered(db, { from: period.from, to: period.to, limit: TOP_CONTRACTS }),
    topCaseStudies(db, period),
  ]);
  const quoted = top.slice(0, QUOTED_CONTRACTS);
  const narratives = await verifiedNarratives(
    db,
    quoted.map((c) => c.contractId),
    period,
  );
  return {
    period,
    today,
    dashboard,
    trend,
    top,
    caseStudies,
    narratives: quoted.map((contract) => ({ contract, narratives: narratives.get(contract.contractId) ?? [] })).filter((c) => c.narratives.length > 0),
  };
}
