import { and, eq, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.js';
import { deliveryReports, needPledges, reportLines } from '../../db/schema/index.js';
import { withAudit, type Actor } from '../../platform/audit.js';
import type { LineInput } from './line-form.js';

/** What became of a change to a draft: saved, refused because someone changed the report since the form was opened, or because it was submitted. */
export type DraftChange<T = undefined> = { outcome: 'saved'; value: T } | { outcome: 'changed' } | { outcome: 'submitted' };

/** Not a line made from a met pledge: those belong to the pledge, and the supplier's forms never change them. */
const notFromPledge = sql`not exists (select 1 from ${needPledges} where ${needPledges.reportLineId} = ${reportLines.id})`;

class NotSaved extends Error {
  constructor(readonly outcome: 'changed' | 'submitted') {
    super(outcome);
  }
}

/**
 * Runs `work` on a draft report only if it is still a draft at the revision the form was opened at, and moves the
 * report to its next revision in the same transaction: of two people saving forms opened at the same revision, the
 * second is refused and nothing of theirs is written.
 */
export async function changeDraft<T>(
  db: Db,
  actor: Actor,
  action: string,
  reportId: string,
  revision: number,
  work: (tx: Tx) => Promise<T>,
): Promise<DraftChange<T>> {
  try {
    const value = await withAudit(db, actor, action, async (tx) => {
      const bumped = await tx
        .update(deliveryReports)
        .set({ revision: sql`${deliveryReports.revision} + 1`, updatedAt: sql`now()` })
        .where(and(eq(deliveryReports.id, reportId), eq(deliveryReports.revision, revision), eq(deliveryReports.status, 'draft')))
        .returning({ id: deliveryReports.id });
      if (bumped.length === 0) {
        const [report] = await tx.select({ status: deliveryReports.status }).from(deliveryReports).where(eq(deliveryReports.id, reportId));
        throw new NotSaved(report?.status === 'draft' ? 'changed' : 'submitted');
      }
      return work(tx);
    });
    return { outcome: 'saved', value };
  } catch (error) {
    if (error instanceof NotSaved) return { outcome: error.outcome };
    throw error;
  }
}

/** Saves what was delivered against a commitment: its line is added the first time, changed after. */
export async function saveCommitmentLine(tx: Tx, reportId: string, commitment: { id: string; measureId: string }, input: LineInput): Promise<string> {
  const values = { quantityHundredths: input.quantityHundredths, narrative: input.narrative, districts: input.districts };
  const [updated] = await tx
    .update(reportLines)
    .set(values)
    .where(and(eq(reportLines.reportId, reportId), eq(reportLines.commitmentId, commitment.id), notFromPledge))
    .returning({ id: reportLines.id });
  if (updated) return updated.id;
  const [inserted] = await tx
    .insert(reportLines)
    .values({ reportId, commitmentId: commitment.id, measureId: commitment.measureId, ...values })
    .returning({ id: reportLines.id });
  return inserted!.id;
}

/** Adds or changes a line of additional social value (a line with no commitment). */
export async function saveAdditionalLine(tx: Tx, reportId: string, lineId: string | null, input: LineInput & { measureId: string }): Promise<string> {
  const values = { measureId: input.measureId, quantityHundredths: input.quantityHundredths, narrative: input.narrative, districts: input.districts };
  if (lineId) {
    await tx
      .update(reportLines)
      .set(values)
      .where(and(eq(reportLines.id, lineId), eq(reportLines.reportId, reportId), notFromPledge));
    return lineId;
  }
  const [inserted] = await tx
    .insert(reportLines)
    .values({ reportId, commitmentId: null, ...values })
    .returning({ id: reportLines.id });
  return inserted!.id;
}

/** Removes a line of additional social value; its evidence goes with it. */
export async function removeAdditionalLine(tx: Tx, reportId: string, lineId: string): Promise<void> {
  await tx
    .delete(reportLines)
    .where(and(eq(reportLines.id, lineId), eq(reportLines.reportId, reportId), sql`${reportLines.commitmentId} is null`, notFromPledge));
}
