/**
 * When a background job runs: every day, or every week on one day, at a wall-clock time in a time zone.
 * "Monday 07:00 Europe/London" is 07:00 GMT in winter and 07:00 BST (06:00 UTC) in summer.
 */
export const weekdays = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const;
export type Weekday = (typeof weekdays)[number];

export interface Schedule {
  /** wall-clock time, "HH:MM" (24-hour) */
  at: string;
  /** weekly on this day; every day when absent */
  day?: Weekday;
  /** an IANA time zone such as "Europe/London" */
  timeZone: string;
}

const UK = 'Europe/London';

export const daily = (at: string, timeZone = UK): Schedule => ({ at, timeZone });
export const weekly = (day: Weekday, at: string, timeZone = UK): Schedule => ({ day, at, timeZone });

const DAY_MS = 86_400_000;
const partsFormats = new Map<string, Intl.DateTimeFormat>();

/** The wall-clock reading in `timeZone` at `instant`, as milliseconds of a UTC date with the same reading. */
function wallClock(instant: number, timeZone: string): number {
  let format = partsFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    partsFormats.set(timeZone, format);
  }
  const part = Object.fromEntries(format.formatToParts(new Date(instant)).map((p) => [p.type, Number(p.value)]));
  return Date.UTC(part.year!, part.month! - 1, part.day!, part.hour!, part.minute!, part.second!);
}

/** The instant at which clocks in `timeZone` read `wall` (a time that clocks skip resolves to just after the change). */
function instantOf(wall: number, timeZone: string): number {
  const guess = wall - (wallClock(wall, timeZone) - wall);
  // On the day the clocks change the offset at the guess may differ from the offset at the answer: correct once.
  return wall - (wallClock(guess, timeZone) - guess);
}

function assertTime(at: string): [number, number] {
  const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(at);
  if (!match) throw new Error(`A schedule's time must be HH:MM, like 07:00 (got "${at}")`);
  return [Number(match[1]), Number(match[2])];
}

/** The first time the schedule comes round strictly after `after`. */
export function nextRun(schedule: Schedule, after: Date): Date {
  const [hour, minute] = assertTime(schedule.at);
  const local = wallClock(after.getTime(), schedule.timeZone);
  const localMidnight = local - (local % DAY_MS);
  for (let offset = 0; offset <= 8; offset++) {
    const day = localMidnight + offset * DAY_MS;
    if (schedule.day && weekdays[new Date(day).getUTCDay()] !== schedule.day) continue;
    const instant = instantOf(day + (hour * 60 + minute) * 60_000, schedule.timeZone);
    if (instant > after.getTime()) return new Date(instant);
  }
  throw new Error('unreachable: a daily or weekly schedule comes round within eight days');
}

/** A schedule in words: "Every day at 08:00, UK time", "Every Monday at 07:00, UK time". */
export function describeSchedule(schedule: Schedule): string {
  const zone = schedule.timeZone === UK ? 'UK time' : schedule.timeZone;
  return `${schedule.day ? `Every ${schedule.day}` : 'Every day'} at ${schedule.at}, ${zone}`;
}
