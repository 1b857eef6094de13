import { and, desc, eq, isNull } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { apiTokens, users, type ApiScope } from '../../db/schema/index.js';

/** Every token, newest first, with who made it: never the token itself, which is not kept. */
export async function listTokens(db: DbOrTx) {
  return db
    .select({
      id: apiTokens.id,
      name: apiTokens.name,
      scope: apiTokens.scope,
      tokenStart: apiTokens.tokenStart,
      createdAt: apiTokens.createdAt,
      createdByName: users.name,
      revokedAt: apiTokens.revokedAt,
    })
    .from(apiTokens)
    .leftJoin(users, eq(users.id, apiTokens.createdBy))
    .orderBy(desc(apiTokens.createdAt));
}

export interface ActiveToken {
  id: string;
  scope: ApiScope;
}

/** The token with this hash if it exists and has not been revoked. */
export async function activeTokenByHash(db: DbOrTx, hash: string): Promise<ActiveToken | null> {
  const [row] = await db
    .select({ id: apiTokens.id, scope: apiTokens.scope })
    .from(apiTokens)
    .where(and(eq(apiTokens.tokenHash, hash), isNull(apiTokens.revokedAt)));
  return row ?? null;
}
