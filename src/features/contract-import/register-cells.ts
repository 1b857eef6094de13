import { isoFromParts } from '../../domain/dates.js';
import { parsePounds } from '../../domain/money.js';

/** Cells that registers fill in to mean "nothing here": a dash or "N/A". */
export function isEmptyCell(text: string): boolean {
  return /^(|[-–—]+|n\/?a)$/i.test(text.trim());
}

/** Cells whose content was removed before publication: "Redacted", "[REDACTED]", "Withheld". */
export function isRedacted(text: string): boolean {
  return /^[[(]?\s*(redacted|withheld)\s*[\])]?$/i.test(text.trim());
}

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);
const DAY_MS = 24 * 60 * 60 * 1000;

/** A spreadsheet's date serial number as "YYYY-MM-DD" (day 45000 is 15 March 2023), or null outside 1900 to 2200. */
export function excelSerialDate(serial: number): string | null {
  if (!Number.isInteger(serial) || serial < 61) return null;
  const iso = new Date(EXCEL_EPOCH + serial * DAY_MS).toISOString().slice(0, 10);
  return iso <= '2200-12-31' ? iso : null;
}

/** 3 for "March", "Mar" or "march"; 9 for "Sept" too. */
function monthNumber(word: string): number | null {
  const lower = word.toLowerCase();
  const index = MONTHS.findIndex((month) => lower === month || lower === month.slice(0, 3) || (lower === 'sept' && month === 'september'));
  return index < 0 ? null : index + 1;
}

const TIME = String.raw`(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?Z?)?`;
const ISO = new RegExp(String.raw`^(\d{4})-(\d{1,2})-(\d{1,2})${TIME}$`);
const DAY_MONTH_YEAR = new RegExp(String.raw`^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})${TIME}$`);
const IN_WORDS = /^(\d{1,2})(?:st|nd|rd|th)?[ -]([a-z]+)[ ,-]+(\d{4})$/i;

/**
 * A date as registers write it, as "YYYY-MM-DD": 31/03/2026 (day first, as in the UK), 2026-03-31, 31 March 2026,
 * 31-Mar-2026, or a spreadsheet's serial number (46112). Null when it is none of these or not a real date.
 */
export function registerDate(text: string): string | null {
  const cell = text.trim();
  let match = ISO.exec(cell);
  if (match) return isoFromParts(match[3]!, match[2]!, match[1]!);
  match = DAY_MONTH_YEAR.exec(cell);
  if (match) return isoFromParts(match[1]!, match[2]!, match[3]!);
  match = IN_WORDS.exec(cell);
  if (match) {
    const month = monthNumber(match[2]!);
    return month === null ? null : isoFromParts(match[1]!, String(month), match[3]!);
  }
  if (/^\d{5}$/.test(cell)) return excelSerialDate(Number(cell));
  return null;
}

/** A date written with a 2-digit year (31/03/26), which could be in either century. */
export function hasShortYear(text: string): boolean {
  return /^\d{1,2}[/.-]\d{1,2}[/.-]\d{2}$/.test(text.trim());
}

/** An amount of money as pence ("£1,234.50", "1234.5", "-£20"), negative amounts included, or null. */
export function registerMoney(text: string): number | null {
  return parsePounds(text.replace(/\s+/g, ''));
}

/** Yes (true) or No (false) as registers write it ("Yes", "Y", "TRUE", "1"), or null when it is neither. */
export function yesOrNo(text: string): boolean | null {
  const cell = text.trim().toLowerCase();
  if (['yes', 'y', 'true', '1'].includes(cell)) return true;
  if (['no', 'n', 'false', '0'].includes(cell)) return false;
  return null;
}
