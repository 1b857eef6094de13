import type { Db } from '../../db/client.js';
import type { Role, TenderStatus } from '../../db/schema/index.js';
import { hasAnyRole, type CurrentUser } from '../../platform/current-user.js';
import { findAssignment } from './repository.js';

/** Everyone who may ever read a tender's results and evaluation report; resultsAccess() decides for one tender. */
export const resultsReaders: readonly Role[] = ['officer', 'admin', 'evaluator', 'viewer'];

const deciders: readonly Role[] = ['officer', 'admin'];

export type ResultsAccess = { kind: 'allowed' } | { kind: 'not-found' } | { kind: 'refused'; heading: string; paragraphs: string[] };

/**
 * Who may read a tender's results and its evaluation report. Until the award: officers, admins and the tender's own
 * evaluators once moderation is locked, unless they declared a conflict. After the award, viewers too. An evaluator
 * who is not one of the tender's is told nothing about it.
 */
export async function resultsAccess(
  db: Db,
  user: CurrentUser,
  tender: { id: string; status: TenderStatus; moderationLockedAt: Date | null },
): Promise<ResultsAccess> {
  if (hasAnyRole(user, deciders)) return { kind: 'allowed' };
  if (tender.status === 'awarded' && hasAnyRole(user, ['viewer'])) return { kind: 'allowed' };
  const assignment = hasAnyRole(user, ['evaluator']) ? await findAssignment(db, tender.id, user.id) : null;
  if (assignment?.hasConflict) {
    return { kind: 'refused', heading: 'You cannot see these results', paragraphs: ['You declared a conflict of interest for this tender.'] };
  }
  if (assignment && !tender.moderationLockedAt) {
    return { kind: 'refused', heading: 'The results are not ready yet', paragraphs: ['Evaluators can see the results once moderation is locked.'] };
  }
  if (assignment) return { kind: 'allowed' };
  if (hasAnyRole(user, ['viewer'])) {
    return {
      kind: 'refused',
      heading: 'The results are not published yet',
      paragraphs: ['The results and the evaluation report of a tender can be read by viewers once the contract has been awarded.'],
    };
  }
  return { kind: 'not-found' };
}
