/** Money is integer pence everywhere. These helpers are the only place pounds and pence meet. */

const POUNDS = /^-?\d{1,3}(,\d{3})*(\.\d{1,2})?$|^-?\d+(\.\d{1,2})?$/;

/**
 * Parses what a person types for an amount of money ("£1,234.50", "1234", " 50000 ") into pence.
 * Returns null when it is not an amount of money.
 */
export function parsePounds(input: string): number | null {
  const cleaned = input
    .trim()
    .replace(/^£/, '')
    .replace(/^(-?)£/, '$1')
    .trim();
  if (!POUNDS.test(cleaned)) return null;
  const [whole = '0', fraction = ''] = cleaned.replace(/,/g, '').replace('-', '').split('.');
  const pence = Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
  if (!Number.isSafeInteger(pence)) return null;
  return cleaned.startsWith('-') ? -pence : pence;
}

/** "£1,234,567" for whole pounds, "£1,234.50" otherwise. */
export function formatPounds(pence: number): string {
  const negative = pence < 0;
  const abs = Math.abs(pence);
  const pounds = Math.floor(abs / 100);
  const rest = abs % 100;
  const text = `£${pounds.toLocaleString('en-GB')}${rest ? `.${String(rest).padStart(2, '0')}` : ''}`;
  return negative ? `-${text}` : text;
}

/** Pence as a plain decimal string for forms and files: 123456 -> "1234.56", 5000 -> "50.00". */
export function penceToDecimal(pence: number): string {
  const negative = pence < 0;
  const abs = Math.abs(pence);
  return `${negative ? '-' : ''}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

// Made once: toLocaleString with options builds a new number format on every call, which is slow on long pages.
const PERCENT = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 2 });

/** Basis points (1250) as a percentage for display ("12.5%"). */
export function formatBps(bps: number): string {
  return `${PERCENT.format(bps / 100)}%`;
}

/** A percentage for a form or a file: basis points 1250 -> "12.5", 0 -> "0". Exact for every whole number of basis points. */
export function percentText(bps: number): string {
  return String(bps / 100);
}

/** A percentage typed by a person ("12.5", "12.5%") as basis points, or null. */
export function parsePercent(input: string): number | null {
  const cleaned = input.trim().replace(/%$/, '').trim();
  if (!/^\d{1,3}(\.\d{1,2})?$/.test(cleaned)) return null;
  const [whole = '0', fraction = ''] = cleaned.split('.');
  const bps = Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
  return bps <= 10000 ? bps : null;
}
