import type { Db } from '../../db/client.js';
import { withAudit, type Actor } from '../../platform/audit.js';
import type { Declaration } from './forms.js';
import { findAssignment, recordDeclaration } from './repository.js';

export type DeclareResult = 'declared' | 'already-declared' | 'not-assigned';

/**
 * Records an evaluator's conflict of interest declaration for a tender. It is made once, before the evaluator sees
 * any bid, and cannot be changed: with a conflict they cannot score, and the officers see it on the progress view.
 */
export async function declareConflict(
  db: Db,
  actor: Actor,
  tender: { id: string; number: number },
  userId: string,
  declaration: Declaration,
): Promise<DeclareResult> {
  const action = declaration.hasConflict
    ? `Declared a conflict of interest for tender ${tender.number}`
    : `Declared no conflict of interest for tender ${tender.number}`;
  return withAudit(db, actor, action, async (tx) => {
    if (await recordDeclaration(tx, tender.id, userId, declaration.hasConflict, declaration.details)) return 'declared';
    return (await findAssignment(tx, tender.id, userId)) ? 'already-declared' : 'not-assigned';
  });
}
