import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { apiTokens } from '../../db/schema/index.js';
import { withAudit, type Actor } from '../../platform/audit.js';

/** Revokes a token at once: its next request gets 401. False if there is no such token still in use. Audited. */
export async function revokeToken(db: Db, actor: Actor, id: string): Promise<boolean> {
  return withAudit(db, actor, 'Revoked an API token', async (tx) => {
    const revoked = await tx
      .update(apiTokens)
      .set({ revokedAt: new Date(), revokedBy: actor.id })
      .where(and(eq(apiTokens.id, id), isNull(apiTokens.revokedAt)))
      .returning({ id: apiTokens.id });
    return revoked.length > 0;
  });
}
