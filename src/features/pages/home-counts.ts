import { and, count, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import {
  commitmentVariations,
  contracts,
  deliveryReports,
  jobs,
  remediationActions,
  reportLines,
  requirements,
  tenders,
  tenderSuppliers,
  users,
} from '../../db/schema/index.js';
import { reportingPeriods } from '../../domain/reporting-periods.js';
import { reportsOfContracts, supplierContracts } from '../delivery-reports/repository.js';
import { periodSchedule } from '../delivery-reports/schedule.js';
import { bidsToScore, openForBids, tenderQueueCondition, type TenderQueue } from '../tenders/tender-queues.js';

/** The counts behind each role's home page: each one query on indexed columns (or a handful of a supplier's rows). */

const counted = async (query: Promise<{ n: number }[]>): Promise<number> => Number((await query)[0]?.n ?? 0);

export async function countTenders(db: Db, queue: TenderQueue, userId: string): Promise<number> {
  return counted(db.select({ n: count() }).from(tenders).where(tenderQueueCondition(queue, userId)));
}

/** Submitted bids that the evaluator has still to score, across the tenders waiting for their scores. */
export async function countBidsToScore(db: Db, userId: string): Promise<number> {
  return counted(
    db
      .select({ n: sql<number>`coalesce(sum(${bidsToScore(userId)}), 0)`.mapWith(Number) })
      .from(tenders)
      .where(tenderQueueCondition('scoring', userId)),
  );
}

/** In-scope requirements before tender at one stage: not started (pipeline), or with the assessment under way. */
export async function countRequirementsToAssess(db: Db, stage: 'pipeline' | 'assessment'): Promise<number> {
  return counted(
    db
      .select({ n: count() })
      .from(requirements)
      .where(and(eq(requirements.stage, stage), inArray(requirements.applicability, ['policy', 'statutory']))),
  );
}

export async function countPendingVariations(db: Db): Promise<number> {
  return counted(db.select({ n: count() }).from(commitmentVariations).where(eq(commitmentVariations.status, 'pending')));
}

/** Reports of the contracts `managerId` manages in one status: submitted (to verify) or queried (waiting for the supplier). */
export async function countManagedReports(db: Db, managerId: string, status: 'submitted' | 'queried'): Promise<number> {
  return counted(
    db
      .select({ n: count() })
      .from(deliveryReports)
      .innerJoin(contracts, eq(contracts.id, deliveryReports.contractId))
      .where(and(eq(deliveryReports.status, status), eq(contracts.contractManagerId, managerId))),
  );
}

/** Open remediation actions due by today on the contracts `managerId` manages. */
export async function countRemediationDue(db: Db, managerId: string): Promise<number> {
  return counted(
    db
      .select({ n: count() })
      .from(remediationActions)
      .innerJoin(contracts, eq(contracts.id, remediationActions.contractId))
      .where(and(eq(remediationActions.status, 'open'), sql`${remediationActions.dueDate} <= current_date`, eq(contracts.contractManagerId, managerId))),
  );
}

/** People invited who have not yet set a password or signed in with the council's sign-in. */
export async function countInvitedUsers(db: Db): Promise<number> {
  return counted(
    db
      .select({ n: count() })
      .from(users)
      .where(and(eq(users.active, true), isNull(users.passwordHash), isNull(users.oidcSubject))),
  );
}

export async function countFailingJobs(db: Db): Promise<number> {
  return counted(
    db
      .select({ n: count() })
      .from(jobs)
      .where(sql`${jobs.lastError} is not null`),
  );
}

export async function countContracts(db: Db): Promise<number> {
  return counted(db.select({ n: count() }).from(contracts));
}

/** Tenders open for bids that the supplier's organisation is invited to. */
export async function countOpenTendersFor(db: Db, organisationId: string): Promise<number> {
  return counted(
    db
      .select({ n: count() })
      .from(tenders)
      .innerJoin(tenderSuppliers, and(eq(tenderSuppliers.tenderId, tenders.id), eq(tenderSuppliers.organisationId, organisationId)))
      .where(openForBids),
  );
}

/** Queried report lines of the supplier's contracts: questions from the council for it to answer. */
export async function countQueriesToAnswer(db: Db, organisationId: string): Promise<number> {
  return counted(
    db
      .select({ n: count() })
      .from(reportLines)
      .innerJoin(deliveryReports, eq(deliveryReports.id, reportLines.reportId))
      .innerJoin(contracts, eq(contracts.id, deliveryReports.contractId))
      .where(and(eq(contracts.supplierId, organisationId), eq(reportLines.status, 'queried'))),
  );
}

/** Reports the supplier owes today: for ended periods with no report or only a draft, due or already overdue. */
export async function countReportsOwed(db: Db, organisationId: string, today: string): Promise<{ due: number; overdue: number }> {
  const owned = await supplierContracts(db, organisationId);
  const reports = await reportsOfContracts(
    db,
    owned.map((c) => c.id),
  );
  const waiting = owned.flatMap((c) =>
    periodSchedule(
      reportingPeriods(c.startDate, c.endDate, c.reportingFrequency),
      reports.filter((r) => r.contractId === c.id),
      today,
    ).filter((p) => p.waiting),
  );
  const overdue = waiting.filter((p) => p.dueDate < today).length;
  return { due: waiting.length - overdue, overdue };
}
