import { and, eq, isNotNull, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { contracts } from '../../db/schema/index.js';
import { withAudit, type Actor } from '../../platform/audit.js';

/** Who may publish a contract on the transparency site, or take it off. */
export const publishers = ['officer', 'admin'] as const;

/**
 * Puts a contract's verified social value on the public transparency site, with the date and the officer who did
 * it. Publishing a contract that is already published changes nothing (its first publication date stays).
 */
export async function publishContract(db: Db, actor: Actor, contract: { id: string; reference: string }): Promise<void> {
  await withAudit(db, actor, `Published contract ${contract.reference} on the transparency site`, async (tx) => {
    await tx
      .update(contracts)
      .set({ publishedAt: sql`now()`, publishedBy: actor.id, updatedAt: sql`now()` })
      .where(and(eq(contracts.id, contract.id), isNull(contracts.publishedAt)));
  });
}

/** Takes a contract off the transparency site: its public page and its figures disappear from public views. */
export async function unpublishContract(db: Db, actor: Actor, contract: { id: string; reference: string }): Promise<void> {
  await withAudit(db, actor, `Took contract ${contract.reference} off the transparency site`, async (tx) => {
    await tx
      .update(contracts)
      .set({ publishedAt: null, publishedBy: null, updatedAt: sql`now()` })
      .where(and(eq(contracts.id, contract.id), isNotNull(contracts.publishedAt)));
  });
}
