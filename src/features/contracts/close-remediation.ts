import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { remediationActions } from '../../db/schema/index.js';
import type { Actor } from '../../platform/audit.js';
import { withAudit } from '../../platform/audit.js';

/** Closes an open action with a note; false when it was already closed. */
export async function closeRemediation(db: Db, actor: Actor, contract: { id: string; reference: string }, actionId: string, note: string): Promise<boolean> {
  return withAudit(db, actor, `Closed a remediation action on contract ${contract.reference}`, async (tx) => {
    const closed = await tx
      .update(remediationActions)
      .set({ status: 'closed', closedAt: new Date(), closureNote: note })
      .where(and(eq(remediationActions.id, actionId), eq(remediationActions.contractId, contract.id), eq(remediationActions.status, 'open')))
      .returning({ id: remediationActions.id });
    return closed.length > 0;
  });
}
