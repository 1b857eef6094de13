import { and, asc, eq, gte, isNull, lte, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { communityNeeds, contracts, deliveryReports, needPledges, organisations, reportLines } from '../../db/schema/index.js';
import { formatDate } from '../../domain/dates.js';
import { reportingPeriods } from '../../domain/reporting-periods.js';

/**
 * How a met pledge reaches the figures, once and only once: it becomes one line of ONE delivery report of its contract
 * (`need_pledges.report_line_id`, unique), pending until the contract manager verifies it like any other line.
 *
 * The report is the contract's next one: the earliest draft whose period ends on or after the day the pledge was met.
 * A report started later takes the met pledges that no report carries yet and were met by the end of its period.
 * A pledge met after the contract ended counts as met on its last day, so the last period's report takes it.
 * Each pledge row is locked (FOR UPDATE) and claimed only while it has no line, so two transactions never both add it;
 * confirming a pledge and starting a report both lock the contract's row first, so neither misses the other.
 * A pledge confirmed when every report that could take it has been handed in is marked too late (`too_late_at`).
 */

/** The day a met pledge counts as met: the day it was met, or the contract's last day if that came first. */
const countedOn = sql`least(${needPledges.metOn}, ${contracts.endDate})`;

export interface PledgeContract {
  id: string;
  startDate: string;
  endDate: string;
  reportingFrequency: (typeof contracts.$inferSelect)['reportingFrequency'];
}

/** Locks the contract's row until the transaction ends (not its key: reports and lines may still point at it). */
export async function lockPledgeContract(tx: Tx, contractId: string): Promise<PledgeContract> {
  const [contract] = await tx
    .select({ id: contracts.id, startDate: contracts.startDate, endDate: contracts.endDate, reportingFrequency: contracts.reportingFrequency })
    .from(contracts)
    .where(eq(contracts.id, contractId))
    .for('no key update');
  return contract!;
}

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

/**
 * Adds to a report just started the contract's met pledges that no report carries yet, counted as met by the end of its
 * period.
 */
export async function addMetPledgesToReport(tx: Tx, report: { id: string; contractId: string; periodEnd: string }): Promise<number> {
  await lockPledgeContract(tx, report.contractId);
  const waiting = await tx
    .select({ id: needPledges.id })
    .from(needPledges)
    .innerJoin(contracts, eq(contracts.id, needPledges.contractId))
    .where(
      and(eq(needPledges.contractId, report.contractId), eq(needPledges.status, 'met'), isNull(needPledges.reportLineId), lte(countedOn, report.periodEnd)),
    )
    .orderBy(asc(needPledges.metOn), asc(needPledges.id));
  return addPledgeLines(
    tx,
    report.id,
    waiting.map((p) => p.id),
  );
}

/** Where a pledge just confirmed went: into a draft report, waiting for a report to be started, or too late for any. */
export type PledgeLanding = { kind: 'in-draft'; periodLabel: string } | { kind: 'waiting'; countedOn: string } | { kind: 'too-late' };

/**
 * Puts a pledge just confirmed into its contract's report (the contract locked by `lockPledgeContract`): the earliest
 * draft whose period ends on or after the day it counts as met, which moves to its next revision so that a supplier's
 * form opened before is refused rather than submitting a report they have not seen with the new line. Without such a
 * draft it waits for the report started next, if a period that could take it has no report yet; if every one has been
 * handed in, it is marked too late.
 */
export async function reportConfirmedPledge(tx: Tx, contract: PledgeContract, pledge: { id: string; metOn: string }): Promise<PledgeLanding> {
  const day = pledge.metOn < contract.endDate ? pledge.metOn : contract.endDate;
  const periods = reportingPeriods(contract.startDate, contract.endDate, contract.reportingFrequency);
  // locked, and checked again once locked: a draft submitted meanwhile is passed over for the next one
  const [draft] = await tx
    .select({ id: deliveryReports.id, periodStart: deliveryReports.periodStart })
    .from(deliveryReports)
    .where(and(eq(deliveryReports.contractId, contract.id), eq(deliveryReports.status, 'draft'), gte(deliveryReports.periodEnd, day)))
    .orderBy(asc(deliveryReports.periodStart))
    .limit(1)
    .for('update');
  if (draft) {
    await tx
      .update(deliveryReports)
      .set({ revision: sql`${deliveryReports.revision} + 1`, updatedAt: sql`now()` })
      .where(eq(deliveryReports.id, draft.id));
    await addPledgeLines(tx, draft.id, [pledge.id]);
    return { kind: 'in-draft', periodLabel: periods.find((p) => p.periodStart === draft.periodStart)?.label ?? formatDate(draft.periodStart) };
  }
  const started = new Set(
    (await tx.select({ periodStart: deliveryReports.periodStart }).from(deliveryReports).where(eq(deliveryReports.contractId, contract.id))).map(
      (r) => r.periodStart,
    ),
  );
  const open = periods.some((p) => p.periodEnd >= day && !started.has(p.periodStart));
  if (open) return { kind: 'waiting', countedOn: day };
  await tx
    .update(needPledges)
    .set({ tooLateAt: sql`now()` })
    .where(eq(needPledges.id, pledge.id));
  return { kind: 'too-late' };
}
