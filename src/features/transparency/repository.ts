import { and, asc, eq, gt, isNotNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { contracts, deliveryReports, measures, organisations, reportLines } from '../../db/schema/index.js';

/**
 * What the public may know of a published contract: no contract manager, no officer, no description (free text
 * written for staff), nothing about the people who published or verified it.
 */
const publicContractColumns = {
  id: contracts.id,
  number: contracts.number,
  reference: contracts.reference,
  title: contracts.title,
  directorate: contracts.directorate,
  valuePence: contracts.valuePence,
  valueIncludesVat: contracts.valueIncludesVat,
  startDate: contracts.startDate,
  endDate: contracts.endDate,
  publishedAt: contracts.publishedAt,
  supplierName: organisations.name,
  supplierSize: organisations.size,
  supplierVcse: organisations.isVcse,
  supplierLocal: organisations.isLocal,
};

/** A page of published contracts in the order of their numbers, after the contract numbered `after`. */
export async function publishedContracts(db: DbOrTx, after: number | null, limit: number) {
  return db
    .select(publicContractColumns)
    .from(contracts)
    .innerJoin(organisations, eq(organisations.id, contracts.supplierId))
    .where(and(isNotNull(contracts.publishedAt), after === null ? undefined : gt(contracts.number, after)))
    .orderBy(asc(contracts.number))
    .limit(limit);
}

export type PublicContract = Awaited<ReturnType<typeof publishedContracts>>[number];

/** A published contract, or null when there is none with this id or it is not published. */
export async function publishedContract(db: DbOrTx, id: string): Promise<PublicContract | null> {
  const [row] = await db
    .select(publicContractColumns)
    .from(contracts)
    .innerJoin(organisations, eq(organisations.id, contracts.supplierId))
    .where(and(eq(contracts.id, id), isNotNull(contracts.publishedAt)));
  return row ?? null;
}

/**
 * A published contract's verified delivery by report period and measure (and whether it was additional to the
 * commitments), each line valued on its own as the summaries value it (`sv_pence`): one grouped query over the
 * contract's own reports.
 */
export async function verifiedDeliveryByPeriod(db: DbOrTx, contractId: string) {
  const additional = sql<boolean>`${reportLines.commitmentId} is null`;
  return db
    .select({
      periodStart: deliveryReports.periodStart,
      periodEnd: deliveryReports.periodEnd,
      measureCode: measures.code,
      measureTitle: measures.title,
      unit: measures.unit,
      additional,
      quantityHundredths: sql<number>`sum(${reportLines.quantityHundredths})`.mapWith(Number),
      valuePence: sql<
        number | null
      >`sum(sv_pence(${reportLines.quantityHundredths}, ${measures.proxyPencePerUnit}, ${measures.deadweightBps}, ${measures.attributionBps}))`.mapWith(
        (v: string | number | null) => (v === null ? null : Number(v)),
      ),
    })
    .from(reportLines)
    .innerJoin(deliveryReports, eq(deliveryReports.id, reportLines.reportId))
    .innerJoin(measures, eq(measures.id, reportLines.measureId))
    .where(and(eq(deliveryReports.contractId, contractId), eq(reportLines.status, 'verified')))
    .groupBy(deliveryReports.periodStart, deliveryReports.periodEnd, measures.id, additional)
    .orderBy(asc(deliveryReports.periodStart), asc(measures.code), additional);
}
