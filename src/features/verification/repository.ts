import { and, asc, count, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../../db/client.js';
import {
  communityNeeds,
  contractCommitments,
  contracts,
  deliveryReports,
  lineMessages,
  measures,
  needPledges,
  organisations,
  reportLines,
  users,
} from '../../db/schema/index.js';
import type { Page } from '../../domain/pagination.js';

export { loadEvidence, loadReport, type ReportRecord } from '../delivery-reports/repository.js';

const decider = alias(users, 'decider');
const commitmentMeasure = alias(measures, 'commitment_measure');
const pledgeOrganisation = alias(organisations, 'pledge_organisation');

/** A report's lines (commitment lines first, in commitment order), with their measure and their commitment's profile. */
export async function loadLines(db: DbOrTx, reportId: string, lineId?: string) {
  return db
    .select({
      id: reportLines.id,
      commitmentId: reportLines.commitmentId,
      code: measures.code,
      title: measures.title,
      unit: measures.unit,
      commitmentCode: commitmentMeasure.code,
      commitmentTitle: commitmentMeasure.title,
      profile: contractCommitments.profile,
      quantityHundredths: reportLines.quantityHundredths,
      narrative: reportLines.narrative,
      districts: reportLines.districts,
      status: reportLines.status,
      decidedByName: decider.name,
      decidedAt: reportLines.decidedAt,
      pledgeTo: pledgeOrganisation.name,
    })
    .from(reportLines)
    .innerJoin(measures, eq(measures.id, reportLines.measureId))
    .leftJoin(contractCommitments, eq(contractCommitments.id, reportLines.commitmentId))
    .leftJoin(commitmentMeasure, eq(commitmentMeasure.id, contractCommitments.measureId))
    .leftJoin(decider, eq(decider.id, reportLines.decidedBy))
    .leftJoin(needPledges, eq(needPledges.reportLineId, reportLines.id))
    .leftJoin(communityNeeds, eq(communityNeeds.id, needPledges.needId))
    .leftJoin(pledgeOrganisation, eq(pledgeOrganisation.id, communityNeeds.organisationId))
    .where(and(eq(reportLines.reportId, reportId), lineId ? eq(reportLines.id, lineId) : undefined))
    .orderBy(sql`${reportLines.commitmentId} is null`, asc(contractCommitments.createdAt), asc(measures.code), asc(reportLines.id));
}

export type LineRecord = Awaited<ReturnType<typeof loadLines>>[number];

/** The threads of these lines, oldest message first, each with its author's name and organisation. */
export async function loadMessages(db: DbOrTx, lineIds: string[]) {
  if (lineIds.length === 0) return [];
  return db
    .select({
      id: lineMessages.id,
      lineId: lineMessages.lineId,
      body: lineMessages.body,
      createdAt: lineMessages.createdAt,
      authorName: users.name,
      organisationName: organisations.name,
    })
    .from(lineMessages)
    .innerJoin(users, eq(users.id, lineMessages.authorId))
    .innerJoin(organisations, eq(organisations.id, users.organisationId))
    .where(inArray(lineMessages.lineId, lineIds))
    .orderBy(asc(lineMessages.createdAt), asc(lineMessages.id));
}

function queueConditions(managerId: string | null): SQL | undefined {
  return and(inArray(deliveryReports.status, ['submitted', 'queried']), managerId ? eq(contracts.contractManagerId, managerId) : undefined);
}

/**
 * Reports waiting for the council (submitted) or for the supplier (queried): the contracts `me` manages first,
 * then those waiting for a decision, oldest submission first. `mineOnly` keeps only the contracts `me` manages.
 */
export async function listQueue(db: DbOrTx, me: string, mineOnly: boolean, page: Page) {
  const where = queueConditions(mineOnly ? me : null);
  const [rows, [total]] = await Promise.all([
    db
      .select({
        id: deliveryReports.id,
        status: deliveryReports.status,
        periodStart: deliveryReports.periodStart,
        periodEnd: deliveryReports.periodEnd,
        submittedAt: deliveryReports.submittedAt,
        contractId: contracts.id,
        reference: contracts.reference,
        title: contracts.title,
        startDate: contracts.startDate,
        endDate: contracts.endDate,
        reportingFrequency: contracts.reportingFrequency,
        mine: sql<boolean>`coalesce(${contracts.contractManagerId} = ${me}, false)`,
        supplierName: organisations.name,
        // counted for the rows of this page only, through the lines' report index
        pendingLines: sql<number>`(select count(*)::int from ${reportLines} where ${reportLines.reportId} = ${deliveryReports.id} and ${reportLines.status} = 'pending')`,
      })
      .from(deliveryReports)
      .innerJoin(contracts, eq(contracts.id, deliveryReports.contractId))
      .innerJoin(organisations, eq(organisations.id, contracts.supplierId))
      .where(where)
      .orderBy(
        desc(sql`coalesce(${contracts.contractManagerId} = ${me}, false)`),
        sql`${deliveryReports.status} = 'queried'`,
        asc(deliveryReports.submittedAt),
        asc(deliveryReports.id),
      )
      .limit(page.size)
      .offset(page.offset),
    db.select({ n: count() }).from(deliveryReports).innerJoin(contracts, eq(contracts.id, deliveryReports.contractId)).where(where),
  ]);
  return { rows, total: total?.n ?? 0 };
}
