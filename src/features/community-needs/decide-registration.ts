import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { organisations } from '../../db/schema/index.js';
import { withAudit, type Actor } from '../../platform/audit.js';
import { queueMailOnce } from '../../platform/mail.js';
import { communityPeople } from './access.js';
import { registrationDecidedEmail } from './emails.js';
import { peopleToTell, type CommunityOrganisation } from './repository.js';

/**
 * An officer approves a community organisation's registration (it may then post needs) or declines it with a reason
 * it will see. Only a registration still awaiting a decision is decided: a second click changes nothing. The
 * organisation's people are emailed the decision (and the reason), once each, in the same transaction.
 */
export async function decideRegistration(
  db: Db,
  actor: Actor,
  organisation: CommunityOrganisation,
  decision: { approve: boolean; reason: string | null },
  baseUrl: string,
): Promise<boolean> {
  const action = decision.approve
    ? `Approved the registration of ${organisation.name} on the community needs board`
    : `Declined the registration of ${organisation.name} on the community needs board`;
  return withAudit(db, actor, action, async (tx) => {
    const decided = await tx
      .update(organisations)
      .set({
        approvalStatus: decision.approve ? 'approved' : 'declined',
        approvalReason: decision.approve ? null : decision.reason,
        approvalDecidedBy: actor.id,
        approvalDecidedAt: sql`now()`,
        updatedAt: sql`now()`,
      })
      .where(and(eq(organisations.id, organisation.id), eq(organisations.kind, 'community'), eq(organisations.approvalStatus, 'pending')))
      .returning({ id: organisations.id });
    if (decided.length === 0) return false;
    for (const person of await peopleToTell(tx, communityPeople, organisation.id)) {
      const email = registrationDecidedEmail(person, organisation.name, decision, `${baseUrl}/community`);
      await queueMailOnce(tx, `needs-registration-decided:${organisation.id}:${person.id}`, email);
    }
    return true;
  });
}
