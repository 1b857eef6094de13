import { and, eq } from 'drizzle-orm';
import type { Db } from '../../src/db/client.js';
import { caseStudies, caseStudyCommitments, contractCommitments, contracts, measures, reportLines, type CaseStudyStatus } from '../../src/db/schema/index.js';

/**
 * Case studies of the contracts of dashboard-fixtures.ts, for the reports' "Case studies" section. A and B are
 * published; C is not. A delivered £2,542 against commitments in 2025 to 2026 Q1, B £1,320 in Q2.
 *   A: "Lunch clubs in Charnwood" (published 10 January 2026) and "Carers at the lunch clubs" (published 1 February
 *      2026: A's latest, the one a report shows), both with A's GC01 commitment as their statistic
 *   B: "Electric vans on the Melton rounds" (published 5 January 2026, GC08), a later draft and a later withdrawn one
 *   C: "The Melton larder", published, but C is not published (so it is not public) and delivered nothing
 * The verified lines are marked as verified on 20 December 2025 (the case studies' "figures last updated").
 */
export async function setUpReportCaseStudies(db: Db) {
  const contract = async (reference: string) => (await db.select({ id: contracts.id }).from(contracts).where(eq(contracts.reference, reference)))[0]!.id;
  const [a, b, c] = [await contract('DASH-A'), await contract('DASH-B'), await contract('DASH-C')];
  await db
    .update(contracts)
    .set({ publishedAt: new Date('2025-12-01T09:00:00Z') })
    .where(eq(contracts.id, a));
  await db
    .update(contracts)
    .set({ publishedAt: new Date('2025-12-01T09:00:00Z') })
    .where(eq(contracts.id, b));
  const commitmentOf = async (contractId: string, code: string) =>
    (
      await db
        .select({ id: contractCommitments.id })
        .from(contractCommitments)
        .innerJoin(measures, eq(measures.id, contractCommitments.measureId))
        .where(and(eq(contractCommitments.contractId, contractId), eq(measures.code, code)))
    )[0]!.id;
  const caseStudy = async (contractId: string, title: string, status: CaseStudyStatus, publishedAt: string | null, commitmentId?: string) => {
    const [row] = await db
      .insert(caseStudies)
      .values({
        contractId,
        title,
        summary: `Summary of ${title}.`,
        story: `The story of ${title}.`,
        outcomeCodes: ['GC'],
        status,
        publishedAt: publishedAt ? new Date(`${publishedAt}T10:00:00Z`) : null,
      })
      .returning({ id: caseStudies.id });
    if (commitmentId) await db.insert(caseStudyCommitments).values({ caseStudyId: row!.id, commitmentId });
    return row!.id;
  };
  await db
    .update(reportLines)
    .set({ decidedAt: new Date('2025-12-20T12:00:00Z') })
    .where(eq(reportLines.status, 'verified'));
  const aGc01 = await commitmentOf(a, 'GC01');
  const bGc08 = await commitmentOf(b, 'GC08');
  return {
    olderOfA: await caseStudy(a, 'Lunch clubs in Charnwood', 'published', '2026-01-10', aGc01),
    latestOfA: await caseStudy(a, 'Carers at the lunch clubs', 'published', '2026-02-01', aGc01),
    ofB: await caseStudy(b, 'Electric vans on the Melton rounds', 'published', '2026-01-05', bGc08),
    draftOfB: await caseStudy(b, 'A draft about the vans', 'draft', null, bGc08),
    withdrawnOfB: await caseStudy(b, 'A withdrawn story about the vans', 'withdrawn', '2026-03-01', bGc08),
    ofC: await caseStudy(c, 'The Melton larder', 'published', '2026-03-01'),
  };
}
