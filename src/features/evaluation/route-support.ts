import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../../db/client.js';
import type { Role } from '../../db/schema/index.js';
import { hasAnyRole } from '../../platform/current-user.js';
import { recordInPath } from '../../platform/route-params.js';
import { refusedPage } from '../../platform/shared-pages.js';
import { findEvaluationTender, findSubmittedBid, type BidSummary, type EvaluationTender } from './repository.js';

/** Helpers shared by the evaluation's routes. */

export const managers: readonly Role[] = ['officer', 'admin'];

export function isManager(request: FastifyRequest): boolean {
  return hasAnyRole(request.user, managers);
}

/** The tender named in the path, or null after sending the 404 page. */
export async function tenderOr404(db: Db, request: FastifyRequest, reply: FastifyReply): Promise<EvaluationTender | null> {
  return recordInPath(request, reply, 'tenderId', (id) => findEvaluationTender(db, id));
}

/** The submitted bid named in the path, of this tender, or null after sending the 404 page. */
export async function bidOr404(db: Db, tender: EvaluationTender, request: FastifyRequest, reply: FastifyReply): Promise<BidSummary | null> {
  return recordInPath(request, reply, 'bidId', (id) => findSubmittedBid(db, tender.id, id));
}

export function tenderCaption(tender: EvaluationTender): string {
  return `Tender ${tender.number}: ${tender.title}`;
}

/** Says why something cannot be done (status 409 unless given), and where to go instead. */
export function refuse(reply: FastifyReply, heading: string, paragraphs: string[], link: { href: string; text: string }, status = 409): FastifyReply {
  return refusedPage(reply, { heading, paragraphs, link }, status);
}

/** "1 answer", "6 answers" */
export function answersCount(n: number): string {
  return `${n.toLocaleString('en-GB')} ${n === 1 ? 'answer' : 'answers'}`;
}

/** A score as a percentage with 2 decimal places: 1234 basis points -> "12.34%". */
export function formatScore(bps: number | null): string {
  return bps === null ? '' : `${(bps / 100).toFixed(2)}%`;
}
