import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../../db/client.js';
import type { Role } from '../../db/schema/index.js';
import { staffRoles } from '../../platform/current-user.js';
import { field, isUuid } from '../../platform/forms.js';
import { findCommunityOrganisation, findNeed, findPledge, type CommunityOrganisation, type NeedRecord, type PledgeRecord } from './repository.js';

/** People of community organisations: their own organisation's needs and the pledges to them only. */
export const communityPeople = ['community'] as const satisfies readonly Role[];
/** Who reads the board of open needs: council staff and suppliers. */
export const boardReaders = [...staffRoles, 'supplier'] as const satisfies readonly Role[];
/** Who pledges: suppliers, for their own organisation. */
export const pledgers = ['supplier'] as const satisfies readonly Role[];
/** Who approves registrations and sees where needs go unmet. */
export const boardOfficers = ['officer', 'admin'] as const satisfies readonly Role[];

/** The signed-in person's own community organisation (null if it is not one, which access already rules out). */
export async function ownOrganisation(db: Db, request: FastifyRequest): Promise<CommunityOrganisation | null> {
  return findCommunityOrganisation(db, request.user!.organisationId);
}

const idInPath = (request: FastifyRequest, name = 'id') => {
  const id = field(request.params, name);
  return isUuid(id) ? id : null;
};

/** A need of the signed-in person's own organisation; another organisation's need is "not found". */
export async function ownNeedInPath(db: Db, request: FastifyRequest, reply: FastifyReply): Promise<NeedRecord | null> {
  const id = idInPath(request);
  const need = id ? await findNeed(db, id) : null;
  if (!need || need.organisationId !== request.user!.organisationId) {
    reply.callNotFound();
    return null;
  }
  return need;
}

/** A need on the board for staff and suppliers: that of an approved organisation (a pending one's is not shown). */
export async function boardNeedInPath(db: Db, request: FastifyRequest, reply: FastifyReply): Promise<NeedRecord | null> {
  const id = idInPath(request);
  const need = id ? await findNeed(db, id) : null;
  const organisation = need ? await findCommunityOrganisation(db, need.organisationId) : null;
  if (!need || organisation?.approvalStatus !== 'approved') {
    reply.callNotFound();
    return null;
  }
  return need;
}

/** A pledge to one of the signed-in person's own organisation's needs. */
export async function pledgeToOwnNeedInPath(db: Db, request: FastifyRequest, reply: FastifyReply): Promise<PledgeRecord | null> {
  const id = idInPath(request);
  const pledge = id ? await findPledge(db, id) : null;
  if (!pledge || pledge.needOrganisationId !== request.user!.organisationId) {
    reply.callNotFound();
    return null;
  }
  return pledge;
}

/** One of the signed-in supplier's own pledges. */
export async function ownPledgeInPath(db: Db, request: FastifyRequest, reply: FastifyReply): Promise<PledgeRecord | null> {
  const id = idInPath(request);
  const pledge = id ? await findPledge(db, id) : null;
  if (!pledge || pledge.supplierId !== request.user!.organisationId) {
    reply.callNotFound();
    return null;
  }
  return pledge;
}
