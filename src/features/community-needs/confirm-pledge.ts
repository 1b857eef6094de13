import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { needPledges } from '../../db/schema/index.js';
import { formatQuantity } from '../../domain/quantity.js';
import { withAudit, type Actor } from '../../platform/audit.js';
import { queueMailOnce } from '../../platform/mail.js';
import { unitWords } from '../delivery-reports/line-form.js';
import { pledgers } from './access.js';
import { pledgeMetEmail, pledgeTooLateEmail } from './emails.js';
import { lockPledgeContract, reportConfirmedPledge } from './report-pledges.js';
import { contractManagerOf, peopleToTell, type PledgeRecord } from './repository.js';

export type ConfirmOutcome = 'confirmed' | 'too-late' | 'already-decided';

/**
 * The organisation confirms that a pledge was met: how much and what was delivered, and when. In the same transaction
 * the pledge becomes a line of its contract's next draft report if one is open (otherwise of the report started next),
 * waiting for the contract manager's verification; if every report that could carry it was already handed in, it is
 * marked too late and the contract manager is told. The supplier's people are told either way, once each. Only a
 * pledge still pledged is confirmed, so a double click or an old form never confirms it twice.
 */
export async function confirmPledge(
  db: Db,
  actor: Actor,
  pledge: PledgeRecord,
  input: { quantityHundredths: number; delivered: string; metOn: string },
  baseUrl: string,
): Promise<ConfirmOutcome> {
  const action = `Confirmed that ${pledge.supplierName} met its pledge to the need “${pledge.needTitle}”`;
  return withAudit(db, actor, action, async (tx) => {
    // before the pledge changes: a report being started at the same moment then either sees it met or is seen
    const contract = await lockPledgeContract(tx, pledge.contractId);
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
    const landing = await reportConfirmedPledge(tx, contract, { id: pledge.id, metOn: input.metOn });
    const facts = {
      supplierName: pledge.supplierName,
      needTitle: pledge.needTitle,
      organisationName: pledge.needOrganisationName,
      contractReference: pledge.contractReference,
      metQuantity: `${formatQuantity(input.quantityHundredths)} ${unitWords(pledge.unit)}`,
      metOn: input.metOn,
    };
    for (const person of await peopleToTell(tx, pledgers, pledge.supplierId)) {
      await queueMailOnce(tx, `needs-pledge-met:${pledge.id}:${person.id}`, pledgeMetEmail(person, facts, landing, `${baseUrl}/needs/pledges`));
    }
    if (landing.kind !== 'too-late') return 'confirmed';
    const manager = await contractManagerOf(tx, pledge.contractId);
    if (manager)
      await queueMailOnce(tx, `needs-pledge-too-late:${pledge.id}:${manager.id}`, pledgeTooLateEmail(manager, facts, `${baseUrl}/needs/late-pledges`));
    return 'too-late';
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
