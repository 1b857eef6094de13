import type { DbOrTx } from '../../db/client.js';
import { cachedRead } from '../../db/read-cache.js';
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

export type DashboardData = Awaited<ReturnType<typeof readDashboard>>;

/**
 * Every figure of the dashboard, from the summaries only: a few small index reads, however much data there is, run
 * side by side (a PostgreSQL pool runs them at once) and, on the embedded database, kept until its next write.
 */
export function loadDashboard(db: DbOrTx, filter: DashboardFilter, today: string) {
  return cachedRead(db, `dashboard:${today}:${JSON.stringify(filter)}`, () => readDashboard(db, filter, today));
}

async function readDashboard(db: DbOrTx, filter: DashboardFilter, today: string) {
  const summary: SummaryFilter = { scope: 'all', ...filter };
  const current = quarterOf(today);
  const behindQuarter = filter.to && filter.to < current ? filter.to : current;
  const contractFilter = { directorate: filter.directorate, from: filter.from, to: filter.to };
  const [totals, delivery, contracts, byOutcome, byDistrict, byDirectorate, byQuarter, byMeasure, behind, compliance] = await Promise.all([
    totalFigures(db, summary),
    deliveryToDate(db, summary, today),
    contractTotals(db, contractFilter),
    figuresByOutcome(db, summary),
    figuresByDistrict(db, summary),
    figuresByDirectorate(db, summary),
    figuresByQuarter(db, summary),
    figuresByMeasure(db, summary),
    contractsMostBehind(db, { quarter: behindQuarter, directorate: filter.directorate, limit: 10 }),
    policyCompliance(db, contractFilter),
  ]);
  return {
    totals,
    delivery,
    contracts,
    byOutcome,
    byDistrict,
    byDirectorate,
    byQuarter,
    unvaluedMeasures: byMeasure.filter((m) => !m.valued),
    behindQuarter,
    behind,
    compliance,
  };
}
