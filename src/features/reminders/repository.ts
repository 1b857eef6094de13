import { and, asc, count, eq, gte, inArray, lt, ne, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { contracts, deliveryReports, reportLines, users } from '../../db/schema/index.js';
import { earliestRemindedPeriodEnd } from './reminder-rules.js';

/**
 * Contracts that may have a period calling for a reminder on `today`: started, and not ended so long ago that their
 * last report is past the overdue reminder. (Every contract's periods are due, as the supplier's home page shows.)
 */
function remindableContracts(today: string) {
  return and(lt(contracts.startDate, today), gte(contracts.endDate, earliestRemindedPeriodEnd(today)));
}

export async function loadRemindableContracts(db: Db, today: string) {
  return db
    .select({
      id: contracts.id,
      reference: contracts.reference,
      title: contracts.title,
      supplierId: contracts.supplierId,
      startDate: contracts.startDate,
      endDate: contracts.endDate,
      reportingFrequency: contracts.reportingFrequency,
    })
    .from(contracts)
    .where(remindableContracts(today))
    .orderBy(asc(contracts.reference));
}

/** "contractId periodStart" of every report handed in (any status but draft) for a period that may need a reminder. */
export async function loadHandedIn(db: Db, today: string): Promise<Set<string>> {
  const rows = await db
    .select({ contractId: deliveryReports.contractId, periodStart: deliveryReports.periodStart })
    .from(deliveryReports)
    .where(
      and(
        ne(deliveryReports.status, 'draft'),
        gte(deliveryReports.periodEnd, earliestRemindedPeriodEnd(today)),
        inArray(deliveryReports.contractId, db.select({ id: contracts.id }).from(contracts).where(remindableContracts(today))),
      ),
    );
  return new Set(rows.map((r) => `${r.contractId} ${r.periodStart}`));
}

export interface Recipient {
  id: string;
  email: string;
  name: string;
}

/** The active users with the supplier role of each supplier organisation that holds a remindable contract. */
export async function loadSupplierUsers(db: Db, today: string): Promise<Map<string, Recipient[]>> {
  const rows = await db
    .select({ id: users.id, email: users.email, name: users.name, organisationId: users.organisationId })
    .from(users)
    .where(
      and(
        eq(users.active, true),
        sql`'supplier' = any(${users.roles})`,
        inArray(users.organisationId, db.select({ id: contracts.supplierId }).from(contracts).where(remindableContracts(today))),
      ),
    )
    .orderBy(asc(users.email));
  const byOrganisation = new Map<string, Recipient[]>();
  for (const { organisationId, ...user } of rows) byOrganisation.set(organisationId, [...(byOrganisation.get(organisationId) ?? []), user]);
  return byOrganisation;
}

/**
 * What waits for verification, one row per report: lines still pending in reports that are submitted, or queried
 * (where a pending line is one the supplier has answered), on contracts whose manager is an active user.
 */
export async function loadWaitingForVerification(db: Db) {
  return db
    .select({
      managerId: users.id,
      managerEmail: users.email,
      managerName: users.name,
      contractId: contracts.id,
      reference: contracts.reference,
      title: contracts.title,
      startDate: contracts.startDate,
      endDate: contracts.endDate,
      reportingFrequency: contracts.reportingFrequency,
      reportId: deliveryReports.id,
      periodStart: deliveryReports.periodStart,
      periodEnd: deliveryReports.periodEnd,
      linesWaiting: count(reportLines.id),
    })
    .from(reportLines)
    .innerJoin(deliveryReports, eq(deliveryReports.id, reportLines.reportId))
    .innerJoin(contracts, eq(contracts.id, deliveryReports.contractId))
    .innerJoin(users, eq(users.id, contracts.contractManagerId))
    .where(and(eq(reportLines.status, 'pending'), inArray(deliveryReports.status, ['submitted', 'queried']), eq(users.active, true)))
    .groupBy(users.id, contracts.id, deliveryReports.id)
    .orderBy(asc(users.id), asc(contracts.reference), asc(deliveryReports.periodStart));
}
