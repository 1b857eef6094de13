import { asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { thresholds, users, type ThresholdKind } from '../../db/schema/index.js';
import type { ThresholdRule } from '../../domain/applicability.js';

export interface ThresholdRecord extends ThresholdRule {
  id: string;
  source: string;
  /** the name of the admin who added it, or null for the thresholds the service started with */
  createdByName: string | null;
}

/** Every threshold ever set, oldest first within each kind: few rows, so callers load them all and filter in memory. */
export async function loadThresholds(db: DbOrTx): Promise<ThresholdRecord[]> {
  return db
    .select({
      id: thresholds.id,
      kind: thresholds.kind,
      amountPence: thresholds.amountPence,
      includesVat: thresholds.includesVat,
      effectiveFrom: thresholds.effectiveFrom,
      source: thresholds.source,
      createdByName: users.name,
    })
    .from(thresholds)
    .leftJoin(users, eq(users.id, thresholds.createdBy))
    .orderBy(asc(thresholds.kind), asc(thresholds.effectiveFrom));
}

export interface NewThreshold {
  kind: ThresholdKind;
  amountPence: number;
  includesVat: boolean;
  effectiveFrom: string;
  source: string;
}

export async function insertThreshold(db: DbOrTx, threshold: NewThreshold, createdBy: string | null): Promise<string> {
  const [row] = await db
    .insert(thresholds)
    .values({ ...threshold, createdBy })
    .returning({ id: thresholds.id });
  return row!.id;
}
