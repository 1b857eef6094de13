/**
 * Which measures of the Leicestershire framework (src/features/framework/leicestershire-framework.ts) fit a kind of
 * requirement, by its CPV division: the first two digits of its CPV code ("85310000-5" is in division 85, health and
 * social work services). A small, deliberate list, meant as a starting point for the officer's own judgement:
 *
 * - care and health services: jobs for care leavers, help for unpaid carers, safeguarding and dementia awareness
 * - construction, and the services around it: apprenticeships, spend with local small businesses, carbon, waste
 * - waste and cleaning: waste kept out of landfill, carbon, and (the policy's own example) free bid-writing training
 *   for local voluntary and community organisations
 * - goods (supplies, divisions 03 to 44): spend with local small businesses, and waste
 * - education, transport, IT, business, community, leisure, property, energy and land services: the measures closest
 *   to what each delivers
 *
 * Codes that a later framework version no longer has are simply not suggested. Divisions not listed give no
 * category suggestion.
 */

export interface Category {
  /** the CPV divisions, as two digits */
  divisions: readonly string[];
  /** how the reason describes the requirement: "the requirement {phrase}" */
  phrase: string;
  measureCodes: readonly string[];
}

export const categories: readonly Category[] = [
  { divisions: ['85'], phrase: 'is in health and social work services', measureCodes: ['WO03', 'WO15', 'WO14', 'KS01', 'KS03'] },
  { divisions: ['45'], phrase: 'is construction work', measureCodes: ['SE02', 'SE05', 'GC08', 'GC10'] },
  { divisions: ['71'], phrase: 'is in architectural, construction, engineering and inspection services', measureCodes: ['SE02', 'GC08', 'WO08'] },
  { divisions: ['50', '51'], phrase: 'is in repair, maintenance and installation services', measureCodes: ['SE02', 'SE05', 'GC10'] },
  { divisions: ['90'], phrase: 'is in sewage, refuse, cleaning and environmental services', measureCodes: ['GC10', 'GC08', 'SE09'] },
  { divisions: ['80'], phrase: 'is in education and training services', measureCodes: ['WO07', 'WO08', 'SE03', 'KS01'] },
  { divisions: ['60', '63'], phrase: 'is in transport services', measureCodes: ['GC09', 'KS06', 'GC08'] },
  { divisions: ['55'], phrase: 'is in hotel, catering and retail services', measureCodes: ['SE05', 'GC10'] },
  { divisions: ['48', '72'], phrase: 'is in IT services or software', measureCodes: ['WO13', 'SE03', 'WO07'] },
  { divisions: ['79'], phrase: 'is in business services', measureCodes: ['SE08', 'GC02'] },
  { divisions: ['98'], phrase: 'is in community, social and personal services', measureCodes: ['GC07', 'GC01', 'SE06'] },
  { divisions: ['92'], phrase: 'is in recreational, cultural and sporting services', measureCodes: ['WO11', 'GC01'] },
  { divisions: ['70'], phrase: 'is in real estate services', measureCodes: ['AH02', 'AH03'] },
  { divisions: ['09', '65'], phrase: 'is in energy or public utilities', measureCodes: ['GC08', 'AH06'] },
  { divisions: ['77'], phrase: 'is in agricultural, forestry and horticultural services', measureCodes: ['GC11', 'GC08'] },
];

/** Goods: every CPV division from 03 to 44 that has no more specific entry above. */
const supplies: Category = { divisions: [], phrase: 'is for goods (supplies)', measureCodes: ['SE05', 'GC10'] };

/** The category of a CPV code, or null when its division is not in the list (or the code is not a CPV code). */
export function categoryOf(cpvCode: string): Category | null {
  const division = /^\s*(\d{2})\d{6}/.exec(cpvCode)?.[1];
  if (!division) return null;
  const listed = categories.find((category) => category.divisions.includes(division));
  if (listed) return listed;
  const n = Number(division);
  return n >= 3 && n <= 44 ? supplies : null;
}

/** Measures that favour the districts a requirement is delivered in: local jobs, employment support and volunteering. */
export const districtMeasureCodes: readonly string[] = ['SE01', 'WO09', 'GC01'];

/** Measures that statutory-scale requirements (at or above the Social Value Act threshold) are large enough for. */
export const statutoryMeasureCodes: readonly string[] = ['SE02'];
