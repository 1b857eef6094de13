import { formatDate } from '../../domain/dates.js';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** A report's period in words: "July to September 2026" for whole months, its dates otherwise. */
export function reportingPeriodLabel(start: string, end: string): string {
  const startMonth = Number(start.slice(5, 7)) - 1;
  const endMonth = Number(end.slice(5, 7)) - 1;
  const lastDay = new Date(Date.UTC(Number(end.slice(0, 4)), endMonth + 1, 0)).getUTCDate();
  if (start.slice(8) !== '01' || Number(end.slice(8)) !== lastDay) return `${formatDate(start)} to ${formatDate(end)}`;
  const endText = `${MONTHS[endMonth]} ${end.slice(0, 4)}`;
  if (start.slice(0, 7) === end.slice(0, 7)) return endText;
  return `${MONTHS[startMonth]}${start.slice(0, 4) === end.slice(0, 4) ? '' : ` ${start.slice(0, 4)}`} to ${endText}`;
}
