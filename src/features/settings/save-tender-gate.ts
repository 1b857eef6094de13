import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { appSettings } from '../../db/schema/index.js';
import { withAudit, type Actor } from '../../platform/audit.js';
import { TENDER_GATE_KEY, tenderGate, type TenderGate } from './tender-gate.js';

/** Sets the tender gate, in the audit trail. Returns false, changing nothing, when it is already set that way. */
export async function saveTenderGate(db: Db, actor: Actor, gate: TenderGate): Promise<boolean> {
  const action = gate.requireAssessment
    ? 'Required a completed opportunity assessment and health impact screening before a tender is set up'
    : 'Allowed tenders to be set up without a completed opportunity assessment and health impact screening';
  return withAudit(db, actor, action, async (tx) => {
    // Lock the setting's row (when it exists) so that two admins saving at once are audited in order.
    await tx.select({ key: appSettings.key }).from(appSettings).where(eq(appSettings.key, TENDER_GATE_KEY)).for('update');
    if ((await tenderGate(tx)).requireAssessment === gate.requireAssessment) return false;
    const value = { requireAssessment: gate.requireAssessment };
    await tx
      .insert(appSettings)
      .values({ key: TENDER_GATE_KEY, value, updatedBy: actor.id })
      .onConflictDoUpdate({ target: appSettings.key, set: { value, updatedBy: actor.id, updatedAt: sql`now()` } });
    return true;
  });
}
