/** Companies House numbers are 8 characters: digits (leading zeros may be left off), or a 1 or 2 letter prefix and digits. */
export function normaliseCompanyNumber(input: string): string | null {
  const compact = input.toUpperCase().replace(/\s+/g, '');
  if (/^[0-9]{1,8}$/.test(compact)) return compact.padStart(8, '0');
  return /^(?=.{8}$)[A-Z]{1,2}[0-9]{6,7}$/.test(compact) ? compact : null;
}

/** Charity numbers: England and Wales (6 or 7 digits, with an optional -N for a linked charity), Scotland (SC), Northern Ireland (NIC). */
export function normaliseCharityNumber(input: string): string | null {
  const compact = input.toUpperCase().replace(/\s+/g, '');
  return /^([0-9]{6,7}(-[0-9]{1,3})?|SC[0-9]{6}|NIC[0-9]{6})$/.test(compact) ? compact : null;
}
