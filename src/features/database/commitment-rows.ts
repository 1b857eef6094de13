import { and, asc, eq, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../../db/client.js';
import { contractCommitments, contracts, frameworkVersions, measures, organisations, outcomes } from '../../db/schema/index.js';
import { socialValuePence, type Valuation } from '../../domain/social-value.js';
import { measureIdsFor, sharedColumns, sharedConditions, type Scope } from './conditions.js';
import type { Key } from './cursor.js';
import type { DatabaseFilters } from './filters.js';

const originalMeasure = alias(measures, 'original_measure');
const originalVersion = alias(frameworkVersions, 'original_version');

/** The shape of a commitment key: its contract's number and its own id. */
export const commitmentKeyShape = ['number', 'uuid'] as const;

interface DeliveredPart extends Valuation {
  quantityHundredths: number;
}

/**
 * Verified delivery of the commitment per measure it was reported against, read through report_lines' (commitment,
 * status) index: a few rows per commitment whatever the size of the database.
 */
const delivered = sql<DeliveredPart[] | null>`(
  select json_agg(json_build_object('quantityHundredths', g.q, 'proxyPencePerUnit', dm.proxy_pence_per_unit,
    'deadweightBps', dm.deadweight_bps, 'attributionBps', dm.attribution_bps))
  from (select measure_id, sum(quantity_hundredths)::bigint as q from report_lines
        where commitment_id = ${contractCommitments.id} and status = 'verified' group by measure_id) g
  join measures dm on dm.id = g.measure_id)`;

function commitmentQuery(db: DbOrTx, filters: DatabaseFilters, scope: Scope, measureIds: string[] | null, after: Key | null, limit: number) {
  const conditions = sharedConditions(filters, scope, contractCommitments, measureIds);
  // Commitments of contracts that run during the quarter.
  if (filters.period) conditions.push(sql`${contracts.startDate} <= ${filters.period.end} and ${contracts.endDate} >= ${filters.period.start}`);
  if (after) {
    // The first part narrows the scan of contracts by number; the row comparison gives the exact place.
    conditions.push(sql`${contracts.number} >= ${after[0]}`);
    conditions.push(sql`(${contracts.number}, ${contractCommitments.id}) > (${after[0]}, ${after[1]}::uuid)`);
  }
  return db
    .select({
      id: contractCommitments.id,
      ...sharedColumns,
      frameworkVersion: frameworkVersions.number,
      quantityHundredths: contractCommitments.quantityHundredths,
      districts: contractCommitments.districts,
      narrative: contractCommitments.narrative,
      originalQuantityHundredths: contractCommitments.originalQuantityHundredths,
      originalMeasureCode: originalMeasure.code,
      originalMeasureTitle: originalMeasure.title,
      originalUnit: originalMeasure.unit,
      originalProxyPencePerUnit: originalMeasure.proxyPencePerUnit,
      originalDeadweightBps: originalMeasure.deadweightBps,
      originalAttributionBps: originalMeasure.attributionBps,
      originalFrameworkVersion: originalVersion.number,
      delivered,
    })
    .from(contractCommitments)
    .innerJoin(contracts, eq(contracts.id, contractCommitments.contractId))
    .innerJoin(organisations, eq(organisations.id, contracts.supplierId))
    .innerJoin(measures, eq(measures.id, contractCommitments.measureId))
    .innerJoin(outcomes, eq(outcomes.id, measures.outcomeId))
    .innerJoin(frameworkVersions, eq(frameworkVersions.id, measures.versionId))
    .innerJoin(originalMeasure, eq(originalMeasure.id, contractCommitments.originalMeasureId))
    .innerJoin(originalVersion, eq(originalVersion.id, originalMeasure.versionId))
    .where(and(...conditions))
    .orderBy(asc(contracts.number), asc(contractCommitments.id))
    .limit(limit);
}

type CommitmentQueryRow = Awaited<ReturnType<typeof commitmentQuery>>[number];

/** A commitment with its promise, its current value and its verified delivery, each in units and (with a proxy) pence. */
export interface CommitmentRow extends Omit<CommitmentQueryRow, 'delivered'> {
  key: Key;
  /** the tender promise was for another measure than today's commitment */
  measureChanged: boolean;
  promisedPence: number | null;
  committedPence: number | null;
  deliveredHundredths: number;
  deliveredPence: number | null;
}

function shape(row: CommitmentQueryRow): CommitmentRow {
  const { delivered: parts, ...rest } = row;
  const deliveredParts = (parts ?? []).map((p) => ({ ...p, quantityHundredths: Number(p.quantityHundredths) }));
  const valued = deliveredParts.map((p) => socialValuePence(p.quantityHundredths, p)).filter((v): v is number => v !== null);
  const hasProxy = row.proxyPencePerUnit !== null || valued.length > 0;
  return {
    ...rest,
    key: [row.contractNumber, row.id],
    measureChanged: row.originalMeasureCode !== row.measureCode || row.originalFrameworkVersion !== row.frameworkVersion,
    promisedPence: socialValuePence(row.originalQuantityHundredths, {
      proxyPencePerUnit: row.originalProxyPencePerUnit,
      deadweightBps: row.originalDeadweightBps,
      attributionBps: row.originalAttributionBps,
    }),
    committedPence: socialValuePence(row.quantityHundredths, row),
    deliveredHundredths: deliveredParts.reduce((sum, p) => sum + p.quantityHundredths, 0),
    deliveredPence: hasProxy ? valued.reduce((sum, v) => sum + v, 0) : null,
  };
}

/** Up to `limit` commitments after `after`, in the order of their contracts' numbers. */
export async function commitmentRows(db: DbOrTx, filters: DatabaseFilters, scope: Scope, after: Key | null, limit: number): Promise<CommitmentRow[]> {
  return (await commitmentQuery(db, filters, scope, await measureIdsFor(db, filters), after, limit)).map(shape);
}
