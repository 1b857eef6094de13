/**
 * Categories of requirement by Common Procurement Vocabulary (CPV 2008) code. The form offers the categories a
 * county council buys most often; any other valid code can be typed, and is labelled by its CPV division when the
 * exact code is not in this list.
 */
export interface Category {
  /** the 8-digit CPV code, without its check digit */
  code: string;
  label: string;
}

/** The categories offered on the requirement form, in the order shown. */
export const commonCategories: readonly Category[] = [
  { code: '85000000', label: 'Health and social work services' },
  { code: '85311000', label: 'Social work services with accommodation' },
  { code: '85312000', label: 'Social work services without accommodation' },
  { code: '80000000', label: 'Education and training services' },
  { code: '60000000', label: 'Transport services' },
  { code: '60130000', label: 'Special-purpose road passenger transport services' },
  { code: '90500000', label: 'Refuse and waste related services' },
  { code: '90910000', label: 'Cleaning services' },
  { code: '77310000', label: 'Planting and maintenance services of green areas' },
  { code: '45000000', label: 'Construction work' },
  { code: '45233000', label: 'Construction, foundation and surface works for highways and roads' },
  { code: '50000000', label: 'Repair and maintenance services' },
  { code: '71000000', label: 'Architectural, construction, engineering and inspection services' },
  { code: '72000000', label: 'IT services: consulting, software development, internet and support' },
  { code: '48000000', label: 'Software packages and information systems' },
  { code: '79000000', label: 'Business services: law, marketing, consulting, recruitment, printing and security' },
  { code: '55500000', label: 'Canteen and catering services' },
  { code: '15000000', label: 'Food, beverages, tobacco and related products' },
  { code: '30190000', label: 'Various office equipment and supplies' },
  { code: '30192700', label: 'Stationery' },
  { code: '22110000', label: 'Printed books' },
  { code: '09300000', label: 'Electricity, heating, solar and nuclear energy' },
  { code: '98000000', label: 'Other community, social and personal services' },
];

/** The 45 CPV divisions (the first two digits of a code), for labelling codes that are not in the list above. */
export const cpvDivisions: Readonly<Record<string, string>> = {
  '03': 'Agricultural, farming, fishing, forestry and related products',
  '09': 'Petroleum products, fuel, electricity and other sources of energy',
  '14': 'Mining, basic metals and related products',
  '15': 'Food, beverages, tobacco and related products',
  '16': 'Agricultural machinery',
  '18': 'Clothing, footwear, luggage articles and accessories',
  '19': 'Leather and textile fabrics, plastic and rubber materials',
  '22': 'Printed matter and related products',
  '24': 'Chemical products',
  '30': 'Office and computing machinery, equipment and supplies except furniture and software packages',
  '31': 'Electrical machinery, apparatus, equipment and consumables; lighting',
  '32': 'Radio, television, communication, telecommunication and related equipment',
  '33': 'Medical equipment, pharmaceuticals and personal care products',
  '34': 'Transport equipment and auxiliary products to transportation',
  '35': 'Security, fire-fighting, police and defence equipment',
  '37': 'Musical instruments, sport goods, games, toys, handicraft, art materials and accessories',
  '38': 'Laboratory, optical and precision equipment (excluding glasses)',
  '39': 'Furniture, furnishings, domestic appliances (excluding lighting) and cleaning products',
  '41': 'Collected and purified water',
  '42': 'Industrial machinery',
  '43': 'Machinery for mining, quarrying and construction equipment',
  '44': 'Construction structures and materials; auxiliary products to construction (except electric apparatus)',
  '45': 'Construction work',
  '48': 'Software packages and information systems',
  '50': 'Repair and maintenance services',
  '51': 'Installation services (except software)',
  '55': 'Hotel, restaurant and retail trade services',
  '60': 'Transport services (excluding waste transport)',
  '63': 'Supporting and auxiliary transport services; travel agency services',
  '64': 'Postal and telecommunications services',
  '65': 'Public utilities',
  '66': 'Financial and insurance services',
  '70': 'Real estate services',
  '71': 'Architectural, construction, engineering and inspection services',
  '72': 'IT services: consulting, software development, internet and support',
  '73': 'Research and development services and related consultancy services',
  '75': 'Administration, defence and social security services',
  '76': 'Services related to the oil and gas industry',
  '77': 'Agricultural, forestry, horticultural, aquacultural and apicultural services',
  '79': 'Business services: law, marketing, consulting, recruitment, printing and security',
  '80': 'Education and training services',
  '85': 'Health and social work services',
  '90': 'Sewage, refuse, cleaning and environmental services',
  '92': 'Recreational, cultural and sporting services',
  '98': 'Other community, social and personal services',
};

/** The division codes in order: '03' to '98'. */
export const cpvDivisionCodes: readonly string[] = Object.keys(cpvDivisions).sort();

const CPV_CODE = /^(\d{8})(?:-(\d))?$/;

export type CpvReading = { ok: true; code: string } | { ok: false; problem: 'format' | 'division' };

/**
 * A CPV code as typed ("85000000", "85000000-9", " 85000000 - 9 ") in its standard form; or what is wrong with it:
 * not eight digits with an optional check digit, or a first two digits that are not a CPV division.
 */
export function readCpvCode(input: string): CpvReading {
  const match = CPV_CODE.exec(input.replace(/\s+/g, ''));
  if (!match) return { ok: false, problem: 'format' };
  const [, digits, checkDigit] = match;
  if (!cpvDivisions[digits!.slice(0, 2)]) return { ok: false, problem: 'division' };
  return { ok: true, code: checkDigit === undefined ? digits! : `${digits}-${checkDigit}` };
}

/**
 * The label of a CPV code in standard form: the category's label when the code is in the list, otherwise its
 * division's label. Every code that readCpvCode() accepts has one.
 */
export function cpvLabel(code: string): string {
  const digits = code.slice(0, 8);
  return commonCategories.find((c) => c.code === digits)?.label ?? cpvDivisions[digits.slice(0, 2)] ?? '';
}

/** True when the code is one of the categories offered on the form (so the form shows it selected, not typed). */
export function isCommonCategory(code: string): boolean {
  return commonCategories.some((c) => c.code === code);
}
