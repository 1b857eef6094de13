import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../../db/client.js';
import type { Role } from '../../db/schema/index.js';
import { staffRoles } from '../../platform/current-user.js';
import { recordInPath } from '../../platform/route-params.js';
import { findCommunityOrganisation, findNeed, findPledge, type CommunityOrganisation, type NeedRecord, type PledgeRecord } from './repository.js';

/** People of community organisations: their own organisation's needs and the pledges to them only. */
export const communityPeople = ['community'] as const satisfies readonly Role[];
/** Who reads the board of open needs: council staff and suppliers. */
export const boardReaders = [...staffRoles, 'supplier'] as const satisfies readonly Role[];
/** Who pledges: suppliers, for their own organisation. */
export const pledgers = ['supplier'] as const satisfies readonly Role[];
/** Who approves registrations and sees where needs go unmet. */
export const boardOfficers = ['officer', 'admin'] as const satisfies readonly Role[];
/** Who sees the met pledges that came too late for any delivery report: board officers and contract managers. */
export const latePledgeReaders = [...boardOfficers, 'contract_manager'] as const satisfies readonly Role[];

/** The signed-in person's own community organisation (null if it is not one, which access already rules out). */
export async function ownOrganisation(db: Db, request: FastifyRequest): Promise<CommunityOrganisation | null> {
  return findCommunityOrganisation(db, request.user!.organisationId);
}

/** A need of the signed-in person's own organisation; another organisation's need is "not found". */
export function ownNeedInPath(db: Db, request: FastifyRequest, reply: FastifyReply): Promise<NeedRecord | null> {
  return recordInPath(request, reply, 'id', async (id) => {
    const need = await findNeed(db, id);
    return need?.organisationId === request.user!.organisationId ? need : null;
  });
}

/** A need on the board for staff and suppliers: that of an approved organisation (a pending one's is not shown). */
export function boardNeedInPath(db: Db, request: FastifyRequest, reply: FastifyReply): Promise<NeedRecord | null> {
  return recordInPath(request, reply, 'id', async (id) => {
    const need = await findNeed(db, id);
    const organisation = need ? await findCommunityOrganisation(db, need.organisationId) : null;
    return organisation?.approvalStatus === 'approved' ? need : null;
  });
}

/** A pledge to one of the signed-in person's own organisation's needs. */
export function pledgeToOwnNeedInPath(db: Db, request: FastifyRequest, reply: FastifyReply): Promise<PledgeRecord | null> {
  return recordInPath(request, reply, 'id', async (id) => {
    const pledge = await findPledge(db, id);
    return pledge?.needOrganisationId === request.user!.organisationId ? pledge : null;
  });
}

/** One of the signed-in supplier's own pledges. */
export function ownPledgeInPath(db: Db, request: FastifyRequest, reply: FastifyReply): Promise<PledgeRecord | null> {
  return recordInPath(request, reply, 'id', async (id) => {
    const pledge = await findPledge(db, id);
    return pledge?.supplierId === request.user!.organisationId ? pledge : null;
  });
}
