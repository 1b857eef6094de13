import type { Db } from '../../db/client.js';
import { commitmentRows, type CommitmentRow } from '../database/commitment-rows.js';
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
  deliveredPence: number;
}

/** Each listed contract's commitments and what they add up to in pounds (valued measures only): one query. */
export async function totalsByContract(db: Db, contractIds: readonly string[]): Promise<Map<string, ContractTotals>> {
  const totals = new Map<string, ContractTotals>();
  if (contractIds.length === 0) return totals;
  for (const row of await commitmentRows(db, noFilters, { publishedOnly: true, contractIds }, null, MANY)) {
    const t = totals.get(row.contractId) ?? { commitments: 0, committedPence: 0, deliveredPence: 0 };
    t.commitments += 1;
    t.committedPence += row.committedPence ?? 0;
    t.deliveredPence += row.deliveredPence ?? 0;
    totals.set(row.contractId, t);
  }
  return totals;
}

/** What a published contract's public page shows: its commitments and its verified delivery by period and measure. */
export async function publicContractFigures(db: Db, contract: PublicContract) {
  const scope = { publishedOnly: true, contractIds: [contract.id] };
  const [commitments, lines] = await Promise.all([
    commitmentRows(db, noFilters, scope, null, MANY),
    deliveryRows(db, noFilters, { ...scope, verifiedOnly: true }, null, MANY),
  ]);
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
  const sum = (rows: CommitmentRow[], pick: (r: CommitmentRow) => number | null) => rows.reduce((total, r) => total + (pick(r) ?? 0), 0);
  return {
    flags: supplierFlags(contract),
    commitments: commitments.map(commitmentView),
    promisedPence: sum(commitments, (r) => r.promisedPence),
    committedPence: sum(commitments, (r) => r.committedPence),
    deliveredPence: sum(commitments, (r) => r.deliveredPence),
    additionalPence: lines.filter((l) => l.additional).reduce((total, l) => total + (l.valuePence ?? 0), 0),
    delivery: [...byPeriodAndMeasure.values()].sort((a, b) => a.periodStart.localeCompare(b.periodStart) || a.measure.localeCompare(b.measure)),
  };
}
