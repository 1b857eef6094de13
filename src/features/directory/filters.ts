import { organisationSizes } from '../../db/schema/index.js';
import { field, fieldList } from '../../platform/forms.js';
import { cpvDivisionCodes } from '../requirements/categories.js';
import type { OrganisationSize } from '../organisations/labels.js';

/** The flags an officer can ask the directory for. */
export const directoryFlags = ['sme', 'vcse', 'social_enterprise', 'local', 'open_to_partnering'] as const;
export type DirectoryFlag = (typeof directoryFlags)[number];

/** What an officer searches the directory for: every part optional, all of them must hold. */
export interface DirectoryFilter {
  /** part of the name, or a Companies House or charity number */
  q: string;
  sizes: OrganisationSize[];
  flags: DirectoryFlag[];
  /** a CPV division, like '85' */
  category: string | null;
  district: string | null;
}

export type DirectoryReading = { ok: true; filter: DirectoryFilter } | { ok: false; filter: DirectoryFilter; problems: [string, string][] };

/** Reads the search form from the query string; a value that is not a choice is named, and left out of the search. */
export function readDirectoryFilter(query: unknown, districtChoices: readonly string[]): DirectoryReading {
  const problems: [string, string][] = [];
  const q = field(query, 'q').trim().slice(0, 200);
  const sizesSent = fieldList(query, 'size');
  const sizes = organisationSizes.filter((s) => sizesSent.includes(s));
  if (sizes.length !== new Set(sizesSent).size) problems.push(['size', 'Select sizes from the list']);
  const flagsSent = fieldList(query, 'flag');
  const flags = directoryFlags.filter((f) => flagsSent.includes(f));
  if (flags.length !== new Set(flagsSent).size) problems.push(['flag', 'Select from the list of kinds of organisation']);
  const categorySent = field(query, 'category');
  const category = cpvDivisionCodes.includes(categorySent) ? categorySent : null;
  if (categorySent && !category) problems.push(['category', 'Choose a category of work from the list']);
  const districtSent = field(query, 'district');
  const district = districtChoices.includes(districtSent) ? districtSent : null;
  if (districtSent && !district) problems.push(['district', 'Choose a district from the list']);
  const filter = { q, sizes, flags, category, district };
  return problems.length ? { ok: false, filter, problems } : { ok: true, filter };
}

/** The query string of a search, for links to its other pages. */
export function filterQuery(filter: DirectoryFilter): URLSearchParams {
  const params = new URLSearchParams();
  if (filter.q) params.append('q', filter.q);
  for (const s of filter.sizes) params.append('size', s);
  for (const f of filter.flags) params.append('flag', f);
  if (filter.category) params.append('category', filter.category);
  if (filter.district) params.append('district', filter.district);
  return params;
}
