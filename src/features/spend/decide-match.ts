import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { organisations, spendSuppliers } from '../../db/schema/index.js';
import { parsePostcode } from '../../domain/postcodes.js';
import { withAudit, type Actor } from '../../platform/audit.js';
import { loadLocalAreas } from '../local-areas/repository.js';
import { localityOf } from '../organisations/postcode-districts.js';
import { rematchSpendSuppliers } from './rematch-suppliers.js';

/** What a person decides about a supplier as a file names it. */
export type MatchDecision = { kind: 'confirm' } | { kind: 'reject' } | { kind: 'match'; organisationId: string; organisationName: string } | { kind: 'add' };

export type DecisionResult = { ok: true; organisationId: string | null } | { ok: false; reason: 'not-found' | 'redacted' | 'no-candidate' };

/**
 * Records a person's decision on a supplier, remembered for the publisher's later files: it is the suggested
 * organisation (confirm), it is none of them (reject), it is another organisation (match), or it is new to the
 * directory (add: a supplier organisation is made from what the files say, and other suppliers not yet matched are matched
 * again). The figures move with it (triggers).
 */
export async function decideMatch(db: Db, actor: Actor, supplierId: string, decision: MatchDecision): Promise<DecisionResult> {
  const localAreas = await loadLocalAreas(db);
  const [current] = await db.select({ name: spendSuppliers.name }).from(spendSuppliers).where(eq(spendSuppliers.id, supplierId));
  if (!current) return { ok: false, reason: 'not-found' };
  const action = {
    confirm: `Confirmed the match of ${current.name} in spend`,
    reject: `Decided ${current.name} in spend matches no organisation`,
    match: `Matched ${current.name} in spend to ${decision.kind === 'match' ? decision.organisationName : ''}`,
    add: `Added ${current.name} to the directory from spend`,
  }[decision.kind];
  return withAudit(db, actor, action, async (tx): Promise<DecisionResult> => {
    const [supplier] = await tx.select().from(spendSuppliers).where(eq(spendSuppliers.id, supplierId)).for('update');
    if (!supplier) return { ok: false, reason: 'not-found' };
    if (supplier.status === 'redacted') return { ok: false, reason: 'redacted' };
    let organisationId: string | null;
    if (decision.kind === 'confirm') {
      if (!supplier.candidateId) return { ok: false, reason: 'no-candidate' };
      organisationId = supplier.candidateId;
    } else if (decision.kind === 'match') {
      organisationId = decision.organisationId;
    } else if (decision.kind === 'add') {
      const postcode = supplier.postcode ? parsePostcode(supplier.postcode) : null;
      const [added] = await tx
        .insert(organisations)
        .values({
          name: supplier.name,
          kind: 'supplier',
          companiesHouseNumber: supplier.companyNumber,
          charityNumber: supplier.charityNumber,
          isVcse: supplier.vcseInFile === true,
          postcode: postcode?.postcode ?? null,
          ...(postcode ? localityOf(postcode, localAreas) : { district: null, isLocal: false }),
        })
        .returning({ id: organisations.id });
      organisationId = added!.id;
    } else {
      organisationId = null;
    }
    await tx
      .update(spendSuppliers)
      .set({
        status: organisationId ? 'matched' : 'unmatched',
        organisationId,
        matchedBy: organisationId ? 'decision' : null,
        candidateId: organisationId ? supplier.candidateId : null,
        decidedBy: actor.id,
        decidedAt: sql`now()`,
      })
      .where(eq(spendSuppliers.id, supplierId));
    // The new organisation may be what other publishers' files name too.
    if (decision.kind === 'add') await rematchSpendSuppliers(tx, [organisationId!]);
    return { ok: true, organisationId };
  });
}
