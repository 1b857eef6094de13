import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../../db/client.js';
import type { Role } from '../../db/schema/index.js';
import { hasAnyRole, staffRoles } from '../../platform/current-user.js';
import { flashMessages } from '../../platform/flash.js';
import { recordInPath, uuidParam } from '../../platform/route-params.js';
import { loadCommitments, loadContract, type CommitmentRecord, type ContractRecord } from './repository.js';

/** Who may read a contract page: council staff, and a supplier user of the contract's own supplier. */
export const contractReaders = [...staffRoles, 'supplier'] as const satisfies readonly Role[];
/** Who may change a contract: its manager, set its rating, and open or close remediation actions. */
export const contractChangers = ['admin', 'officer', 'contract_manager'] as const satisfies readonly Role[];
/** Who may ask for a variation of a commitment. */
export const variationRequesters = ['officer', 'contract_manager'] as const satisfies readonly Role[];
/** Who may approve or reject a variation (never the person who asked for it). */
export const variationApprovers = ['officer', 'admin'] as const satisfies readonly Role[];

/** The banners on a contract's page after each change. */
export const contractFlash = flashMessages({
  updated: 'Contract details saved.',
  rating: 'Contract rating saved.',
  'rating-cleared': 'Rating override removed. The contract now shows its computed rating.',
  'variation-requested': 'Variation requested. An officer who did not ask for it must now approve or reject it.',
  'variation-approved': 'Variation approved. The commitment now shows the new values beside the tender promise.',
  'variation-rejected': 'Variation rejected. The commitment is unchanged.',
  'remediation-opened': 'Remediation action opened.',
  'remediation-closed': 'Remediation action closed.',
  published: 'Contract published. Its verified social value is now on the public transparency site.',
  unpublished: 'Contract taken off the transparency site.',
});

type FlashKey = Parameters<typeof contractFlash.path>[1];

export const contractPath = (id: string, flash?: FlashKey) => (flash ? contractFlash.path(`/contracts/${id}`, flash) : `/contracts/${id}`);

export function isStaff(request: FastifyRequest): boolean {
  return hasAnyRole(request.user, staffRoles);
}

/**
 * The contract named in the path if this user may see it: staff see every contract, a supplier only its own.
 * Otherwise null, after sending the 404 page (a supplier is not told that another supplier's contract exists).
 */
export async function contractInPath(db: Db, request: FastifyRequest, reply: FastifyReply): Promise<ContractRecord | null> {
  const id = uuidParam(request, 'id');
  const contract = id ? await loadContract(db, id) : null;
  if (!contract || (!isStaff(request) && contract.supplierId !== request.user?.organisationId)) {
    reply.callNotFound();
    return null;
  }
  return contract;
}

/** The contract and one of its commitments named in the path (:id and :cid), or null after the 404 page. */
export async function commitmentInPath(
  db: Db,
  request: FastifyRequest,
  reply: FastifyReply,
): Promise<{ contract: ContractRecord; commitment: CommitmentRecord } | null> {
  const contract = await contractInPath(db, request, reply);
  if (!contract) return null;
  const commitment = await recordInPath(request, reply, 'cid', async (commitmentId) =>
    (await loadCommitments(db, contract.id)).find((c) => c.id === commitmentId),
  );
  if (!commitment) return null;
  return { contract, commitment };
}
