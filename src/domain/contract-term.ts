/**
 * The last day of a contract of a number of months from its start date ("YYYY-MM-DD"): the day before the same date
 * that many months later, so 1 April 2026 for 12 months ends on 31 March 2027. When the later month is too short for
 * that date (31 January plus one month), the term ends on that month's last day.
 */
export function contractEndDate(startIso: string, months: number): string {
  const [year, month, day] = startIso.split('-').map(Number) as [number, number, number];
  const targetMonth = month - 1 + months;
  const lastDayOfTarget = new Date(Date.UTC(year, targetMonth + 1, 0)).getUTCDate();
  const end = day > lastDayOfTarget ? new Date(Date.UTC(year, targetMonth, lastDayOfTarget)) : new Date(Date.UTC(year, targetMonth, day - 1));
  return end.toISOString().slice(0, 10);
}
