import { and, desc, eq, gte, lte, not, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { requirements, svComplianceTotals, svRequirementCompliance } from '../../db/schema/index.js';

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
export async function policyCompliance(db: DbOrTx, filter: ComplianceFilter = {}, limit = 20): Promise<PolicyCompliance> {
  const range = (quarter: typeof svComplianceTotals.quarter | typeof svRequirementCompliance.quarter) => [
    filter.from ? gte(quarter, filter.from) : undefined,
    filter.to ? lte(quarter, filter.to) : undefined,
  ];
  const [totals] = await db
    .select({
      requirements: sql<number>`coalesce(sum(${svComplianceTotals.requirements}), 0)`.mapWith(Number),
      withCriteria: sql<number>`coalesce(sum(${svComplianceTotals.withCriteria}), 0)`.mapWith(Number),
      weightSum: sql<number>`coalesce(sum(${svComplianceTotals.weightSumBps}), 0)`.mapWith(Number),
    })
    .from(svComplianceTotals)
    .where(and(eq(svComplianceTotals.directorate, filter.directorate ?? '*'), ...range(svComplianceTotals.quarter)));
  const without = await db
    .select({
      requirementId: requirements.id,
      number: requirements.number,
      title: requirements.title,
      directorate: svRequirementCompliance.directorate,
      tenderId: svRequirementCompliance.tenderId,
      reason: svRequirementCompliance.reason,
    })
    .from(svRequirementCompliance)
    .innerJoin(requirements, eq(requirements.id, svRequirementCompliance.requirementId))
    .where(
      and(
        not(svRequirementCompliance.withCriteria),
        filter.directorate ? eq(svRequirementCompliance.directorate, filter.directorate) : undefined,
        ...range(svRequirementCompliance.quarter),
      ),
    )
    .orderBy(desc(svRequirementCompliance.quarter), desc(requirements.number))
    .limit(limit);
  const { requirements: count, withCriteria, weightSum } = totals!;
  return {
    requirements: count,
    withCriteria,
    shareBps: count > 0 ? Math.round((withCriteria * 10000) / count) : null,
    averageWeightBps: withCriteria > 0 ? Math.round(weightSum / withCriteria) : null,
    without,
  };
}
