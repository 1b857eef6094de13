/**
 * Quantities of a measure's unit (people, hours, tonnes...) are kept as integer hundredths, like money in pence,
 * so that sums and values never meet floating point.
 */

/** "12.5", "1,200", " 3 " -> hundredths; null when it is not a non-negative number with at most 2 decimal places. */
export function parseQuantity(input: string): number | null {
  const cleaned = input.trim().replace(/,(?=\d{3}(\D|$))/g, '');
  if (!/^\d+(\.\d{1,2})?$/.test(cleaned)) return null;
  const [whole = '0', fraction = ''] = cleaned.split('.');
  const hundredths = Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
  return Number.isSafeInteger(hundredths) ? hundredths : null;
}

// Made once: toLocaleString with options builds a new number format on every call, which is slow in long lists.
const QUANTITY = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 2 });

/** Hundredths for display: 1250 -> "12.5", 120000 -> "1,200". */
export function formatQuantity(hundredths: number): string {
  return QUANTITY.format(hundredths / 100);
}

/** Hundredths as a plain decimal for forms and files: 1250 -> "12.5". */
export function quantityToDecimal(hundredths: number): string {
  const whole = Math.trunc(hundredths / 100);
  const rest = Math.abs(hundredths % 100);
  return rest ? `${whole}.${String(rest).padStart(2, '0').replace(/0$/, '')}` : String(whole);
}
