import { and, eq, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.js';
import { caseStudies, caseStudyCommitments, caseStudyQuotes } from '../../db/schema/index.js';
import { withAudit, type Actor } from '../../platform/audit.js';
import type { DetailsInput } from './forms.js';
import type { CaseStudyRecord } from './repository.js';

/** Only a draft changes: each change takes the row with this condition, and changes nothing when it fails. */
const isDraft = (id: string) => and(eq(caseStudies.id, id), eq(caseStudies.status, 'draft'));

/** Marks a draft changed, and says whether it still is a draft (so the change may go ahead). */
export async function touchDraft(tx: Tx, id: string): Promise<boolean> {
  const rows = await tx
    .update(caseStudies)
    .set({ updatedAt: sql`now()` })
    .where(isDraft(id))
    .returning({ id: caseStudies.id });
  return rows.length > 0;
}

export async function createCaseStudy(db: Db, actor: Actor, contract: { id: string; reference: string }, input: DetailsInput): Promise<string> {
  return withAudit(db, actor, `Drafted case study “${input.title}” about contract ${contract.reference}`, async (tx) => {
    const [row] = await tx
      .insert(caseStudies)
      .values({ ...input, contractId: contract.id, createdBy: actor.id })
      .returning({ id: caseStudies.id });
    return row!.id;
  });
}

/** Changes a draft's details; false when it is no longer a draft. */
export async function changeDetails(db: Db, actor: Actor, caseStudy: CaseStudyRecord, input: DetailsInput): Promise<boolean> {
  return withAudit(db, actor, `Changed case study “${input.title}”`, async (tx) => {
    const rows = await tx
      .update(caseStudies)
      .set({ ...input, updatedAt: sql`now()` })
      .where(isDraft(caseStudy.id))
      .returning({ id: caseStudies.id });
    return rows.length > 0;
  });
}

/** Sets the commitments whose verified delivery the case study shows (of its own contract, checked by the caller). */
export async function chooseCommitments(db: Db, actor: Actor, caseStudy: CaseStudyRecord, commitmentIds: string[]): Promise<boolean> {
  return withAudit(db, actor, `Chose the statistics of case study “${caseStudy.title}”`, async (tx) => {
    if (!(await touchDraft(tx, caseStudy.id))) return false;
    await tx.delete(caseStudyCommitments).where(eq(caseStudyCommitments.caseStudyId, caseStudy.id));
    if (commitmentIds.length) {
      await tx.insert(caseStudyCommitments).values(commitmentIds.map((commitmentId, position) => ({ caseStudyId: caseStudy.id, commitmentId, position })));
    }
    return true;
  });
}

export async function addQuote(db: Db, actor: Actor, caseStudy: CaseStudyRecord, quote: { text: string; attribution: string }): Promise<boolean> {
  return withAudit(db, actor, `Added a quote to case study “${caseStudy.title}”`, async (tx) => {
    if (!(await touchDraft(tx, caseStudy.id))) return false;
    await tx.insert(caseStudyQuotes).values({ ...quote, caseStudyId: caseStudy.id });
    return true;
  });
}

export async function removeQuote(db: Db, actor: Actor, caseStudy: CaseStudyRecord, quoteId: string): Promise<boolean> {
  return withAudit(db, actor, `Removed a quote from case study “${caseStudy.title}”`, async (tx) => {
    if (!(await touchDraft(tx, caseStudy.id))) return false;
    await tx.delete(caseStudyQuotes).where(and(eq(caseStudyQuotes.id, quoteId), eq(caseStudyQuotes.caseStudyId, caseStudy.id)));
    return true;
  });
}
