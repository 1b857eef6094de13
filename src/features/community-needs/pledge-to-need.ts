import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { contractCommitments, contracts, measures, needPledges } from '../../db/schema/index.js';
import { formatDate } from '../../domain/dates.js';
import { formatQuantity } from '../../domain/quantity.js';
import { withAudit, type Actor } from '../../platform/audit.js';
import { queueMailOnce } from '../../platform/mail.js';
import { unitWords } from '../delivery-reports/line-form.js';
import { communityPeople } from './access.js';
import { pledgeMadeEmail } from './emails.js';
import type { PledgeInput, PledgeTarget } from './forms.js';
import { peopleToTell, type NeedRecord } from './repository.js';

export interface Pledger {
  userId: string;
  supplierId: string;
  supplierName: string;
}

export type PledgeResult = { ok: true; pledgeId: string } | { ok: false; problem: [string, string] };

/**
 * A supplier pledges to meet an open need, counted on one of ITS OWN contracts: the contract (and commitment) are
 * checked again in the transaction against the supplier, so a commitment of another supplier's contract is refused
 * whatever the form sent; so is a contract that has ended (`today` is after its end date), whose reporting is over.
 * The organisation's people are emailed, once each, what was pledged.
 */
export async function pledgeToNeed(
  db: Db,
  actor: Actor,
  pledger: Pledger,
  need: NeedRecord,
  input: PledgeInput,
  context: { today: string; baseUrl: string },
): Promise<PledgeResult> {
  const { target } = input;
  const { supplierId } = pledger;
  return withAudit(db, actor, `Pledged to meet the need “${need.title}” of ${need.organisationName}`, async (tx) => {
    const [owned] = await tx
      .select({ id: contracts.id, reference: contracts.reference, endDate: contracts.endDate })
      .from(contracts)
      .where(and(eq(contracts.id, target.contractId), eq(contracts.supplierId, supplierId)));
    if (!owned) return { ok: false, problem: notYours };
    if (owned.endDate < context.today) {
      return {
        ok: false,
        problem: [
          'target',
          `Contract ${owned.reference} ended on ${formatDate(owned.endDate)} and takes no more delivery reports: select a commitment of a contract that is still running`,
        ],
      };
    }
    if (target.commitmentId) {
      const [commitment] = await tx
        .select({ measureId: contractCommitments.measureId })
        .from(contractCommitments)
        .where(and(eq(contractCommitments.id, target.commitmentId), eq(contractCommitments.contractId, owned.id)));
      if (!commitment || commitment.measureId !== input.measureId) return { ok: false, problem: notYours };
    }
    const [pledge] = await tx
      .insert(needPledges)
      .values({
        needId: need.id,
        supplierId,
        contractId: owned.id,
        commitmentId: target.commitmentId,
        measureId: input.measureId,
        quantityHundredths: input.quantityHundredths,
        offer: input.offer,
        pledgedBy: pledger.userId,
      })
      .returning({ id: needPledges.id });
    const [measure] = await tx.select({ unit: measures.unit }).from(measures).where(eq(measures.id, input.measureId));
    const facts = {
      supplierName: pledger.supplierName,
      needTitle: need.title,
      organisationName: need.organisationName,
      contractReference: owned.reference,
      quantity: `${formatQuantity(input.quantityHundredths)} ${unitWords(measure!.unit)}`,
      offer: input.offer,
    };
    for (const person of await peopleToTell(tx, communityPeople, need.organisationId)) {
      await queueMailOnce(tx, `needs-pledged:${pledge!.id}:${person.id}`, pledgeMadeEmail(person, facts, `${context.baseUrl}/community/needs/${need.id}`));
    }
    return { ok: true, pledgeId: pledge!.id };
  });
}

const notYours: [string, string] = ['target', 'Select one of your own contracts’ commitments, or additional social value on one of your contracts'];

/** The choices of the pledge form's "counts towards", from the supplier's own contracts. */
export function pledgeTargets(
  contractsOfSupplier: {
    id: string;
    reference: string;
    title: string;
    commitments: { id: string; measureId: string; code: string; title: string; unit: string }[];
  }[],
): (PledgeTarget & { text: string })[] {
  return contractsOfSupplier.flatMap((c) => [
    ...c.commitments.map((m) => ({
      value: `commitment:${m.id}`,
      contractId: c.id,
      commitmentId: m.id,
      measureId: m.measureId,
      unit: m.unit,
      text: `${c.reference}: commitment ${m.code} ${m.title} (${m.unit})`,
    })),
    {
      value: `additional:${c.id}`,
      contractId: c.id,
      commitmentId: null,
      measureId: null,
      unit: null,
      text: `${c.reference}: additional social value (choose the measure below)`,
    },
  ]);
}
