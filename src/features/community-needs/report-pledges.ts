import { and, asc, eq, gte, isNull, lte, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { communityNeeds, deliveryReports, needPledges, organisations, reportLines } from '../../db/schema/index.js';

/**
 * How a met pledge reaches the figures, once and only once: it becomes one line of ONE delivery report of its contract
 * (`need_pledges.report_line_id`, unique), pending until the contract manager verifies it like any other line.
 *
 * The report is the contract's next one: the earliest draft whose period ends on or after the day the pledge was met.
 * A report started later takes the met pledges that no report carries yet and were met by the end of its period.
 * Each pledge row is locked (FOR UPDATE) and claimed only while it has no line, so two transactions never both add it.
 */

/** The line a pledge becomes: its confirmed quantity, where the need is, and what was delivered in the organisation's words. */
async function addPledgeLines(tx: Tx, reportId: string, pledgeIds: readonly string[]): Promise<number> {
  let added = 0;
  for (const pledgeId of pledgeIds) {
    const [pledge] = await tx
      .select({
        id: needPledges.id,
        commitmentId: needPledges.commitmentId,
        measureId: needPledges.measureId,
        quantity: needPledges.metQuantityHundredths,
        delivered: needPledges.metDescription,
        district: communityNeeds.district,
        needTitle: communityNeeds.title,
        organisationName: organisations.name,
      })
      .from(needPledges)
      .innerJoin(communityNeeds, eq(communityNeeds.id, needPledges.needId))
      .innerJoin(organisations, eq(organisations.id, communityNeeds.organisationId))
      .where(and(eq(needPledges.id, pledgeId), eq(needPledges.status, 'met'), isNull(needPledges.reportLineId)))
      .for('update', { of: needPledges });
    if (!pledge || pledge.quantity === null) continue;
    const [line] = await tx
      .insert(reportLines)
      .values({
        reportId,
        commitmentId: pledge.commitmentId,
        measureId: pledge.measureId,
        quantityHundredths: pledge.quantity,
        narrative: `Pledge on the community needs board to ${pledge.organisationName} (“${pledge.needTitle}”), confirmed met by them: ${pledge.delivered ?? ''}`,
        districts: [pledge.district],
      })
      .returning({ id: reportLines.id });
    await tx.update(needPledges).set({ reportLineId: line!.id }).where(eq(needPledges.id, pledge.id));
    added++;
  }
  return added;
}

/** Adds to a report just started the contract's met pledges that no report carries yet, met by the end of its period. */
export async function addMetPledgesToReport(tx: Tx, report: { id: string; contractId: string; periodEnd: string }): Promise<number> {
  const waiting = await tx
    .select({ id: needPledges.id })
    .from(needPledges)
    .where(
      and(
        eq(needPledges.contractId, report.contractId),
        eq(needPledges.status, 'met'),
        isNull(needPledges.reportLineId),
        lte(needPledges.metOn, report.periodEnd),
      ),
    )
    .orderBy(asc(needPledges.metOn), asc(needPledges.id));
  return addPledgeLines(
    tx,
    report.id,
    waiting.map((p) => p.id),
  );
}

/**
 * Adds a pledge just confirmed to its contract's next draft report, if one exists (else the report started next takes
 * it). The report moves to its next revision, so a supplier's form opened before is refused rather than submitting a
 * report they have not seen with the new line.
 */
export async function addPledgeToDraftReport(tx: Tx, pledge: { id: string; contractId: string; metOn: string }): Promise<boolean> {
  const [draft] = await tx
    .update(deliveryReports)
    .set({ revision: sql`${deliveryReports.revision} + 1`, updatedAt: sql`now()` })
    .where(
      and(
        // checked again on the row once locked: a report submitted meanwhile is left alone
        eq(deliveryReports.status, 'draft'),
        eq(
          deliveryReports.id,
          sql`(select ${deliveryReports.id} from ${deliveryReports}
                where ${and(eq(deliveryReports.contractId, pledge.contractId), eq(deliveryReports.status, 'draft'), gte(deliveryReports.periodEnd, pledge.metOn))}
                order by ${deliveryReports.periodStart} limit 1)`,
        ),
      ),
    )
    .returning({ id: deliveryReports.id });
  if (!draft) return false;
  return (await addPledgeLines(tx, draft.id, [pledge.id])) > 0;
}
