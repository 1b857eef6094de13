import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { contractCommitments, contracts, needPledges } from '../../db/schema/index.js';
import { withAudit, type Actor } from '../../platform/audit.js';
import type { PledgeInput, PledgeTarget } from './forms.js';
import type { NeedRecord } from './repository.js';

export type PledgeResult = { ok: true; pledgeId: string } | { ok: false; problem: [string, string] };

/**
 * A supplier pledges to meet an open need, counted on one of ITS OWN contracts: the contract (and commitment) are
 * checked again in the transaction against the supplier, so a commitment of another supplier's contract is refused
 * whatever the form sent.
 */
export async function pledgeToNeed(db: Db, actor: Actor, userId: string, supplierId: string, need: NeedRecord, input: PledgeInput): Promise<PledgeResult> {
  const { target } = input;
  return withAudit(db, actor, `Pledged to meet the need “${need.title}” of ${need.organisationName}`, async (tx) => {
    const [owned] = await tx
      .select({ id: contracts.id })
      .from(contracts)
      .where(and(eq(contracts.id, target.contractId), eq(contracts.supplierId, supplierId)));
    if (!owned) return { ok: false, problem: notYours };
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
        pledgedBy: userId,
      })
      .returning({ id: needPledges.id });
    return { ok: true, pledgeId: pledge!.id };
  });
}

const notYours: [string, string] = ['target', 'Select one of your own contracts’ commitments, or additional social value on one of your contracts'];

/** The choices of the pledge form's "counts towards", from the supplier's own running contracts. */
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
