import type { Db } from '../../db/client.js';
import { apiTokens, type ApiScope } from '../../db/schema/index.js';
import { withAudit, type Actor } from '../../platform/audit.js';
import { newToken, tokenHash } from './token-hash.js';

/** Creates a token and returns it: the only time it can be read, as only its hash is stored. Audited. */
export async function createToken(db: Db, actor: Actor, input: { name: string; scope: ApiScope }): Promise<string> {
  const token = newToken();
  await withAudit(db, actor, `Created the API token ${input.name}`, async (tx) => {
    await tx
      .insert(apiTokens)
      .values({ name: input.name, scope: input.scope, tokenHash: tokenHash(token), tokenStart: token.slice(0, 9), createdBy: actor.id });
  });
  return token;
}
