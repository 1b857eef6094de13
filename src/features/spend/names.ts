import { normaliseCharityNumber, normaliseCompanyNumber } from '../../domain/organisation-numbers.js';

/** A name as a key for remembering a decision: lower case, single spaces. "ACME  Ltd" and "acme ltd" are one supplier. */
export function supplierKey(name: string): string {
  return name.replace(/\s+/g, ' ').trim().toLowerCase();
}

const LEGAL_WORDS = /\b(ltd|limited|plc|llp|lp|cic|cio|inc|incorporated|co|company|the)\b/g;

/**
 * A name for matching: lower case, "&" as "and", without punctuation or the words that say what kind of company it
 * is ("Ltd", "Limited", "PLC", "CIC", "The"...). "The Acme Company (UK) Ltd." and "ACME LIMITED" are both "acme".
 */
export function matchingName(name: string): string {
  const plain = name
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, ' ');
  const stripped = plain.replace(LEGAL_WORDS, ' ').replace(/\s+/g, ' ').trim();
  // A name that is nothing but such words ("The Company Ltd") keeps them.
  return stripped || plain.replace(/\s+/g, ' ').trim();
}

/** A supplier name that was withheld before publication: "Redacted", "REDACTED PERSONAL DATA", "Withheld", or nothing. */
export function isRedactedName(name: string): boolean {
  return /^\W*(redacted|withheld|personal data|name withheld)\b/i.test(name.trim()) || name.trim() === '';
}

export interface RegistrationNumbers {
  companyNumber: string | null;
  charityNumber: string | null;
}

/**
 * The registration numbers in a 360Giving organisation identifier: GB-CHC-1234567 (Charity Commission for England and
 * Wales), GB-SC-SC012345 (Scotland), GB-NIC-100002 (Northern Ireland), GB-COH-01234567 (Companies House).
 */
export function numbersFromIdentifier(identifier: string): RegistrationNumbers {
  const match = /^GB-(CHC|SC|NIC|COH)-(.+)$/i.exec(identifier.trim());
  if (!match) return { companyNumber: null, charityNumber: null };
  const scheme = match[1]!.toUpperCase();
  const value = match[2]!;
  if (scheme === 'COH') return { companyNumber: normaliseCompanyNumber(value), charityNumber: null };
  const charity = scheme === 'NIC' && /^\d+$/.test(value) ? `NIC${value}` : value;
  return { companyNumber: null, charityNumber: normaliseCharityNumber(charity) };
}
