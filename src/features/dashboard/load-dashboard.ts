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
import type { DashboardFilter } from './filters.js';

export type DashboardData = Awaited<ReturnType<typeof readDashboard>>;

/**
 * Every figure of the dashboard, from the summaries only: one query of small index reads, however much data there
 * is (one round trip and one plan instead of one per figure) and, on the embedded database, kept until its next write.
 */
export function loadDashboard(db: DbOrTx, filter: DashboardFilter, today: string) {
  return cachedRead(db, `dashboard:${today}:${JSON.stringify(filter)}`, () => readDashboard(db, filter, today));
}

async function readDashboard(db: DbOrTx, filter: DashboardFilter, today: string) {
  const summary: SummaryFilter = { scope: 'all', ...filter };
  const current = quarterOf(today);
  const behindQuarter = filter.to && filter.to < current ? filter.to : current;
  const contractFilter = { directorate: filter.directorate, from: filter.from, to: filter.to };
  const figures = await readParts(db, {
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
  });
  return { ...figures, behindQuarter };
}
