import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { needPledges } from '../../db/schema/index.js';
import { withAudit, type Actor } from '../../platform/audit.js';
import { addPledgeToDraftReport } from './report-pledges.js';
import type { PledgeRecord } from './repository.js';

export type ConfirmOutcome = 'confirmed' | 'already-decided';

/**
 * The organisation confirms that a pledge was met: how much and what was delivered, and when. In the same transaction
 * the pledge becomes a line of its contract's next draft report if one is open (otherwise of the report started next),
 * waiting for the contract manager's verification. Only a pledge still pledged is confirmed, so a double click or an
 * old form never confirms it twice.
 */
export async function confirmPledge(
  db: Db,
  actor: Actor,
  pledge: PledgeRecord,
  input: { quantityHundredths: number; delivered: string; metOn: string },
): Promise<ConfirmOutcome> {
  const action = `Confirmed that ${pledge.supplierName} met its pledge to the need “${pledge.needTitle}”`;
  return withAudit(db, actor, action, async (tx) => {
    const done = await tx
      .update(needPledges)
      .set({
        status: 'met',
        metQuantityHundredths: input.quantityHundredths,
        metDescription: input.delivered,
        metOn: input.metOn,
        confirmedBy: actor.id,
        confirmedAt: sql`now()`,
      })
      .where(and(eq(needPledges.id, pledge.id), eq(needPledges.status, 'pledged')))
      .returning({ id: needPledges.id });
    if (done.length === 0) return 'already-decided';
    await addPledgeToDraftReport(tx, { id: pledge.id, contractId: pledge.contractId, metOn: input.metOn });
    return 'confirmed';
  });
}

/** The supplier withdraws a pledge it can no longer meet (only while it is not yet met). */
export async function withdrawPledge(db: Db, actor: Actor, pledge: PledgeRecord): Promise<boolean> {
  return withAudit(db, actor, `Withdrew the pledge to the need “${pledge.needTitle}” of ${pledge.needOrganisationName}`, async (tx) => {
    const rows = await tx
      .update(needPledges)
      .set({ status: 'withdrawn' })
      .where(and(eq(needPledges.id, pledge.id), eq(needPledges.status, 'pledged')))
      .returning({ id: needPledges.id });
    return rows.length > 0;
  });
}
