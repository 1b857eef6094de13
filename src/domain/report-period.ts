import { periodLabel as datesLabel } from './delivery-profile.js';
import { reportingPeriods, type ReportingFrequency } from './reporting-periods.js';

/** A report's period as its contract names it ("July to September 2026"), or its dates when it is not one of them. */
export function reportPeriodLabel(
  contract: { startDate: string; endDate: string; reportingFrequency: ReportingFrequency },
  report: { periodStart: string; periodEnd: string },
): string {
  const period = reportingPeriods(contract.startDate, contract.endDate, contract.reportingFrequency).find((p) => p.periodStart === report.periodStart);
  return period?.label ?? datesLabel(report.periodStart, report.periodEnd);
}
