import type { DbOrTx } from '../../db/client.js';
import { quarterOf } from '../../domain/quarters.js';
import {
  contractsMostBehind,
  contractTotals,
  deliveryToDate,
  figuresByDirectorate,
  figuresByDistrict,
  figuresByMeasure,
  figuresByOutcome,
  figuresByQuarter,
  policyCompliance,
  totalFigures,
  type SummaryFilter,
} from '../summaries/read.js';
import type { DashboardFilter } from './filters.js';

export type DashboardData = Awaited<ReturnType<typeof loadDashboard>>;

/** Every figure of the dashboard, from the summaries only: a few small index reads, however much data there is. */
export async function loadDashboard(db: DbOrTx, filter: DashboardFilter, today: string) {
  const summary: SummaryFilter = { scope: 'all', ...filter };
  const current = quarterOf(today);
  const behindQuarter = filter.to && filter.to < current ? filter.to : current;
  const contractFilter = { directorate: filter.directorate, from: filter.from, to: filter.to };
  return {
    totals: await totalFigures(db, summary),
    delivery: await deliveryToDate(db, summary, today),
    contracts: await contractTotals(db, contractFilter),
    byOutcome: await figuresByOutcome(db, summary),
    byDistrict: await figuresByDistrict(db, summary),
    byDirectorate: await figuresByDirectorate(db, summary),
    byQuarter: await figuresByQuarter(db, summary),
    unvaluedMeasures: (await figuresByMeasure(db, summary)).filter((m) => !m.valued),
    behindQuarter,
    behind: await contractsMostBehind(db, { quarter: behindQuarter, directorate: filter.directorate, limit: 10 }),
    compliance: await policyCompliance(db, contractFilter),
  };
}
