import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../../db/client.js';
import type { Role } from '../../db/schema/index.js';
import { hasAnyRole, staffRoles, type CurrentUser } from '../../platform/current-user.js';
import { findCaseStudy, type CaseStudyRecord } from './repository.js';
import { recordInPath } from '../../platform/route-params.js';

/** Who may read case studies: council staff, and suppliers (those of their own organisation's contracts only). */
export const caseStudyReaders = [...staffRoles, 'supplier'] as const satisfies readonly Role[];
/** Who may draft and change case studies: officers and administrators, and a contract's own supplier. */
export const caseStudyAuthors = ['officer', 'admin', 'supplier'] as const satisfies readonly Role[];

const isStaff = (user: CurrentUser | null) => hasAnyRole(user, staffRoles);

/** Whether a user writes case studies as council staff (any contract) rather than as a supplier (its own). */
export const writesForCouncil = (user: CurrentUser | null) => hasAnyRole(user, ['officer', 'admin']);

/** Whether this person may change the case study (and send it for review, or back to draft). */
export function mayAuthor(user: CurrentUser | null, caseStudy: Pick<CaseStudyRecord, 'supplierId'>): boolean {
  return writesForCouncil(user) || (hasAnyRole(user, ['supplier']) && user!.organisationId === caseStudy.supplierId);
}

/** Only officers publish and withdraw. */
export const mayPublish = (user: CurrentUser | null) => hasAnyRole(user, ['officer']);

/**
 * The case study named in the path if this person may see it: staff see every one, a supplier only those of its own
 * organisation's contracts. Otherwise null, after the 404 page (a supplier is not told another's exists).
 */
export async function caseStudyInPath(db: Db, request: FastifyRequest, reply: FastifyReply): Promise<CaseStudyRecord | null> {
  return recordInPath(request, reply, 'id', async (id) => {
    const caseStudy = await findCaseStudy(db, id);
    return caseStudy && (isStaff(request.user) || caseStudy.supplierId === request.user?.organisationId) ? caseStudy : null;
  });
}
