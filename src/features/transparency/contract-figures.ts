import type { Db } from '../../db/client.js';
import { commitmentRows } from '../database/commitment-rows.js';
import { commitmentFiguresOfContracts, contractFigures } from '../summaries/read.js';
import { deliveryRows } from '../database/delivery-rows.js';
import { noFilters } from '../database/filters.js';
import { commitmentView, supplierFlags } from '../database/view-rows.js';
import { reportingPeriodLabel } from './period-label.js';
import type { PublicContract } from './repository.js';

/** Enough for any real contract's commitments or periods on one page. */
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
  const scope = { publishedOnly: true, contractIds: [contract.id] };
  const [commitments, lines, figures] = await Promise.all([
    commitmentRows(db, noFilters, scope, null, MANY),
    deliveryRows(db, noFilters, { ...scope, verifiedOnly: true }, null, MANY),
    contractFigures(db, [contract.id]),
  ]);
  const totals = figures.get(contract.id);
  const byPeriodAndMeasure = new Map<
    string,
    {
      periodStart: string;
      periodEnd: string;
      label: string;
      measure: string;
      unit: string;
      quantityHundredths: number;
      valuePence: number | null;
      additional: boolean;
    }
  >();
  for (const line of lines) {
    const key = `${line.periodStart} ${line.measureCode} ${line.additional}`;
    const entry = byPeriodAndMeasure.get(key) ?? {
      periodStart: line.periodStart,
      periodEnd: line.periodEnd,
      label: reportingPeriodLabel(line.periodStart, line.periodEnd),
      measure: `${line.measureCode} ${line.measureTitle}`,
      unit: line.unit,
      quantityHundredths: 0,
      valuePence: line.valuePence === null ? null : 0,
      additional: line.additional,
    };
    entry.quantityHundredths += line.quantityHundredths;
    if (entry.valuePence !== null) entry.valuePence += line.valuePence ?? 0;
    byPeriodAndMeasure.set(key, entry);
  }
  return {
    flags: supplierFlags(contract),
    commitments: commitments.map(commitmentView),
    promisedPence: totals?.promisedPence ?? 0,
    committedPence: totals?.committedPence ?? 0,
    // the verified figure includes the additional social value; the page shows the two parts
    deliveredPence: (totals?.verifiedPence ?? 0) - (totals?.additionalPence ?? 0),
    additionalPence: totals?.additionalPence ?? 0,
    delivery: [...byPeriodAndMeasure.values()].sort((a, b) => a.periodStart.localeCompare(b.periodStart) || a.measure.localeCompare(b.measure)),
  };
}
