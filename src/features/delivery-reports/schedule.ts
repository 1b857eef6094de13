import type { reportStatuses } from '../../db/schema/index.js';
import type { ReportingPeriod } from '../../domain/reporting-periods.js';

type ReportStatus = (typeof reportStatuses)[number];

/** Where a reporting period stands: no report yet (not due yet, due, overdue), or its report's status. */
export type PeriodState = 'not_due' | 'due' | 'overdue' | ReportStatus;

export const periodStateLabels: Record<PeriodState, string> = {
  not_due: 'Not due yet',
  due: 'Due',
  overdue: 'Overdue',
  draft: 'Draft',
  submitted: 'Submitted',
  queried: 'Queried',
  verified: 'Verified',
  rejected: 'Rejected',
};

export const periodStateTags: Record<PeriodState, string> = {
  not_due: 'govuk-tag--grey',
  due: 'govuk-tag--yellow',
  overdue: 'govuk-tag--red',
  draft: 'govuk-tag--light-blue',
  submitted: 'govuk-tag--blue',
  queried: 'govuk-tag--orange',
  verified: 'govuk-tag--green',
  rejected: 'govuk-tag--red',
};

export interface ScheduledPeriod extends ReportingPeriod {
  reportId: string | null;
  state: PeriodState;
  stateLabel: string;
  tagClass: string;
  /** the period has ended and has no report: the supplier may start one */
  canStart: boolean;
  /** still waiting for the supplier: no report or a draft, once the period has ended */
  waiting: boolean;
}

/** Every period of a contract with its report, if any, and where it stands today. */
export function periodSchedule(
  periods: readonly ReportingPeriod[],
  reports: readonly { id: string; periodStart: string; status: ReportStatus }[],
  today: string,
): ScheduledPeriod[] {
  const byStart = new Map(reports.map((r) => [r.periodStart, r]));
  return periods.map((period) => {
    const report = byStart.get(period.periodStart);
    const ended = period.periodEnd < today;
    const state: PeriodState = report ? report.status : !ended ? 'not_due' : period.dueDate < today ? 'overdue' : 'due';
    return {
      ...period,
      reportId: report?.id ?? null,
      state,
      stateLabel: periodStateLabels[state],
      tagClass: periodStateTags[state],
      canStart: !report && ended,
      waiting: ended && (!report || report.status === 'draft'),
    };
  });
}
