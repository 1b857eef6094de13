import type { Db } from '../../db/client.js';
import { commitmentRows } from '../database/commitment-rows.js';
import { commitmentFiguresOfContracts, contractFigures } from '../summaries/read.js';
import { noFilters } from '../database/filters.js';
import { commitmentView, supplierFlags } from '../database/view-rows.js';
import { reportingPeriodLabel } from './period-label.js';
import { verifiedDeliveryByPeriod, type PublicContract } from './repository.js';

/** More commitments than any real contract has: a contract's page shows them all. */
const MANY = 10_000;

export interface ContractTotals {
  commitments: number;
  committedPence: number;
  verifiedPence: number;
}

/** Each listed contract's number of commitments and its figures in pounds, from the summaries: two queries. */
export async function totalsByContract(db: Db, contractIds: string[]): Promise<Map<string, ContractTotals>> {
  const [figures, commitments] = await Promise.all([contractFigures(db, contractIds), commitmentFiguresOfContracts(db, contractIds)]);
  const counts = new Map<string, number>();
  for (const c of commitments) counts.set(c.contractId, (counts.get(c.contractId) ?? 0) + 1);
  return new Map(
    contractIds.map((id) => [
      id,
      { commitments: counts.get(id) ?? 0, committedPence: figures.get(id)?.committedPence ?? 0, verifiedPence: figures.get(id)?.verifiedPence ?? 0 },
    ]),
  );
}

/** What a contract's public page shows: its commitments and its verified delivery by period and measure. */
export async function publicContractFigures(db: Db, contract: PublicContract) {
  const [commitments, delivery, figures] = await Promise.all([
    commitmentRows(db, noFilters, { publishedOnly: true, contractIds: [contract.id] }, null, MANY),
    verifiedDeliveryByPeriod(db, contract.id),
    contractFigures(db, [contract.id]),
  ]);
  const totals = figures.get(contract.id);
  return {
    flags: supplierFlags(contract),
    commitments: commitments.map(commitmentView),
    promisedPence: totals?.promisedPence ?? 0,
    committedPence: totals?.committedPence ?? 0,
    // the verified figure includes the additional social value; the page shows the two parts
    deliveredPence: (totals?.verifiedPence ?? 0) - (totals?.additionalPence ?? 0),
    additionalPence: totals?.additionalPence ?? 0,
    delivery: delivery.map((d) => ({ ...d, label: reportingPeriodLabel(d.periodStart, d.periodEnd), measure: `${d.measureCode} ${d.measureTitle}` })),
  };
}
