import { asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { measures, outcomes } from '../../db/schema/index.js';

/**
 * A framework version's content in portable form: outcomes and measures linked by code, not by id.
 * This is what is exported, imported, seeded and copied into a new draft.
 */
export interface OutcomeContent {
  code: string;
  title: string;
  description: string;
}

export interface MeasureContent {
  code: string;
  outcomeCode: string;
  title: string;
  unit: string;
  countingGuidance: string;
  evidenceExpected: string;
  proxyPencePerUnit: number | null;
  proxySource: string | null;
  proxySourceUrl: string | null;
  proxyYear: number | null;
  proxyLicence: string | null;
  deadweightBps: number;
  attributionBps: number;
}

export interface FrameworkContent {
  outcomes: OutcomeContent[];
  measures: MeasureContent[];
}

/** Adds outcomes and measures to a (draft) version. Measures must name outcomes in the content. */
export async function writeContent(db: DbOrTx, versionId: string, content: FrameworkContent): Promise<void> {
  if (content.outcomes.length === 0) return;
  const inserted = await db
    .insert(outcomes)
    .values(content.outcomes.map((o, position) => ({ versionId, code: o.code, title: o.title, description: o.description, position })))
    .returning({ id: outcomes.id, code: outcomes.code });
  const outcomeIds = new Map(inserted.map((o) => [o.code, o.id]));
  if (content.measures.length === 0) return;
  await db.insert(measures).values(
    content.measures.map(({ outcomeCode, ...m }) => {
      const outcomeId = outcomeIds.get(outcomeCode);
      if (!outcomeId) throw new Error(`Measure ${m.code} names outcome ${outcomeCode}, which is not in the framework`);
      return { ...m, versionId, outcomeId };
    }),
  );
}

/** Reads a version's content in portable form, outcomes in their order and measures by code. */
export async function readContent(db: DbOrTx, versionId: string): Promise<FrameworkContent> {
  const outcomeRows = await db
    .select({ id: outcomes.id, code: outcomes.code, title: outcomes.title, description: outcomes.description })
    .from(outcomes)
    .where(eq(outcomes.versionId, versionId))
    .orderBy(asc(outcomes.position), asc(outcomes.code));
  const codeById = new Map(outcomeRows.map((o) => [o.id, o.code]));
  const measureRows = await db.select().from(measures).where(eq(measures.versionId, versionId)).orderBy(asc(measures.code));
  return {
    outcomes: outcomeRows.map(({ id: _id, ...o }) => o),
    measures: measureRows.map((m) => ({
      code: m.code,
      outcomeCode: codeById.get(m.outcomeId) ?? '',
      title: m.title,
      unit: m.unit,
      countingGuidance: m.countingGuidance,
      evidenceExpected: m.evidenceExpected,
      proxyPencePerUnit: m.proxyPencePerUnit,
      proxySource: m.proxySource,
      proxySourceUrl: m.proxySourceUrl,
      proxyYear: m.proxyYear,
      proxyLicence: m.proxyLicence,
      deadweightBps: m.deadweightBps,
      attributionBps: m.attributionBps,
    })),
  };
}
