/**
 * A tender's closing time is typed as a date and a time of day in the UK (Europe/London, with British Summer Time)
 * and kept as an instant. These helpers turn one into the other.
 */

const LONDON_PARTS = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** The date ("2026-06-30") and minutes after midnight that a UK clock shows at an instant. */
export function londonWallClock(instant: Date): { iso: string; minutes: number } {
  const part = (type: string) => LONDON_PARTS.formatToParts(instant).find((p) => p.type === type)?.value ?? '0';
  return { iso: `${part('year')}-${part('month')}-${part('day')}`, minutes: Number(part('hour')) * 60 + Number(part('minute')) };
}

/** How many minutes the UK clock is ahead of UTC at an instant: 0 in winter, 60 in summer. */
function londonOffsetMinutes(instant: number): number {
  const { iso, minutes } = londonWallClock(new Date(instant));
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const shown = Date.UTC(y, m - 1, d, 0, minutes);
  return Math.round((shown - Math.floor(instant / 60_000) * 60_000) / 60_000);
}

/**
 * The instant when UK clocks show a date ("2026-06-30") and time (minutes after midnight). A time that clocks skip
 * when summer time starts is read as the hour after; a time shown twice when it ends is read as the second one.
 */
export function londonInstant(iso: string, minutes: number): Date {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const asUtc = Date.UTC(y, m - 1, d, 0, minutes);
  const first = londonOffsetMinutes(asUtc);
  const second = londonOffsetMinutes(asUtc - first * 60_000);
  return new Date(asUtc - second * 60_000);
}

/**
 * A time of day as people type it: "17:00", "17.30", "5pm", "5:30 pm", "9am", "midday", "noon", "midnight".
 * Returns minutes after midnight, or null when it is not a time of day.
 */
export function parseTimeOfDay(input: string): number | null {
  const text = input.trim().toLowerCase().replace(/\s+/g, '');
  if (text === 'midday' || text === 'noon' || text === '12noon') return 12 * 60;
  if (text === 'midnight' || text === '12midnight') return 0;
  const twelve = /^(\d{1,2})(?:[:.](\d{2}))?(am|pm)$/.exec(text);
  if (twelve) {
    const hour = Number(twelve[1]);
    const minute = Number(twelve[2] ?? '0');
    if (hour < 1 || hour > 12 || minute > 59) return null;
    return ((hour % 12) + (twelve[3] === 'pm' ? 12 : 0)) * 60 + minute;
  }
  const twentyFour = /^(\d{1,2})[:.](\d{2})$/.exec(text);
  if (twentyFour) {
    const hour = Number(twentyFour[1]);
    const minute = Number(twentyFour[2]);
    if (hour > 23 || minute > 59) return null;
    return hour * 60 + minute;
  }
  return null;
}

/** Minutes after midnight as the service writes a time: "5pm", "5:30pm", "midday", "midnight". */
export function timeOfDayText(minutes: number): string {
  if (minutes === 0) return 'midnight';
  if (minutes === 12 * 60) return 'midday';
  const hour = Math.floor(minutes / 60);
  const minute = minutes % 60;
  const clock = hour % 12 === 0 ? 12 : hour % 12;
  return `${clock}${minute ? `:${String(minute).padStart(2, '0')}` : ''}${hour < 12 ? 'am' : 'pm'}`;
}
