import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import type { Postcode } from '../../domain/postcodes.js';
import { srcDir } from '../../platform/paths.js';

/** A district council in the county council's area, or a neighbouring area that shares postcode sectors with it. */
export interface District {
  code: string;
  name: string;
  councilName: string;
}

export interface Locality {
  /** the local area with most of the postcode's sector, when the postcode is local */
  district: string | null;
  isLocal: boolean;
}

/** A postcode is local when at least this share of its sector's postcodes are in the areas counted as local. */
export const LOCAL_SHARE_MIN = 0.5;

function readData<T>(file: string): T[] {
  const text = readFileSync(path.join(srcDir, 'features/organisations/data', file), 'utf8');
  return parse(text, { columns: true, comment: '#', skip_empty_lines: true, trim: true }) as T[];
}

type AreaRow = { lad_code: string; name: string; council_name: string };
const asDistrict = (row: AreaRow): District => ({ code: row.lad_code, name: row.name, councilName: row.council_name });

/** The district councils in the county council's area, in the order of data/districts.csv. See data/README.md. */
export const districts: readonly District[] = readData<AreaRow>('districts.csv').map(asDistrict);

/** The districts' names, in the county's order. */
export const districtNames: readonly string[] = districts.map((d) => d.name);
/** The choice that stands for the whole county rather than named districts. */
export const COUNTYWIDE = 'Countywide';
/** The districts' names, then Countywide: the choices of where social value is delivered. */
export const districtChoices: readonly string[] = [...districtNames, COUNTYWIDE];

/** Every area the postcode data knows: the districts, then the neighbouring areas (data/neighbouring-areas.csv). */
export const areas: readonly District[] = [...districts, ...readData<AreaRow>('neighbouring-areas.csv').map(asDistrict)];

/** The areas counted as local until an administrator changes them: the county council's own districts. */
export const defaultLocalAreas: readonly District[] = districts;

/** Each sector's postcode count, and how many of its postcodes are in each area. */
const sectors = new Map<string, { total: number; byArea: Map<string, number> }>();
for (const row of readData<Record<string, string>>('postcode-sectors.csv')) {
  sectors.set(row.postcode_sector!, {
    total: Number(row.postcode_count),
    byArea: new Map(areas.map((a) => [a.code, Number(row[a.code] ?? 0)])),
  });
}

/**
 * The district and whether a postcode is local, by the rule in data/README.md, counting `localAreas` as local: at
 * least half of its sector's postcodes are in those areas, and its district is the one of them with the most (ties
 * to the first listed).
 */
export function localityOf(postcode: Postcode, localAreas: readonly Pick<District, 'code' | 'name'>[]): Locality {
  const sector = sectors.get(postcode.sector);
  if (!sector || sector.total === 0) return { district: null, isLocal: false };
  let inLocal = 0;
  let main: { name: string; count: number } | null = null;
  for (const area of localAreas) {
    const count = sector.byArea.get(area.code) ?? 0;
    inLocal += count;
    if (count > 0 && (!main || count > main.count)) main = { name: area.name, count };
  }
  return main && inLocal / sector.total >= LOCAL_SHARE_MIN ? { district: main.name, isLocal: true } : { district: null, isLocal: false };
}
