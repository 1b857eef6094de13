import { addDays, DAYS_TO_REPORT, type ReportingPeriod } from '../../domain/reporting-periods.js';

/** A supplier is reminded in the week before a report is due (from 7 days before up to the due date). */
export const DUE_REMINDER_DAYS = 7;
/**
 * The overdue reminder goes once, in the 30 days after the due date. Older gaps are not chased by email: a contract
 * imported with years of unreported periods would otherwise send a flood on the first day.
 */
export const OVERDUE_REMINDER_DAYS = 30;

export type ReminderKind = 'report-due' | 'report-overdue';

/** The reminder a period's report calls for on `today` ('YYYY-MM-DD', UK), if it has not been handed in. */
export function reminderFor(period: ReportingPeriod, today: string): ReminderKind | null {
  if (today <= period.periodEnd) return null;
  if (today > period.dueDate) return today <= addDays(period.dueDate, OVERDUE_REMINDER_DAYS) ? 'report-overdue' : null;
  return today >= addDays(period.dueDate, -DUE_REMINDER_DAYS) ? 'report-due' : null;
}

/** Periods that ended before this date can no longer call for a reminder on `today`. */
export function earliestRemindedPeriodEnd(today: string): string {
  return addDays(today, -(DAYS_TO_REPORT + OVERDUE_REMINDER_DAYS));
}
