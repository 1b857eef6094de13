import type { DbOrTx } from '../../db/client.js';
import { cachedRead } from '../../db/read-cache.js';
import { quarterOf } from '../../domain/quarters.js';
import {
  byDirectoratePart,
  byDistrictPart,
  byMeasurePart,
  byOutcomePart,
  byQuarterPart,
  compliancePart,
  contractTotalsPart,
  deliveryPart,
  mostBehindPart,
  readParts,
  totalPart,
  type SummaryFilter,
} from '../summaries/read.js';
import { noSpendFilter, spendTotals } from '../spend/figures.js';
import type { DashboardFilter } from './filters.js';

/** The first day of the month `n` months after the one `iso` is in. */
function addMonths(iso: string, n: number): string {
  const date = new Date(`${iso.slice(0, 7)}-01T00:00:00Z`);
  date.setUTCMonth(date.getUTCMonth() + n);
  return date.toISOString().slice(0, 10);
}

export type DashboardData = Awaited<ReturnType<typeof readDashboard>>;

/**
 * Every figure of the dashboard, from the summaries only: one query of small index reads, however much data there
 * is (one round trip and one plan instead of one per figure) and kept until the next write (read-cache.ts).
 */
export function loadDashboard(db: DbOrTx, filter: DashboardFilter, today: string) {
  return cachedRead(db, `dashboard:${today}:${JSON.stringify(filter)}`, () => readDashboard(db, filter, today));
}

async function readDashboard(db: DbOrTx, filter: DashboardFilter, today: string) {
  const summary: SummaryFilter = { scope: 'all', ...filter };
  const current = quarterOf(today);
  const behindQuarter = filter.to && filter.to < current ? filter.to : current;
  const contractFilter = { directorate: filter.directorate, from: filter.from, to: filter.to };
  // Spend is kept by month: the quarters chosen are the months from the first day of one to the last month of the other.
  const months = { ...noSpendFilter, from: filter.from, to: filter.to ? addMonths(filter.to, 2) : null };
  const [figures, spend, grants] = await Promise.all([
    readParts(db, {
      totals: totalPart(summary),
      delivery: deliveryPart(summary, today),
      contracts: contractTotalsPart(contractFilter),
      byOutcome: byOutcomePart(summary),
      byDistrict: byDistrictPart(summary),
      byDirectorate: byDirectoratePart(summary),
      byQuarter: byQuarterPart(summary),
      unvaluedMeasures: byMeasurePart(summary, { unvaluedOnly: true }),
      behind: mostBehindPart({ quarter: behindQuarter, directorate: filter.directorate, limit: 10 }),
      compliance: compliancePart(contractFilter),
    }),
    spendTotals(db, { ...months, kind: 'spend' }),
    spendTotals(db, { ...months, kind: 'grants' }),
  ]);
  return { ...figures, behindQuarter, spend, grants };
}
