import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../../db/client.js';
import type { Role } from '../../db/schema/index.js';
import { flashMessages } from '../../platform/flash.js';
import { recordInPath } from '../../platform/route-params.js';
import { refusedPage } from '../../platform/shared-pages.js';
import { findVersion, type VersionRow } from './repository.js';

/** Helpers shared by the framework's routes. */

export const adminOnly: readonly Role[] = ['admin'];

/** The banners after each change, by the `done` key of the address it redirects to. */
export const frameworkFlash = flashMessages({
  created: 'Draft created as a copy of the active version',
  imported: 'File imported as a new draft. Check it, then activate it.',
  activated: 'Version activated. New tenders will use it.',
  'details-saved': 'Name and notes saved',
  'outcome-added': 'Outcome added',
  'outcome-saved': 'Outcome saved',
  'outcome-deleted': 'Outcome deleted',
  'measure-added': 'Measure added',
  'measure-saved': 'Measure saved',
  'measure-deleted': 'Measure deleted',
  'draft-deleted': 'Draft deleted',
});

/** The version named in the path, or null after sending the 404 page. */
export async function versionOr404(db: Db, request: FastifyRequest, reply: FastifyReply): Promise<VersionRow | null> {
  return recordInPath(request, reply, 'versionId', (id) => findVersion(db, id));
}

/** Says, with status 409, that a change cannot be made, and why. */
export function refuse(reply: FastifyReply, heading: string, paragraphs: string[], link: { href: string; text: string }): FastifyReply {
  return refusedPage(reply, { heading, paragraphs, link });
}

export function refuseFrozen(reply: FastifyReply, version: VersionRow): FastifyReply {
  return refuse(
    reply,
    `Version ${version.number} cannot be changed`,
    [
      `Version ${version.number} is ${version.status === 'active' ? 'the active version' : 'retired'}. A version that has been activated never changes, so that tenders and contracts that use it keep the same measures and values.`,
      'To change the framework, edit the draft version, or create a new draft from the framework page: it starts as a copy of the active version.',
    ],
    { href: `/framework/${version.id}`, text: `Go back to version ${version.number}` },
  );
}

/** The draft named in the path, or null after sending the 404 page or the page that says it cannot be changed. */
export async function draftOrRefuse(db: Db, request: FastifyRequest, reply: FastifyReply): Promise<VersionRow | null> {
  const version = await versionOr404(db, request, reply);
  if (!version) return null;
  if (version.status !== 'draft') {
    refuseFrozen(reply, version);
    return null;
  }
  return version;
}
