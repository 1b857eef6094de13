/** A UK postcode, written the standard way ("LE11 3AB"), with its outward code ("LE11") and sector ("LE11 3"). */
export interface Postcode {
  postcode: string;
  outward: string;
  sector: string;
}

// Outward code: area (1 or 2 letters), district (a digit, then an optional digit or letter); inward code: a digit and two letters.
const FULL_POSTCODE = /^([A-Z]{1,2}[0-9][A-Z0-9]?)([0-9][A-Z]{2})$/;

/** Reads a full UK postcode however it was typed ("le113ab", " LE11  3AB "), or returns null if it is not one. */
export function parsePostcode(input: string): Postcode | null {
  const compact = input.toUpperCase().replace(/\s+/g, '');
  const match = FULL_POSTCODE.exec(compact);
  if (!match) return null;
  const [, outward = '', inward = ''] = match;
  return { postcode: `${outward} ${inward}`, outward, sector: `${outward} ${inward[0]}` };
}
