import { eq } from 'drizzle-orm';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { DbOrTx, Tx } from '../../db/client.js';
import { requirements, type Role } from '../../db/schema/index.js';
import { hasAnyRole, type CurrentUser } from '../../platform/current-user.js';
import { recordInPath } from '../../platform/route-params.js';
import { refusedPage } from '../../platform/shared-pages.js';
import { isChangeable } from '../requirements/progress.js';

/**
 * What the assessment, engagement log and HIA screening pages share: finding the requirement in the path, saying
 * plainly when it is out of scope (these pages are only for requirements that social value applies to), and who may
 * change what.
 */

export type RequirementRow = typeof requirements.$inferSelect;

/** Staff read these pages; officers and admins change them. */
export const changeRoles = ['officer', 'admin'] as const satisfies readonly Role[];

export function canChange(user: CurrentUser | null): boolean {
  return hasAnyRole(user, changeRoles);
}

export async function findRequirement(db: DbOrTx, id: string): Promise<RequirementRow | null> {
  const [row] = await db.select().from(requirements).where(eq(requirements.id, id)).limit(1);
  return row ?? null;
}

export function requirementHref(requirement: Pick<RequirementRow, 'id'>): string {
  return `/requirements/${requirement.id}`;
}

/** The words of the "not needed" page for each kind of page. */
export interface NotNeededWording {
  /** "No social value assessment is needed" */
  heading: string;
  /** what would have been done: "a social value opportunity assessment" */
  what: string;
}

/**
 * The in-scope requirement named in the path, or null after replying: 404 for an unknown or malformed id, and for an
 * out-of-scope requirement a page that says nothing is needed (200 when asked for a page, 409 when a form was sent).
 */
export async function inScopeRequirement(db: DbOrTx, request: FastifyRequest, reply: FastifyReply, wording: NotNeededWording): Promise<RequirementRow | null> {
  const requirement = await recordInPath(request, reply, 'id', (id) => findRequirement(db, id));
  if (!requirement) return null;
  if (requirement.applicability === 'out_of_scope') {
    reply.code(request.method === 'GET' || request.method === 'HEAD' ? 200 : 409).page('assessment/views/not-needed.njk', {
      pageTitle: wording.heading,
      heading: wording.heading,
      what: wording.what,
      requirement,
      backLink: { href: requirementHref(requirement) },
    });
    return null;
  }
  return requirement;
}

/**
 * Why the assessment and screening of a requirement can no longer change, or null when they can: once it is out to
 * tender or awarded the tender rests on them, and a cancelled requirement is closed.
 */
export function settledReason(requirement: RequirementRow): string | null {
  if (isChangeable(requirement.stage)) return null;
  if (requirement.stage === 'cancelled') return 'The requirement has been cancelled.';
  return requirement.stage === 'awarded'
    ? 'The requirement has been tendered and awarded, and the tender was set up from these answers.'
    : 'The requirement is out to tender, and the tender was set up from these answers.';
}

/**
 * Locks the requirement for the rest of the transaction (before the assessment or screening, the order the stage
 * refresh locks them in) and says whether its answers may still change, so that a change never slips in after the
 * requirement goes out to tender.
 */
export async function lockChangeable(tx: Tx, requirementId: string): Promise<boolean> {
  const [row] = await tx.select({ stage: requirements.stage }).from(requirements).where(eq(requirements.id, requirementId)).for('update');
  return !!row && isChangeable(row.stage);
}

/** Says, with status 409, that the answers cannot change any more, and why. */
export function refuseSettled(reply: FastifyReply, requirement: RequirementRow, heading: string, returnHref: string): FastifyReply {
  return refusedPage(reply, {
    caption: requirement.title,
    heading,
    paragraphs: [`${settledReason(requirement) ?? ''} The answers are kept as they were so that the record stays complete.`],
    link: { href: returnHref, text: 'Go back' },
    backLink: { href: returnHref },
  });
}

/** refuseSettled for a requirement read before it went out to tender or was cancelled: read again, for the reason. */
export async function refuseSettledLater(
  db: DbOrTx,
  reply: FastifyReply,
  requirement: RequirementRow,
  heading: string,
  returnHref: string,
): Promise<FastifyReply> {
  return refuseSettled(reply, (await findRequirement(db, requirement.id)) ?? requirement, heading, returnHref);
}
