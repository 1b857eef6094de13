import type { Db } from '../../db/client.js';
import { remediationActions } from '../../db/schema/index.js';
import type { Actor } from '../../platform/audit.js';
import { withAudit } from '../../platform/audit.js';
import type { NewRemediation } from './remediation-form.js';

/** Opens a remediation action on a commitment of the contract. */
export async function openRemediation(db: Db, actor: Actor, contract: { id: string; reference: string }, commitmentId: string, remediation: NewRemediation) {
  await withAudit(db, actor, `Opened a remediation action on contract ${contract.reference}`, async (tx) => {
    await tx.insert(remediationActions).values({ contractId: contract.id, commitmentId, ...remediation, createdBy: actor.id });
  });
}
