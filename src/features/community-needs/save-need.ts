import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { communityNeeds } from '../../db/schema/index.js';
import { withAudit, type Actor } from '../../platform/audit.js';
import type { NeedInput } from './forms.js';
import type { NeedRecord } from './repository.js';

export async function postNeed(db: Db, actor: Actor, userId: string, organisationId: string, input: NeedInput): Promise<string> {
  return withAudit(db, actor, `Posted the need “${input.title}” on the community needs board`, async (tx) => {
    const [row] = await tx
      .insert(communityNeeds)
      .values({ ...input, organisationId, createdBy: userId })
      .returning({ id: communityNeeds.id });
    return row!.id;
  });
}

/** Changes an open need; a closed one is not changed (false). */
export async function changeNeed(db: Db, actor: Actor, need: NeedRecord, input: NeedInput): Promise<boolean> {
  return withAudit(db, actor, `Changed the need “${input.title}” on the community needs board`, async (tx) => {
    const rows = await tx
      .update(communityNeeds)
      .set({ ...input, updatedAt: sql`now()` })
      .where(and(eq(communityNeeds.id, need.id), eq(communityNeeds.status, 'open')))
      .returning({ id: communityNeeds.id });
    return rows.length > 0;
  });
}

/** Closes a need (met, or no longer needed) or opens it again. Pledges already made stay as they are. */
export async function setNeedStatus(db: Db, actor: Actor, need: NeedRecord, status: 'open' | 'closed'): Promise<void> {
  const action =
    status === 'closed' ? `Closed the need “${need.title}” on the community needs board` : `Reopened the need “${need.title}” on the community needs board`;
  await withAudit(db, actor, action, (tx) =>
    tx
      .update(communityNeeds)
      .set({ status, closedAt: status === 'closed' ? sql`now()` : null, updatedAt: sql`now()` })
      .where(eq(communityNeeds.id, need.id)),
  );
}
