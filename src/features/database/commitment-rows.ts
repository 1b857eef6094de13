import { and, asc, eq, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../../db/client.js';
import { contractCommitments, contracts, frameworkVersions, measures, organisations, outcomes, svCommitmentFigures } from '../../db/schema/index.js';
import { measureIdsFor, sharedColumns, sharedConditions, type Scope } from './conditions.js';
import type { Key } from './cursor.js';
import type { DatabaseFilters } from './filters.js';

const originalMeasure = alias(measures, 'original_measure');
const originalVersion = alias(frameworkVersions, 'original_version');

/** The shape of a commitment key: its contract's number and its own id. */
export const commitmentKeyShape = ['number', 'uuid'] as const;

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
      // the commitment's figures as the summaries keep them, so that every figure agrees with the totals
      promisedPence: svCommitmentFigures.promisedPence,
      committedPence: svCommitmentFigures.committedPence,
      verifiedHundredths: svCommitmentFigures.verifiedHundredths,
      verifiedPence: svCommitmentFigures.verifiedPence,
    })
    .from(contractCommitments)
    .innerJoin(contracts, eq(contracts.id, contractCommitments.contractId))
    .innerJoin(organisations, eq(organisations.id, contracts.supplierId))
    .innerJoin(measures, eq(measures.id, contractCommitments.measureId))
    .innerJoin(outcomes, eq(outcomes.id, measures.outcomeId))
    .innerJoin(frameworkVersions, eq(frameworkVersions.id, measures.versionId))
    .innerJoin(originalMeasure, eq(originalMeasure.id, contractCommitments.originalMeasureId))
    .innerJoin(originalVersion, eq(originalVersion.id, originalMeasure.versionId))
    .leftJoin(svCommitmentFigures, eq(svCommitmentFigures.commitmentId, contractCommitments.id))
    .where(and(...conditions))
    .orderBy(asc(contracts.number), asc(contractCommitments.id))
    .limit(limit);
}

type CommitmentQueryRow = Awaited<ReturnType<typeof commitmentQuery>>[number];

/** A commitment with its promise, its current value and its verified delivery, each in units and (with a proxy) pence. */
export interface CommitmentRow extends Omit<CommitmentQueryRow, 'verifiedHundredths' | 'verifiedPence'> {
  key: Key;
  /** the tender promise was for another measure than today's commitment */
  measureChanged: boolean;
  deliveredHundredths: number;
  /** null when neither the measure nor any verified line has a proxy value: counted in its unit only */
  deliveredPence: number | null;
}

function shape(row: CommitmentQueryRow): CommitmentRow {
  const { verifiedHundredths, verifiedPence, ...rest } = row;
  return {
    ...rest,
    key: [row.contractNumber, row.id],
    measureChanged: row.originalMeasureCode !== row.measureCode || row.originalFrameworkVersion !== row.frameworkVersion,
    deliveredHundredths: verifiedHundredths ?? 0,
    deliveredPence: row.proxyPencePerUnit !== null || (verifiedPence ?? 0) > 0 ? (verifiedPence ?? 0) : null,
  };
}

/** Up to `limit` commitments after `after`, in the order of their contracts' numbers. */
export async function commitmentRows(db: DbOrTx, filters: DatabaseFilters, scope: Scope, after: Key | null, limit: number): Promise<CommitmentRow[]> {
  return (await commitmentQuery(db, filters, scope, await measureIdsFor(db, filters), after, limit)).map(shape);
}
