/** The ISO 8601 week of a date, "2026-W48": weeks start on Monday, and week 1 is the week with the year's first Thursday. */
export function isoWeek(date: string): string {
  const day = new Date(`${date}T00:00:00Z`);
  const mondayBased = (day.getUTCDay() + 6) % 7;
  const thursday = new Date(day.getTime() + (3 - mondayBased) * 86_400_000);
  const year = thursday.getUTCFullYear();
  const week = 1 + Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / (7 * 86_400_000));
  return `${year}-W${String(week).padStart(2, '0')}`;
}
