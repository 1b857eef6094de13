/**
 * The units a measure can be counted in: the common ones (every unit the Leicestershire framework uses among them),
 * and any other unit already used in the version being edited, for example one that came from an imported file.
 */
export const COMMON_UNITS = [
  'people',
  'FTE years',
  'weeks',
  'days',
  'hours',
  'sessions',
  'organisations',
  'homes',
  'items',
  'trees',
  'kilometres',
  'kWh',
  'tonnes',
  'tonnes CO2e',
  '£',
] as const;

export function unitOptions(inUse: readonly string[]): string[] {
  const extra = inUse.filter((unit) => !(COMMON_UNITS as readonly string[]).includes(unit)).sort((a, b) => a.localeCompare(b, 'en-GB'));
  return [...COMMON_UNITS, ...new Set(extra)];
}
