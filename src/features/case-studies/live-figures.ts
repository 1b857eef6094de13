import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { caseStudyCommitments, contractCommitments, measures, reportLines } from '../../db/schema/index.js';
import { formatQuantity } from '../../domain/quantity.js';
import { commitmentFigures } from '../summaries/read.js';

/** One statistic of a case study: the verified delivery of one of its contract's commitments, as the summaries hold it. */
export interface LiveFigure {
  commitmentId: string;
  measureCode: string;
  measureTitle: string;
  unit: string;
  verifiedHundredths: number;
  /** "1,200" */
  quantity: string;
  /** the verified delivery's value, or null when the measure has no proxy value (it counts in its own unit only) */
  verifiedPence: number | null;
  verifiedLines: number;
}

export interface LiveFigures {
  figures: LiveFigure[];
  /** the sum of the figures valued in pounds */
  totalPence: number;
  /** when the latest of the chosen commitments' verified lines was verified: when the figures last changed */
  lastVerifiedAt: Date | null;
}

/**
 * A case study's statistics, read when the page is shown: for each commitment it names, what has been verified as
 * delivered, from the summaries (sv_commitment_figures), so a case study never claims more than was verified and
 * follows each new verification. Nothing here is typed by the author but the choice of commitments.
 */
export async function liveFigures(db: DbOrTx, caseStudyId: string): Promise<LiveFigures> {
  const chosen = await db
    .select({
      commitmentId: caseStudyCommitments.commitmentId,
      measureCode: measures.code,
      measureTitle: measures.title,
      unit: measures.unit,
      valued: sql<boolean>`${measures.proxyPencePerUnit} is not null`,
    })
    .from(caseStudyCommitments)
    .innerJoin(contractCommitments, eq(contractCommitments.id, caseStudyCommitments.commitmentId))
    .innerJoin(measures, eq(measures.id, contractCommitments.measureId))
    .where(eq(caseStudyCommitments.caseStudyId, caseStudyId))
    .orderBy(asc(caseStudyCommitments.position), asc(measures.code));
  if (chosen.length === 0) return { figures: [], totalPence: 0, lastVerifiedAt: null };
  const ids = chosen.map((c) => c.commitmentId);
  const [summaries, [latest]] = await Promise.all([
    commitmentFigures(db, ids),
    db
      .select({ at: sql<Date | null>`max(${reportLines.decidedAt})`.mapWith(reportLines.decidedAt) })
      .from(reportLines)
      .where(and(inArray(reportLines.commitmentId, ids), eq(reportLines.status, 'verified'))),
  ]);
  const figures = chosen.map(({ valued, ...c }) => {
    const s = summaries.get(c.commitmentId);
    const verifiedHundredths = s?.verifiedHundredths ?? 0;
    return {
      ...c,
      verifiedHundredths,
      quantity: formatQuantity(verifiedHundredths),
      verifiedPence: valued ? (s?.verifiedPence ?? 0) : null,
      verifiedLines: s?.verifiedLines ?? 0,
    };
  });
  return {
    figures,
    totalPence: figures.reduce((sum, f) => sum + (f.verifiedPence ?? 0), 0),
    lastVerifiedAt: latest?.at ?? null,
  };
}
