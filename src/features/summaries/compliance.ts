import { and, eq, gte, lte, not, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { requirements, svComplianceTotals, svRequirementCompliance } from '../../db/schema/index.js';
import { jsonRow, jsonRows, readPart, type SummaryPart } from './parts.js';

export interface ComplianceFilter {
  directorate?: string | null;
  /** quarters the tenders were published in, both included */
  from?: string | null;
  to?: string | null;
}

export interface RequirementWithoutCriteria {
  requirementId: string;
  number: number;
  title: string;
  directorate: string;
  tenderId: string;
  /** the recorded reason for going ahead without social value criteria, null when none was recorded */
  reason: string | null;
}

export interface PolicyCompliance {
  /** in-scope requirements (at or above the policy minimum) whose tender went ahead */
  requirements: number;
  withCriteria: number;
  /** share with social value criteria, in basis points; null when there are none */
  shareBps: number | null;
  /** the average social value weighting of those with criteria, in basis points */
  averageWeightBps: number | null;
  /** the latest of those that went ahead without criteria, with their reason */
  without: RequirementWithoutCriteria[];
}

/** Policy compliance of procurement: how many in-scope requirements went to tender with social value criteria. */
export function compliancePart(filter: ComplianceFilter = {}, limit = 20): SummaryPart<PolicyCompliance> {
  const range = (quarter: typeof svComplianceTotals.quarter | typeof svRequirementCompliance.quarter) => [
    filter.from ? gte(quarter, filter.from) : undefined,
    filter.to ? lte(quarter, filter.to) : undefined,
  ];
  const totals = jsonRow(sql`select coalesce(sum(${svComplianceTotals.requirements}), 0) as requirements,
      coalesce(sum(${svComplianceTotals.withCriteria}), 0) as "withCriteria", coalesce(sum(${svComplianceTotals.weightSumBps}), 0) as "weightSum"
    from ${svComplianceTotals}
    where ${and(eq(svComplianceTotals.directorate, filter.directorate ?? '*'), ...range(svComplianceTotals.quarter))}`);
  const without = jsonRows(
    sql`select ${requirements.id} as "requirementId", ${requirements.number} as number, ${requirements.title} as title,
        ${svRequirementCompliance.directorate} as directorate, ${svRequirementCompliance.tenderId} as "tenderId",
        ${svRequirementCompliance.reason} as reason, ${svRequirementCompliance.quarter} as quarter
      from ${svRequirementCompliance} join ${requirements} on ${requirements.id} = ${svRequirementCompliance.requirementId}
      where ${and(
        not(svRequirementCompliance.withCriteria),
        filter.directorate ? eq(svRequirementCompliance.directorate, filter.directorate) : undefined,
        ...range(svRequirementCompliance.quarter),
      )}
      order by ${svRequirementCompliance.quarter} desc, ${requirements.number} desc
      limit ${sql.raw(String(Math.trunc(limit)))}`,
    sql`t.quarter desc, t.number desc`,
  );
  type Json = {
    totals: { requirements: number; withCriteria: number; weightSum: number };
    without: (RequirementWithoutCriteria & { quarter?: string })[];
  };
  return {
    sql: sql`json_build_object('totals', ${totals}, 'without', ${without})`,
    read: ({ totals: { requirements: count, withCriteria, weightSum }, without: rows }: Json) => ({
      requirements: count,
      withCriteria,
      shareBps: count > 0 ? Math.round((withCriteria * 10000) / count) : null,
      averageWeightBps: withCriteria > 0 ? Math.round(weightSum / withCriteria) : null,
      without: rows.map(({ quarter: _quarter, ...row }) => row),
    }),
  };
}

export const policyCompliance = (db: DbOrTx, filter: ComplianceFilter = {}, limit = 20) => readPart(db, compliancePart(filter, limit));
