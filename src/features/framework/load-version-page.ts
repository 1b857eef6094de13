import type { DbOrTx } from '../../db/client.js';
import type { FrameworkStatus } from '../../db/schema/index.js';
import { hasAnyRole, type CurrentUser } from '../../platform/current-user.js';
import { isUuid } from '../../platform/forms.js';
import { findVersion, listMeasureSummaries, listOutcomes } from './repository.js';

export const VERSION_TEMPLATE = 'framework/views/version.njk';

export interface VersionPageContext {
  pageTitle: string;
  backLink: { href: string; text: string };
  version: {
    id: string;
    number: number;
    name: string;
    status: FrameworkStatus;
    notes: string | null;
    createdAt: Date;
    activatedAt: Date | null;
    retiredAt: Date | null;
    basedOn: { id: string; number: number } | null;
  };
  outcomes: {
    id: string;
    code: string;
    title: string;
    description: string;
    measures: { id: string; code: string; title: string; unit: string; proxyPencePerUnit: number | null }[];
  }[];
  measureCount: number;
  /** the viewer is an admin and the version is a draft: show the change links */
  canEdit: boolean;
}

/**
 * Everything the version page shows: the version, its outcomes in order, and each outcome's measures.
 * Null when there is no such version. The route renders VERSION_TEMPLATE with exactly this.
 */
type VersionContent = Pick<VersionPageContext, 'outcomes' | 'measureCount'> & { basedOn: VersionPageContext['version']['basedOn'] };

/**
 * The content of versions that can no longer change (active or retired: the database refuses any edit), kept in
 * memory once read. A draft is always read afresh. Safe with several instances, because frozen content is the same
 * everywhere; the version row itself (its status) is still read on every request.
 */
const frozenContent = new Map<string, VersionContent>();

async function readContent(db: DbOrTx, version: { id: string; basedOnId: string | null }): Promise<VersionContent> {
  const outcomeRows = await listOutcomes(db, version.id);
  const measureRows = await listMeasureSummaries(db, version.id);
  const basedOn = version.basedOnId ? await findVersion(db, version.basedOnId) : null;
  const byOutcome = new Map(outcomeRows.map((o) => [o.id, [] as VersionPageContext['outcomes'][number]['measures']]));
  for (const { outcomeId, ...measure } of measureRows) byOutcome.get(outcomeId)?.push(measure);
  return {
    outcomes: outcomeRows.map((o) => ({ id: o.id, code: o.code, title: o.title, description: o.description, measures: byOutcome.get(o.id) ?? [] })),
    measureCount: measureRows.length,
    basedOn: basedOn ? { id: basedOn.id, number: basedOn.number } : null,
  };
}

export async function loadVersionPage(db: DbOrTx, versionId: string, viewer: CurrentUser | null = null): Promise<VersionPageContext | null> {
  if (!isUuid(versionId)) return null;
  const version = await findVersion(db, versionId);
  if (!version) return null;
  let content = version.status === 'draft' ? undefined : frozenContent.get(version.id);
  if (!content) {
    content = await readContent(db, version);
    if (version.status !== 'draft') frozenContent.set(version.id, content);
  }
  return {
    pageTitle: `Framework version ${version.number}: ${version.name}`,
    backLink: { href: '/framework', text: 'All framework versions' },
    version: {
      id: version.id,
      number: version.number,
      name: version.name,
      status: version.status,
      notes: version.notes,
      createdAt: version.createdAt,
      activatedAt: version.activatedAt,
      retiredAt: version.retiredAt,
      basedOn: content.basedOn,
    },
    outcomes: content.outcomes,
    measureCount: content.measureCount,
    canEdit: version.status === 'draft' && hasAnyRole(viewer, ['admin']),
  };
}
