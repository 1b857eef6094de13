import { and, asc, desc, eq, gte, inArray, lt, ne } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { deliveryReports, measures, reportLines } from '../../db/schema/index.js';
import { addQuarters } from '../../domain/quarters.js';
import { socialValuePence } from '../../domain/social-value.js';

export interface Narrative {
  contractId: string;
  narrative: string;
  measureCode: string;
  measureTitle: string;
  unit: string;
  quantityHundredths: number;
  /** null when the measure has no proxy value */
  valuePence: number | null;
  districts: string[];
  periodStart: string;
  periodEnd: string;
}

/**
 * What suppliers said about the delivery a contract manager verified: the verified lines with a narrative, of some
 * contracts, for reporting periods ending in the quarters chosen (as the summaries count them), at most `perContract`
 * of each contract, latest period and largest quantity first. Reads only those contracts' reports, by their index.
 */
export async function verifiedNarratives(
  db: DbOrTx,
  contractIds: string[],
  quarters: { from: string; to: string },
  perContract = 3,
): Promise<Map<string, Narrative[]>> {
  const found = new Map<string, Narrative[]>(contractIds.map((id) => [id, []]));
  if (contractIds.length === 0) return found;
  const rows = await db
    .select({
      contractId: deliveryReports.contractId,
      narrative: reportLines.narrative,
      measureCode: measures.code,
      measureTitle: measures.title,
      unit: measures.unit,
      proxyPencePerUnit: measures.proxyPencePerUnit,
      deadweightBps: measures.deadweightBps,
      attributionBps: measures.attributionBps,
      quantityHundredths: reportLines.quantityHundredths,
      districts: reportLines.districts,
      periodStart: deliveryReports.periodStart,
      periodEnd: deliveryReports.periodEnd,
    })
    .from(deliveryReports)
    .innerJoin(reportLines, eq(reportLines.reportId, deliveryReports.id))
    .innerJoin(measures, eq(measures.id, reportLines.measureId))
    .where(
      and(
        inArray(deliveryReports.contractId, contractIds),
        gte(deliveryReports.periodEnd, quarters.from),
        lt(deliveryReports.periodEnd, addQuarters(quarters.to, 1)),
        eq(reportLines.status, 'verified'),
        ne(reportLines.narrative, ''),
      ),
    )
    .orderBy(asc(deliveryReports.contractId), desc(deliveryReports.periodEnd), desc(reportLines.quantityHundredths), asc(reportLines.id));
  for (const { proxyPencePerUnit, deadweightBps, attributionBps, ...row } of rows) {
    const list = found.get(row.contractId)!;
    if (list.length < perContract && row.narrative.trim()) {
      list.push({
        ...row,
        narrative: row.narrative.trim(),
        valuePence: socialValuePence(row.quantityHundredths, { proxyPencePerUnit, deadweightBps, attributionBps }),
      });
    }
  }
  return found;
}
