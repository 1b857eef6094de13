import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { appSettings, users } from '../../db/schema/index.js';

/** The app_settings key of the tender gate. */
export const TENDER_GATE_KEY = 'tender_gate';

/**
 * Whether an in-scope requirement needs a completed opportunity assessment and health impact screening before a
 * tender can be set up for it. The council's policy asks for both, so that is the default.
 */
export interface TenderGate {
  requireAssessment: boolean;
}

/** The gate a stored value describes. Only an explicit `false` relaxes it: anything else keeps the policy's default. */
export function readTenderGate(value: unknown): TenderGate {
  const relaxed = !!value && typeof value === 'object' && (value as { requireAssessment?: unknown }).requireAssessment === false;
  return { requireAssessment: !relaxed };
}

/** The tender gate in force. */
export async function tenderGate(db: DbOrTx): Promise<TenderGate> {
  const [row] = await db.select({ value: appSettings.value }).from(appSettings).where(eq(appSettings.key, TENDER_GATE_KEY)).limit(1);
  return readTenderGate(row?.value);
}

export interface TenderGateRecord extends TenderGate {
  /** when and by whom it was last changed, or null when it has never been changed */
  updatedAt: Date | null;
  updatedByName: string | null;
}

export async function tenderGateRecord(db: DbOrTx): Promise<TenderGateRecord> {
  const [row] = await db
    .select({ value: appSettings.value, updatedAt: appSettings.updatedAt, updatedByName: users.name })
    .from(appSettings)
    .leftJoin(users, eq(users.id, appSettings.updatedBy))
    .where(eq(appSettings.key, TENDER_GATE_KEY))
    .limit(1);
  return { ...readTenderGate(row?.value), updatedAt: row?.updatedAt ?? null, updatedByName: row?.updatedByName ?? null };
}
