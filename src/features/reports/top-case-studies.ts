import type { DbOrTx } from '../../db/client.js';
import { liveFigures, type LiveFigures } from '../case-studies/live-figures.js';
import { contractsWithPublicCaseStudies, latestPublicCaseStudies } from '../case-studies/public-repository.js';
import { contractsMostDelivered } from '../summaries/read.js';
import type { ReportPeriod } from './report-periods.js';

/** How many case studies a report shows at most. */
export const TOP_CASE_STUDIES = 3;

export interface ReportCaseStudy {
  id: string;
  title: string;
  summary: string;
  publishedAt: Date | null;
  contractReference: string;
  contractTitle: string;
  supplierName: string;
  /** what the case study's contract had verified against its commitments in the report's period */
  verifiedInPeriodPence: number;
  /** the case study's own statistics, as its public page shows them today */
  live: LiveFigures;
}

/**
 * The case studies a report shows ("top" case studies): only public ones (published, of a contract the council has
 * published, so the link to their page works for any reader of the report), of the contracts whose delivery verified
 * against commitments in the report's period was greatest (the same measure as the report's "contracts that delivered
 * most"); one per contract, its most recently published; at most three, the contract that delivered most first.
 * A contract with no delivery verified in the period has no case study in the report, however new.
 */
export async function topCaseStudies(db: DbOrTx, period: ReportPeriod): Promise<ReportCaseStudy[]> {
  const contracts = await contractsMostDelivered(db, {
    from: period.from,
    to: period.to,
    limit: TOP_CASE_STUDIES,
    among: contractsWithPublicCaseStudies(db),
  });
  const latest = await latestPublicCaseStudies(
    db,
    contracts.map((c) => c.contractId),
  );
  const chosen = contracts.flatMap((contract) => {
    const caseStudy = latest.get(contract.contractId);
    return caseStudy ? [{ caseStudy, verifiedInPeriodPence: contract.verifiedPence }] : [];
  });
  return Promise.all(
    chosen.map(async ({ caseStudy, verifiedInPeriodPence }) => ({
      id: caseStudy.id,
      title: caseStudy.title,
      summary: caseStudy.summary,
      publishedAt: caseStudy.publishedAt,
      contractReference: caseStudy.contractReference,
      contractTitle: caseStudy.contractTitle,
      supplierName: caseStudy.supplierName,
      verifiedInPeriodPence,
      live: await liveFigures(db, caseStudy.id),
    })),
  );
}
