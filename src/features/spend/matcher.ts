import { similarity } from '../contract-import/mapping.js';
import { matchingName, type RegistrationNumbers } from './names.js';

/** A directory organisation as matching sees it. */
export interface DirectoryOrganisation {
  id: string;
  name: string;
  companiesHouseNumber: string | null;
  charityNumber: string | null;
}

export type SupplierMatch =
  | { status: 'matched'; organisationId: string; matchedBy: 'company number' | 'charity number' | 'name' }
  | { status: 'review'; candidateId: string; candidateScore: number }
  | { status: 'unmatched' };

/** A match as the columns of a spend supplier that hold it. */
export function matchColumns(match: SupplierMatch) {
  return {
    status: match.status,
    organisationId: match.status === 'matched' ? match.organisationId : null,
    matchedBy: match.status === 'matched' ? match.matchedBy : null,
    candidateId: match.status === 'review' ? match.candidateId : null,
    candidateScore: match.status === 'review' ? match.candidateScore : null,
  };
}

/** A name at least this similar (0 to 1) to an organisation's, and not the same, is put to a person to decide. */
export const REVIEW_SIMILARITY = 0.75;

/** Words too short or common to find candidates by. */
export const MIN_TOKEN = 3;

export interface Matcher {
  match(supplier: { name: string } & RegistrationNumbers): SupplierMatch;
  /** the organisations with the most similar names, best first, for a person choosing one */
  similar(name: string, limit: number): { organisation: DirectoryOrganisation; score: number }[];
}

/**
 * Matches suppliers as files name them to directory organisations: by Companies House number, then charity number,
 * then by the name with punctuation, case and "Ltd", "Limited", "PLC" and the like taken away (when exactly one
 * organisation has that name, and its numbers do not disagree). A name that only resembles one (edit distance) is
 * for review. Candidates are found through the words they share, so each supplier is compared with few names.
 */
export function buildMatcher(organisations: readonly DirectoryOrganisation[]): Matcher {
  const byCompany = new Map<string, DirectoryOrganisation>();
  const byCharity = new Map<string, DirectoryOrganisation>();
  const byName = new Map<string, DirectoryOrganisation[]>();
  const byToken = new Map<string, DirectoryOrganisation[]>();
  const names = new Map<string, string>();
  for (const o of organisations) {
    if (o.companiesHouseNumber && !byCompany.has(o.companiesHouseNumber)) byCompany.set(o.companiesHouseNumber, o);
    if (o.charityNumber && !byCharity.has(o.charityNumber)) byCharity.set(o.charityNumber, o);
    const name = matchingName(o.name);
    names.set(o.id, name);
    byName.set(name, [...(byName.get(name) ?? []), o]);
    for (const token of new Set(name.split(' '))) if (token.length >= MIN_TOKEN) byToken.set(token, [...(byToken.get(token) ?? []), o]);
  }

  function similar(name: string, limit: number) {
    const key = matchingName(name);
    const seen = new Set<DirectoryOrganisation>();
    for (const token of new Set(key.split(' '))) for (const o of byToken.get(token) ?? []) seen.add(o);
    return [...seen]
      .map((organisation) => ({ organisation, score: similarity(key, names.get(organisation.id)!) }))
      .sort((a, b) => b.score - a.score || a.organisation.name.localeCompare(b.organisation.name))
      .slice(0, limit);
  }

  return {
    similar,
    match(supplier) {
      const numbered = (supplier.companyNumber && byCompany.get(supplier.companyNumber)) || null;
      if (numbered) return { status: 'matched', organisationId: numbered.id, matchedBy: 'company number' };
      const charity = (supplier.charityNumber && byCharity.get(supplier.charityNumber)) || null;
      if (charity) return { status: 'matched', organisationId: charity.id, matchedBy: 'charity number' };
      const disagrees = (o: DirectoryOrganisation) =>
        (!!supplier.companyNumber && !!o.companiesHouseNumber && o.companiesHouseNumber !== supplier.companyNumber) ||
        (!!supplier.charityNumber && !!o.charityNumber && o.charityNumber !== supplier.charityNumber);
      const named = (byName.get(matchingName(supplier.name)) ?? []).filter((o) => !disagrees(o));
      if (named.length === 1) return { status: 'matched', organisationId: named[0]!.id, matchedBy: 'name' };
      const [best] = similar(supplier.name, 1).filter((c) => !disagrees(c.organisation));
      if (best && best.score >= REVIEW_SIMILARITY) return { status: 'review', candidateId: best.organisation.id, candidateScore: Math.round(best.score * 100) };
      return { status: 'unmatched' };
    },
  };
}
