import type { PlannedSupplier } from '../../db/schema/index.js';
import { todayIso } from '../../domain/dates.js';
import { parsePostcode } from '../../domain/postcodes.js';
import type { Award, Organization, Release } from './read-package.js';

/** A date and time of a notice as the UK calendar date it falls on ("2025-04-23T23:59:59+01:00" is 23 April). */
export function ukDate(dateTime: string | null | undefined): string | null {
  if (!dateTime) return null;
  const time = Date.parse(dateTime);
  return Number.isNaN(time) ? null : todayIso(new Date(time));
}

/** Whole pounds and pence of an amount, or null if it is not a sum of money. */
export function amountToPence(amount: number | null | undefined): number | null {
  if (typeof amount !== 'number' || !Number.isFinite(amount) || amount < 0) return null;
  const pence = Math.round(amount * 100);
  return Number.isSafeInteger(pence) ? pence : null;
}

/** Scale as Contracts Finder and Find a Tender give it: "sme" is recorded as small, as the register import does. */
function sizeOf(scale: string | null | undefined): PlannedSupplier['size'] {
  switch (scale) {
    case 'micro':
    case 'small':
    case 'medium':
    case 'large':
      return scale;
    case 'sme':
      return 'small';
    default:
      return null;
  }
}

/** The supplier of an award from the release's parties: its name, Companies House number, postcode, SME and VCSE flags. */
export function supplierOf(release: Release, award: Award): PlannedSupplier | null {
  const named = award.suppliers?.[0];
  if (!named) return null;
  const party: Organization | undefined = release.parties?.find((p) => p.id && p.id === named.id);
  const name = (party?.name ?? named.name ?? '').trim();
  if (!name) return null;
  const scheme = party?.identifier?.scheme;
  const identifier = party?.identifier?.id === undefined || party?.identifier?.id === null ? null : String(party.identifier.id).trim();
  const postcode = parsePostcode(party?.address?.postalCode ?? '');
  return {
    name: name.slice(0, 200),
    identifier: scheme && identifier ? `${scheme}-${identifier}` : (party?.id ?? null),
    companiesHouseNumber: scheme === 'GB-COH' && identifier ? identifier.toUpperCase().padStart(8, '0') : null,
    postcode: postcode ? postcode.postcode : null,
    size: sizeOf(party?.details?.scale),
    isVcse: party?.details?.vcse ?? null,
  };
}
