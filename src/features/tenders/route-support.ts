import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../../db/client.js';
import type { Role } from '../../db/schema/index.js';
import { ForbiddenError } from '../../platform/access.js';
import { hasAnyRole } from '../../platform/current-user.js';
import { flashMessages } from '../../platform/flash.js';
import { recordInPath } from '../../platform/route-params.js';
import { refusedPage } from '../../platform/shared-pages.js';
import { findTender, isAssignedEvaluator, type TenderRow } from './repository.js';

/** Helpers shared by the tenders' routes. */

/** Who sets up, publishes and closes tenders. */
export const officerRoles: readonly Role[] = ['admin', 'officer'];

/** Staff who read every tender. Evaluators without another of these roles read only the tenders they are assigned to. */
const readAllRoles: readonly Role[] = ['admin', 'officer', 'contract_manager', 'viewer'];

export function readsAllTenders(request: FastifyRequest): boolean {
  return hasAnyRole(request.user, readAllRoles);
}

/** The banners after each change, by the `done` key of the address it redirects to. */
export const tenderFlash = flashMessages({
  created: 'Draft tender created. Check each part of its set-up, then publish it.',
  saved: 'Change saved',
  'question-added': 'Question added',
  'question-saved': 'Question saved',
  'question-removed': 'Question removed',
  published: 'Tender published. The invited suppliers and the evaluators have been sent an email.',
  closed: 'Bidding closed. The bids can now be evaluated.',
});

export const tenderPath = (tender: { id: string }) => `/tenders/${tender.id}`;

async function tenderInPath(db: Db, request: FastifyRequest, reply: FastifyReply): Promise<TenderRow | null> {
  return recordInPath(request, reply, 'tenderId', (id) => findTender(db, id));
}

/** The tender named in the path, if the user may read it; otherwise null after the 404 page, or a 403. */
export async function readableTender(db: Db, request: FastifyRequest, reply: FastifyReply): Promise<TenderRow | null> {
  const tender = await tenderInPath(db, request, reply);
  if (!tender || readsAllTenders(request)) return tender;
  if (request.user && (await isAssignedEvaluator(db, tender.id, request.user.id))) return tender;
  throw new ForbiddenError('You are not an evaluator of this tender');
}

/** Says, with status 409, that something cannot be done to the tender now, and why. */
export function refuse(reply: FastifyReply, tender: TenderRow, heading: string, paragraphs: string[], list: string[] = []): FastifyReply {
  return refusedPage(reply, {
    caption: `Tender ${tender.number}: ${tender.title}`,
    heading,
    paragraphs,
    list,
    link: { href: tenderPath(tender), text: `Go back to tender ${tender.number}` },
  });
}

export function refuseFrozen(reply: FastifyReply, tender: TenderRow): FastifyReply {
  return refuse(reply, tender, `Tender ${tender.number} can no longer be changed`, [
    tender.status === 'draft'
      ? 'It was published while you were making this change, so nothing was saved.'
      : 'It has been published. Its weighting, method, measures, questions, scale, closing date, suppliers and evaluators were frozen then, so that every bidder is treated the same, and nothing was saved.',
    'If the tender must change, talk to the procurement team about cancelling it and publishing a new one.',
  ]);
}

/** The draft tender named in the path, for a set-up page; or null after the 404 page or the page saying it cannot change. */
export async function draftTender(db: Db, request: FastifyRequest, reply: FastifyReply): Promise<TenderRow | null> {
  const tender = await tenderInPath(db, request, reply);
  if (!tender) return null;
  if (tender.status !== 'draft') {
    refuseFrozen(reply, tender);
    return null;
  }
  return tender;
}
